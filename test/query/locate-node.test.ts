import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CustomerId } from '../../src/ids/index.js';
import { writeIndexDirectory } from '../../src/query/index-writer.js';
import { describeNotFound, locateNode, type NotFoundReason } from '../../src/query/locate-node.js';
import { parseRef } from '../../src/query/ref.js';
import { openRunDirectory, type RunDirectory } from '../../src/query/run-directory.js';

const A = 'cus_000000000000000a' as CustomerId;
const B = 'cus_000000000000000b' as CustomerId;
let run: RunDirectory;

/** A hand-made run: record 17 exists in shop and crm, record a/b's ID holds a slash, one unattached email. */
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'idgraph-locate-'));
  await writeFile(join(dir, 'run.json'), JSON.stringify({ format: 'idgraph-run', version: 1, createdAt: '', consent: 'enforce', fuzzy: false, pseudonymised: false, phoneRegion: 'DE' }));
  await writeIndexDirectory(
    join(dir, 'index'),
    {
      records: [
        { recordId: '17', source: 'shop', customerId: A },
        { recordId: '17', source: 'crm', customerId: B },
        { recordId: 'a/b', source: 'web', customerId: A },
      ],
      identifiers: [
        { type: 'phone', value: '+491711234567', customerId: A, records: 1 },
        { type: 'email', value: 'lonely@example.org', customerId: null, records: 2 },
      ],
      customers: [
        { id: A, permissionLevel: 1, records: 2, identifiers: 1, sources: ['shop', 'web'] },
        { id: B, permissionLevel: 1, records: 1, identifiers: 0, sources: ['crm'] },
      ],
      links: [],
      refused: [],
      junk: [],
    },
    {},
  );
  run = await openRunDirectory(dir);
});

const locate = (text: string) => locateNode(run, parseRef(text, ['identifier', 'record']) as never);

describe('locateNode', () => {
  describe('should refuse a bare record ID held by several sources', () => {
    test('listing how to write each', async () => {
      await expect(locate('record:17')).rejects.toThrow('record:17: that record ID exists in several sources; write one of record:crm/17, record:shop/17');
    });
  });

  describe('should find', () => {
    test.each([
      ['record:shop/17', { kind: 'node', node: 'record:shop/17', customerId: A, holders: null }],
      ['record:crm/17', { kind: 'node', node: 'record:crm/17', customerId: B, holders: null }],
      ['record:web/a/b', { kind: 'node', node: 'record:web/a/b', customerId: A, holders: null }],
      ['record:a/b', { kind: 'node', node: 'record:web/a/b', customerId: A, holders: null }],
      ['phone:0171 1234567', { kind: 'node', node: 'phone:+491711234567', customerId: A, holders: 1 }],
      ['email:Lonely@Example.org', { kind: 'node', node: 'email:lonely@example.org', customerId: null, holders: 2 }],
    ])('for %j', async (text, expected) => {
      expect(await locate(text)).toStrictEqual(expected);
    });
  });

  describe('should say why not', () => {
    test.each([
      ['record:shop/18', 'absent'],
      ['record:nope', 'absent'],
      ['phone:12', 'invalid'],
      ['email:other@example.org', 'absent'],
    ])('for %j', async (text, reason) => {
      expect(await locate(text)).toMatchObject({ kind: 'not-found', reason });
    });
  });
});

describe('describeNotFound', () => {
  describe('should give one line for every reason', () => {
    test.each(['absent', 'invalid', 'junk', 'unattached', 'erased'] satisfies NotFoundReason[])('for %s', (reason) => {
      const text = describeNotFound(reason, 'placeholder');
      expect(text.length).toBeGreaterThan(5);
      expect(text).not.toContain('\n');
    });
  });
});
