// Parsing on a worker thread gives what parsing on this thread gives: rows, rejections, errors, progress.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect } from 'vitest';
import { DEFAULT_CONFIG, loadConfig, type Config } from '../../src/config/index.js';
import { IdgraphError } from '../../src/errors/index.js';
import { readInputs } from '../../src/input/index.js';
import { readRowsInWorker } from '../../src/input/rows-in-worker.js';
import { generatedFiles, type GeneratedFiles } from '../helpers/generated-run.js';

const config: Config = { ...DEFAULT_CONFIG, sources: { shop: 'crm', web: 'online' }, limits: { ...DEFAULT_CONFIG.limits, maxFieldLength: 100 } };
const IN_WORKER = { parseInWorkerFrom: 0 };
const ON_THIS_THREAD = { parseInWorkerFrom: Infinity };
const write = (name: string, content: string | Buffer) => {
  const path = join(mkdtempSync(join(tmpdir(), 'idgraph-rows-')), name);
  writeFileSync(path, content);
  return path;
};
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

let generated: GeneratedFiles;
beforeAll(async () => {
  generated = await generatedFiles(300, 17);
});

describe('readInputs with parsing on a worker thread', () => {
  test('should read a generated multi-source dataset exactly as this thread does', async () => {
    const generatedConfig = await loadConfig(generated.config);
    const inWorker = await readInputs(generated.inputs, generatedConfig, IN_WORKER);
    expect(inWorker.records.length).toBeGreaterThan(300);
    expect(inWorker).toStrictEqual(await readInputs(generated.inputs, generatedConfig, ON_THIS_THREAD));
  });

  const lines = fc.constantFrom(
    'r1,shop,,2024-05-01T10:00:00Z,a@x.de,granted',
    'r1,shop,,2020-01-01,b@x.de,granted',
    ',shop,,,c@x.de,granted',
    'r2,shop,,2024-02-30,d@x.de,granted',
    'r3,shop,moon,,e@x.de,maybe',
    'r4,shop,,,"unclosed@x.de,granted',
    'r5,shop',
    'r6,shop,,,a"b@x.de,granted',
    `r7,shop,,,${'x'.repeat(101)},granted`,
    '',
  );
  test.prop([fc.array(lines, { maxLength: 30 }), fc.constantFrom('\n', '\r\n')], { numRuns: 8 })(
    'should give the same records and rejections for CSV rows of every kind',
    async (rows, eol) => {
      const path = write('shop.csv', ['record_id,source,domain,timestamp,email,cookie_permission', ...rows, ''].join(eol));
      expect(await readInputs([path], config, IN_WORKER)).toStrictEqual(await readInputs([path], config, ON_THIS_THREAD));
    },
  );

  test('should give the same records and rejections for NDJSON lines of every kind', async () => {
    const path = write('web.ndjson', ['not json', '{"record_id":"w1","source":"web","cookie_permission":"granted"}', '', '[1]', '{"record_id":"w2","email":{"x":1}}', ''].join('\n'));
    const inWorker = await readInputs([path], config, IN_WORKER);
    expect(inWorker.rejections.length).toBe(3);
    expect(inWorker).toStrictEqual(await readInputs([path], config, ON_THIS_THREAD));
  });

  test('should stop the run with the same error for a UTF-16 file', async () => {
    const path = write('shop.csv', Buffer.from('\ufeffrecord_id,source\nr1,shop\n', 'utf16le'));
    const inWorker = await failure(readInputs([path], config, IN_WORKER));
    expect(inWorker).toBeInstanceOf(IdgraphError);
    expect(inWorker).toStrictEqual(await failure(readInputs([path], config, ON_THIS_THREAD)));
    expect((inWorker as IdgraphError).code).toBe('INPUT_UNREADABLE');
  });

  test('should stop the run with the same error for a header row that cannot be read', async () => {
    const path = write('shop.csv', 'record_id,"source\nr1,shop\n');
    const inWorker = await failure(readInputs([path], config, IN_WORKER));
    expect((inWorker as IdgraphError).message).toBe(((await failure(readInputs([path], config, ON_THIS_THREAD))) as IdgraphError).message);
  });

  test('should report progress in order, up to the size of all files', async () => {
    const seen: [number, number][] = [];
    await readInputs(generated.inputs, await loadConfig(generated.config), { ...IN_WORKER, onProgress: (done, total) => seen.push([done, total]) });
    const [, total] = seen[0]!;
    expect(seen.every(([done], index) => index === 0 || done >= seen[index - 1]![0])).toBe(true);
    expect(seen.at(-1)).toStrictEqual([total, total]);
  });
});

describe('readRowsInWorker', () => {
  test('should rethrow a failed read with its Node error code, as the reader on this thread does', async () => {
    const rows = readRowsInWorker(join(tmpdir(), 'idgraph-no-such-dir', 'gone.csv'), 'csv', 1 << 16);
    const error = (await failure(rows.next())) as NodeJS.ErrnoException;
    expect([error.code, error.message.includes('gone.csv')]).toStrictEqual(['ENOENT', true]);
  });
});

describe('readRowsInWorker progress', () => {
  test('should report the whole file read, also when its last bytes end no row (blank lines)', async () => {
    const content = `record_id,source\nr1,shop\n${'\n'.repeat(200_000)}`;
    const path = write('shop.csv', content);
    const seen: number[] = [];
    for await (const _rows of readRowsInWorker(path, 'csv', 1 << 16, (bytes) => seen.push(bytes))) {
      // rows are not what this test is about
    }
    expect(seen.at(-1)).toBe(Buffer.byteLength(content));
  });
});
