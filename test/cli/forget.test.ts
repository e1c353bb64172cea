// End to end: `idgraph forget` erases a customer from a run's outputs and state, and a later --previous run does not bring it back.
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { readCsvFile } from '../helpers/csv.js';
import { generatedFiles, type GeneratedFiles } from '../helpers/generated-run.js';

const KEY = 'forget-test-key-0123456789';
let data: GeneratedFiles;
let root: string;
let raw: string;
let pseudonymised: string;

interface Captured extends CliIo {
  readonly out: string[];
  readonly err: string[];
}

function capture(env: Record<string, string> = {}): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (text) => out.push(text), stderr: (text) => err.push(text), stderrIsTty: false, env };
}

/** A fresh copy of a run directory, so each test erases from its own. */
async function copyRun(from: string): Promise<string> {
  const to = join(await mkdtemp(join(root, 'copy-')), 'run');
  await cp(from, to, { recursive: true });
  return to;
}

/** Every file of a run as text (the state gunzipped), to search for traces. */
async function everything(dir: string): Promise<string> {
  let text = '';
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path);
    text += path.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  }
  return text;
}

/** A customer with several records and an email attached to it, from identifiers.csv. */
function customerWithEmail(dir: string): { customerId: string; email: string } {
  const counts = new Map(readCsvFile(join(dir, 'customers.csv')).map((row) => [row['customer_id']!, Number(row['records'])]));
  const row = readCsvFile(join(dir, 'identifiers.csv')).find((r) => r['type'] === 'email' && (counts.get(r['customer_id']!) ?? 0) > 1)!;
  return { customerId: row['customer_id']!, email: row['value']! };
}

beforeAll(async () => {
  data = await generatedFiles(40, 8);
  root = await mkdtemp(join(tmpdir(), 'idgraph-forget-'));
  raw = join(root, 'raw');
  pseudonymised = join(root, 'pseudonymised');
  expect(await main(['resolve', ...data.inputs, '--config', data.config, '--out', raw, '--no-fuzzy', '--quiet'], capture())).toBe(0);
  expect(
    await main(['resolve', ...data.inputs, '--config', data.config, '--out', pseudonymised, '--no-fuzzy', '--quiet', '--pseudonymise'], capture({ IDGRAPH_PSEUDONYM_KEY: KEY })),
  ).toBe(0);
});

