import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, test } from 'vitest';
import { IdgraphError } from '../../src/errors/index.js';
import { contentCustomerId } from '../../src/ids/customer-id.js';
import type { InputRecord } from '../../src/input/index.js';
import { writeCsv } from '../../src/output/csv-file.js';
import { HEADERS } from '../../src/output/run-files.js';
import { readPreviousState } from '../../src/state/read-state.js';
import { STATE_FILES } from '../../src/state/state-files.js';
import { encodeStateRecord } from '../../src/state/state-record.js';
import { lineBlock, writeState } from '../../src/state/write-state.js';

const A = contentCustomerId(['crm/1']);
const B = contentCustomerId(['crm/2']);
const OLD = contentCustomerId(['crm/0']);
const record = (recordId: string): InputRecord => ({
  file: 'crm.csv', line: 2, recordId, source: 'crm', domain: 'crm', timestamp: null,
  identifiers: [{ type: 'email', raw: `${recordId}@example.org` }], attributes: {}, cookiePermission: null, crmPermission: 'granted',
});

let dir: string;

/** Writes a complete run directory as far as the state reader cares: run.json, state/, id_history.csv. */
async function writeRunDir(): Promise<void> {
  await writeFile(join(dir, 'run.json'), JSON.stringify({ format: 'idgraph-run', version: 1 }));
  await writeState(dir, {
    createdAt: '2024-01-01T00:00:00.000Z',
    blocks: [lineBlock([encodeStateRecord(record('1'), A), encodeStateRecord(record('2'), B)]), lineBlock([encodeStateRecord(record('3'), A)])],
    customers: [{ id: B, records: 1, firstSeen: '2023-01-01T00:00:00.000Z' }, { id: A, records: 2, firstSeen: '2024-01-01T00:00:00.000Z' }],
    pseudonymised: false,
    keyCheck: null,
  });
  await writeCsv(join(dir, 'id_history.csv'), HEADERS.idHistory, [[OLD, A, 'merged', '2023-06-01T00:00:00.000Z']]);
}

/** Expects readPreviousState to fail with PREVIOUS_STATE_INVALID and a message naming `part`. */
async function expectInvalid(part: string): Promise<void> {
  const error = await readPreviousState(dir).then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(IdgraphError);
  expect((error as IdgraphError).code).toBe('PREVIOUS_STATE_INVALID');
  expect((error as IdgraphError).message).toContain(part);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'idgraph-state-'));
  await writeRunDir();
});

describe('readPreviousState', () => {
  describe('should refuse a directory that is not a complete run with state', () => {
    test('for a missing directory', async () => {
      dir = join(dir, 'missing');
      await expectInvalid('run.json is missing');
    });

    test('for a run without state/ (an older idgraph)', async () => {
      await rm(join(dir, 'state'), { recursive: true });
      await expectInvalid('state/state.json is missing');
    });

    test('for an unknown state version', async () => {
      await writeFile(join(dir, STATE_FILES.manifest), JSON.stringify({ format: 'idgraph-state', version: 9 }));
      await expectInvalid('unknown format or version');
    });

    test('for a records file that is not gzip', async () => {
      await writeFile(join(dir, STATE_FILES.records), 'plain text\n');
      await expectInvalid('not valid gzip');
    });

    test('for a corrupt line, naming its number', async () => {
      await writeFile(join(dir, STATE_FILES.records), gzipSync(`${encodeStateRecord(record('1'), A)}\n{"x":1}\n`));
      await expectInvalid('line 2: missing source or recordId');
    });

    test('for a record count that differs from state.json', async () => {
      await writeFile(join(dir, STATE_FILES.records), gzipSync(`${encodeStateRecord(record('1'), A)}\n`));
      await expectInvalid('holds 1 records');
    });

    test('for a record whose customer is not in customers.csv', async () => {
      await writeCsv(join(dir, STATE_FILES.customers), ['customer_id', 'first_seen', 'records'], [[A, '2024-01-01T00:00:00.000Z', 2]]);
      await expectInvalid('lacks a customer');
    });

    test('for a missing id_history.csv', async () => {
      await rm(join(dir, 'id_history.csv'));
      await expectInvalid('id_history.csv: file missing');
    });
  });

  describe('should read back what writeState wrote', () => {
    test('for records, customers, history and the set of IDs never to reissue', async () => {
      const state = await readPreviousState(dir);
      expect(state.manifest).toStrictEqual({
        format: 'idgraph-state', version: 1, createdAt: '2024-01-01T00:00:00.000Z', records: 3, customers: 2, pseudonymised: false, keyCheck: null,
      });
      expect(state.records).toStrictEqual([
        { record: record('1'), customerId: A },
        { record: record('2'), customerId: B },
        { record: record('3'), customerId: A },
      ]);
      expect(state.ids).toStrictEqual({
        customerOf: new Map([['crm/1', A], ['crm/2', B], ['crm/3', A]]),
        customers: new Map([[A, { records: 2, firstSeen: '2024-01-01T00:00:00.000Z' }], [B, { records: 1, firstSeen: '2023-01-01T00:00:00.000Z' }]]),
        retired: new Set([OLD, A]),
      });
      expect(state.history).toStrictEqual([{ oldId: OLD, newId: A, event: 'merged', at: '2023-06-01T00:00:00.000Z' }]);
    });

    test('for customers.csv sorted by ID, whatever order the customers came in', async () => {
      const ids = [A, B, OLD].sort();
      const customers = ids.map((id, index) => ({ id, records: index + 1, firstSeen: '2024-01-01T00:00:00.000Z' }));
      for (const given of [customers, [...customers].reverse(), [customers[1]!, customers[0]!, customers[2]!]]) {
        await writeState(dir, { createdAt: '2024-01-01T00:00:00.000Z', blocks: [], customers: given, pseudonymised: false, keyCheck: null });
        const lines = (await readFile(join(dir, STATE_FILES.customers), 'utf8')).trim().split('\n');
        expect(lines.slice(1)).toStrictEqual(customers.map((c) => `${c.id},${c.firstSeen},${c.records}`));
      }
    });
  });
});

describe('readNdjsonGz', () => {
  describe('should refuse a truncated file', () => {
    test('for a gzip stream cut short', async () => {
      const { readNdjsonGz } = await import('../../src/state/read-state.js');
      const whole = gzipSync(Array.from({ length: 2000 }, (_, index) => encodeStateRecord(record(String(index)), A)).join('\n'));
      await writeFile(join(dir, 'cut.gz'), whole.subarray(0, whole.length - 40));
      const read = async () => {
        for await (const line of readNdjsonGz(join(dir, 'cut.gz'), (what) => new Error(what))) void line;
      };
      await expect(read()).rejects.toThrow('records file is not valid gzip');
    });
  });
});