describe('idgraph forget', () => {
  describe('should exit 1 with one line and change nothing', () => {
    test.each([
      ['an unknown customer ID', 'cus_0000000000000000', /^idgraph: cus_0000000000000000: no such customer in .*; nothing was erased\n$/],
      ['an email no record holds', 'email:nobody.here@web.de', /^idgraph: email: no customer of .* holds that value; nothing was erased\n$/],
      ['a malformed reference', 'fax:123', /^idgraph: forget: not a reference; write <type>:<value> .*nothing was erased\n$/],
      ['an invalid email', 'email:no-at-sign', /^idgraph: forget: not a valid email \([^)]*\); nothing was erased\n$/],
    ])('for %s', async (_name, ref, message) => {
      const dir = await copyRun(raw);
      const before = await everything(dir);
      const io = capture();
      expect(await main(['forget', dir, ref], io)).toBe(1);
      expect(io.err.join('')).toMatch(message);
      expect(io.err.join('')).not.toContain('nobody.here');
      expect(await everything(dir)).toBe(before);
    });

    test('for a directory that is not a run', async () => {
      const io = capture();
      expect(await main(['forget', root, 'cus_0000000000000000'], io)).toBe(1);
      expect(io.err).toStrictEqual([`idgraph: ${root}: not an idgraph run directory (no run.json); pass the --out directory of a resolve run\n`]);
    });
  });

  describe('should erase every trace of the customer', () => {
    test('for a customer ID: records, identifiers, customers, links, refused, state; one erased history row', async () => {
      const dir = await copyRun(raw);
      const { customerId } = customerWithEmail(dir);
      const records = readCsvFile(join(dir, 'records.csv')).filter((row) => row['customer_id'] === customerId).length;
      const io = capture();
      expect(await main(['forget', dir, customerId], io)).toBe(0);
      expect(io.out.join('')).toMatch(new RegExp(`^erased 1 customer from .*: ${records} records, \\d+ identifiers?, \\d+ links?, \\d+ refused merges?, \\d+ rejected rows?, ${records} state records; id_history.csv records the erasure\\n$`));
      for (const file of ['records.csv', 'identifiers.csv', 'customers.csv', 'links.csv', 'refused.csv']) {
        expect(await readFile(join(dir, file), 'utf8')).not.toContain(customerId);
      }
      const history = readCsvFile(join(dir, 'id_history.csv'));
      expect(history.map(({ at: _at, ...rest }) => rest)).toStrictEqual([{ old_id: customerId, new_id: '', event: 'erased' }]);
      expect((await everything(dir)).split(customerId).length - 1).toBe(1);
    });

    test('for an email: the customer holding it, and the value is gone from every file and the state', async () => {
      const dir = await copyRun(raw);
      const { customerId, email } = customerWithEmail(dir);
      const io = capture();
      expect(await main(['forget', dir, `email:${email.toUpperCase()}`, '--json'], io)).toBe(0);
      const counts = JSON.parse(io.out.join('')) as Record<string, number>;
      expect(counts['customers']).toBeGreaterThanOrEqual(1);
      expect(io.out.join('')).not.toContain(email);
      const all = await everything(dir);
      expect(all.toLowerCase()).not.toContain(email);
      expect(readCsvFile(join(dir, 'records.csv')).some((row) => row['customer_id'] === customerId)).toBe(false);
    });

    test('for an email of a pseudonymised run, with the key', async () => {
      const dir = await copyRun(pseudonymised);
      const rawRun = customerWithEmail(raw);
      const recordsBefore = readCsvFile(join(dir, 'records.csv')).length;
      const io = capture({ IDGRAPH_PSEUDONYM_KEY: KEY });
      expect(await main(['forget', dir, `email:${rawRun.email}`], io)).toBe(0);
      expect(readCsvFile(join(dir, 'records.csv')).length).toBeLessThan(recordsBefore);
      expect(await everything(dir)).not.toContain(rawRun.email);
    });
  });

  describe('should refuse a typed value of a pseudonymised run without the key', () => {
    test('for a missing IDGRAPH_PSEUDONYM_KEY', async () => {
      const dir = await copyRun(pseudonymised);
      const io = capture();
      expect(await main(['forget', dir, `email:${customerWithEmail(raw).email}`], io)).toBe(1);
      expect(io.err.join('')).toMatch(/IDGRAPH_PSEUDONYM_KEY/);
    });
  });

  describe('should not let a --previous run bring the customer back', () => {
    test('for a run on new records only; the same records in a new input come back under a new ID', async () => {
      const dir = await copyRun(raw);
      const { customerId } = customerWithEmail(dir);
      const erasedKeys = readCsvFile(join(dir, 'records.csv'))
        .filter((row) => row['customer_id'] === customerId)
        .map((row) => `${row['source']}/${row['record_id']}`);
      expect(await main(['forget', dir, customerId], capture())).toBe(0);

      const fresh = join(root, 'fresh.csv');
      await writeFile(fresh, 'record_id,source,domain,timestamp,email,crm_permission\nnew-1,crm,crm,2024-05-01T00:00:00Z,new.person@web.de,granted\n');
      const next = join(root, 'next');
      expect(await main(['resolve', fresh, '--config', data.config, '--out', next, '--previous', dir, '--no-fuzzy', '--quiet'], capture())).toBe(0);
      const keys = readCsvFile(join(next, 'records.csv')).map((row) => `${row['source']}/${row['record_id']}`);
      expect(keys.filter((key) => erasedKeys.includes(key))).toStrictEqual([]);
      expect(await everything(next)).not.toMatch(new RegExp(`${customerId}(?!,,erased)`));

      const again = join(root, 'again');
      expect(await main(['resolve', ...data.inputs, '--config', data.config, '--out', again, '--previous', dir, '--no-fuzzy', '--quiet'], capture())).toBe(0);
      const back = readCsvFile(join(again, 'records.csv')).filter((row) => erasedKeys.includes(`${row['source']}/${row['record_id']}`));
      expect(back).toHaveLength(erasedKeys.length);
      expect(back.some((row) => row['customer_id'] === customerId)).toBe(false);
    });
  });
});
