// Persistent IDs across runs: re-runs, growth, incremental == full, consent withdrawal, row order.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { DEFAULT_CONFIG, loadConfig, type Config } from '../../src/config/index.js';
import { stabiliseIds, type CustomerId, type IdAssignment, type IdHistoryEntry, type PreviousIds } from '../../src/ids/index.js';
import { readInputs, type InputRecord } from '../../src/input/index.js';
import { resolve, type ResolutionResult } from '../../src/resolve/index.js';
import { carryRecords, partitionOf, remapCustomerIds, type StateRecord } from '../../src/state/index.js';
import { readCsvFile } from '../helpers/csv.js';
import { generatedFiles, type GeneratedFiles } from '../helpers/generated-run.js';
import { shuffle } from '../helpers/shuffle.js';

/** One run in memory, as the CLI does it (src/cli/commands/resolve.ts) minus the files. */
interface Run {
  readonly records: readonly StateRecord[];
  readonly ids: PreviousIds;
  readonly history: readonly IdHistoryEntry[];
  readonly result: ResolutionResult;
  readonly assignment: IdAssignment;
}

/**
 * NOTE: fuzzy matching is off except where a test says otherwise: the fuzzy stage costs seconds
 * even on a few hundred records, and these properties are about IDs, not matchers.
 */
function run(input: readonly InputRecord[], previous: Run | null, config: Config, at: string, fuzzy = false): Run {
  const carried = carryRecords(previous?.records ?? [], input);
  const content = resolve(carried.records, { config, fuzzy });
  const assignment = stabiliseIds(partitionOf(content), previous?.ids ?? null, at);
  const result = remapCustomerIds(content, assignment.idOf);
  const customerOf = new Map(result.records.map((record) => [record.recordKey, record.customerId]));
  const history = [...(previous?.history ?? []), ...assignment.history];
  const retired = new Set<string>();
  for (const entry of history) {
    retired.add(entry.oldId);
    if (entry.newId !== null) retired.add(entry.newId);
  }
  return {
    records: carried.records.map((record) => ({ record, customerId: customerOf.get(`${record.source}/${record.recordId}`)! })),
    ids: {
      customerOf,
      customers: new Map(result.customers.map((customer) => [customer.id, { records: customer.records, firstSeen: assignment.firstSeen.get(customer.id)! }])),
      retired,
    },
    history,
    result,
    assignment,
  };
}

/** record key → customer ID, as a plain object (order-free comparison). */
const mapOf = (result: Pick<ResolutionResult, 'records'>) => Object.fromEntries(result.records.map((record) => [record.recordKey, record.customerId]));

/** The partition as a sorted list of sorted key lists (IDs ignored). */
const partition = (result: Pick<ResolutionResult, 'records'>) =>
  partitionOf(result).map((customer) => [...customer.recordKeys].sort().join(' ')).sort();

/**
 * The previous customers that only grew into `next`: all their records sit in one new customer
 * that holds no record of another previous customer. Returns [previous ID, ID now] pairs.
 */
function onlyGrown(previous: Run, next: Run): [CustomerId, CustomerId][] {
  const nextOf = new Map(next.result.records.map((record) => [record.recordKey, record.customerId]));
  const keysOf = new Map<CustomerId, string[]>();
  for (const [key, id] of previous.ids.customerOf) keysOf.set(id, [...(keysOf.get(id) ?? []), key]);
  const previousIdsIn = new Map<CustomerId, Set<CustomerId>>();
  for (const [key, id] of previous.ids.customerOf) {
    const now = nextOf.get(key)!;
    previousIdsIn.set(now, (previousIdsIn.get(now) ?? new Set()).add(id));
  }
  const pairs: [CustomerId, CustomerId][] = [];
  for (const [id, keys] of keysOf) {
    const targets = new Set(keys.map((key) => nextOf.get(key)!));
    if (targets.size !== 1) continue;
    const [target] = targets;
    if (previousIdsIn.get(target!)!.size === 1) pairs.push([id, target!]);
  }
  return pairs;
}

let config: Config;
let records: InputRecord[] = [];
const T1 = '2024-01-01T00:00:00.000Z';
const T2 = '2024-02-01T00:00:00.000Z';

beforeAll(async () => {
  const files = await generatedFiles(60, 11);
  config = await loadConfig(files.config);
  records = [...(await readInputs(files.inputs, config)).records];
});

/** Splits the records by a seed: about `share` of them are "new". */
function split(seed: number, share: number): { old: InputRecord[]; fresh: InputRecord[] } {
  const shuffled = shuffle(records, seed);
  const cut = Math.round(shuffled.length * (1 - share));
  return { old: shuffled.slice(0, cut), fresh: shuffled.slice(cut) };
}

describe('persistent customer IDs', () => {
  describe('should change no ID', () => {
    test.prop([fc.integer()], { numRuns: 6 })('for a re-run with --previous on the same input, in any order', (seed) => {
      const first = run(records, null, config, T1);
      const second = run(shuffle(records, seed), first, config, T2);
      expect(mapOf(second.result)).toStrictEqual(mapOf(first.result));
      expect(second.assignment.history).toStrictEqual([]);
      expect(second.assignment.stats.churn.changed).toBe(0);
      expect(second.assignment.stats.customers.kept).toBe(first.result.customers.length);
    });

    test.prop([fc.integer(), fc.double({ min: 0.05, max: 0.5, noNaN: true })], { numRuns: 20 })(
      'for a customer that only grew when records were added',
      (seed, share) => {
        const { old, fresh } = split(seed, share);
        const first = run(old, null, config, T1);
        const second = run(fresh, first, config, T2);
        const grown = onlyGrown(first, second);
        expect(grown.length).toBeGreaterThan(0);
        expect(grown.filter(([before, now]) => before !== now)).toStrictEqual([]);
      },
    );
  });

  describe('should give an incremental run the customers of a full run', () => {
    test.prop([fc.integer(), fc.double({ min: 0.01, max: 0.5, noNaN: true })], { numRuns: 20 })(
      'for the same record→customer map and IDs, and the partition of a run from scratch',
      (seed, share) => {
        const { old, fresh } = split(seed, share);
        const first = run(old, null, config, T1);
        const incremental = run(fresh, first, config, T2);
        const full = run(records, first, config, T2);
        expect(mapOf(incremental.result)).toStrictEqual(mapOf(full.result));
        expect(incremental.assignment.history).toStrictEqual(full.assignment.history);
        expect(partition(incremental.result)).toStrictEqual(partition(run(records, null, config, T2).result));
      },
    );

    test.prop([fc.integer()], { numRuns: 1 })('for the same, with fuzzy matching on', (seed) => {
      const { old, fresh } = split(seed, 0.2);
      const first = run(old, null, config, T1, true);
      expect(mapOf(run(fresh, first, config, T2, true).result)).toStrictEqual(mapOf(run(records, first, config, T2, true).result));
    });

    test.prop([fc.integer(), fc.integer()], { numRuns: 10 })('for a third run continuing the second', (seed, order) => {
      const shuffled = shuffle(records, seed);
      const [a, b, c] = [shuffled.slice(0, 100), shuffled.slice(100, 160), shuffled.slice(160)];
      const second = run(b, run(a, null, config, T1), config, T2);
      const third = run(shuffle(c, order), second, config, T2);
      const full = run(records, second, config, T2);
      expect(mapOf(third.result)).toStrictEqual(mapOf(full.result));
    });
  });
});

describe('consent withdrawal', () => {
  const record = (source: string, recordId: string, timestamp: number, crmPermission: InputRecord['crmPermission']): InputRecord => ({
    file: `${source}.csv`, line: 2, recordId, source, domain: 'crm', timestamp,
    // The shop records also share a phone, so they stay together once the CRM record leaves.
    identifiers: [{ type: 'email', raw: 'anna.schmidt@web.de' }, ...(source === 'shop' ? [{ type: 'phone' as const, raw: '0171 1234567' }] : [])],
    attributes: {}, cookiePermission: null, crmPermission,
  });
  const granted = [record('crm', '1', 1000, 'granted'), record('shop', '7', 1000, 'granted'), record('shop', '8', 1000, 'granted')];

  describe('should split what the grant joined, at the next run', () => {
    test('for a later denied in an update of one of the records', () => {
      const first = run(granted, null, DEFAULT_CONFIG, T1);
      expect(first.result.customers).toHaveLength(1);
      const id = first.result.customers[0]!.id;
      const second = run([record('crm', '1', 2000, 'denied')], first, DEFAULT_CONFIG, T2);
      const byKey = mapOf(second.result);
      expect(new Set(Object.values(byKey)).size).toBeGreaterThan(1);
      // The part holding most of the previous records (the two shop records) keeps the ID.
      expect([byKey['shop/7'], byKey['shop/8']]).toStrictEqual([id, id]);
      expect(second.assignment.history).toStrictEqual([{ oldId: id, newId: byKey['crm/1'], event: 'split', at: T2 }]);
      expect(second.assignment.stats.customers).toStrictEqual({ kept: 0, grown: 0, merged: 0, split: 2, new: 0 });
    });

    test('for an earlier denied: no split (the latest permission counts)', () => {
      const first = run(granted, null, DEFAULT_CONFIG, T1);
      const second = run([record('crm', '1', 500, 'denied'), record('crm', '2', 1000, 'granted')], first, DEFAULT_CONFIG, T2);
      expect(new Set(second.result.records.map((r) => r.customerId)).size).toBe(1);
    });
  });
});

// The acceptance check through the CLI itself: files on disk, --previous, id_history.csv, report.json.
describe('idgraph resolve --previous', () => {
  let data: GeneratedFiles;
  let root: string;
  const inputsOf = (dir: string) => data.inputs.map((file) => join(dir, basename(file)));

  function io(env: Record<string, string> = {}): CliIo & { err: string[] } {
    const err: string[] = [];
    return { err, stdout: () => {}, stderr: (text) => err.push(text), stderrIsTty: false, env };
  }
  const KEY = { IDGRAPH_PSEUDONYM_KEY: 'stability-test-key-0123456789' };
  let run1 = '';
  let run2 = '';
  let run2b = '';
  const key = (row: Record<string, string>) => `${row['source']}/${row['record_id']}`;
  const recordMap = (dir: string) => Object.fromEntries(readCsvFile(join(dir, 'records.csv')).map((row) => [key(row), row['customer_id']]));

  /** Writes each input file's rows into `dir`, keeping those `keep` accepts (by record_id), in a seeded order. */
  async function writeSubset(dir: string, keep: (recordId: string) => boolean, seed: number | null): Promise<void> {
    for (const file of data.inputs) {
      const text = await readFile(file, 'utf8');
      const order = <T,>(rows: T[]) => (seed === null ? rows : shuffle(rows, seed));
      if (file.endsWith('.csv')) {
        const [header, ...rows] = parse(text, { bom: true, relax_column_count: true }) as string[][];
        const column = header!.indexOf('record_id');
        await writeFile(join(dir, basename(file)), stringify([header!, ...order(rows.filter((row) => keep(row[column] ?? '')))]));
      } else {
        const lines = text.split('\n').filter((line) => line.trim() !== '');
        const kept = lines.filter((line) => keep(String((JSON.parse(line) as { record_id?: unknown }).record_id)));
        await writeFile(join(dir, basename(file)), `${order(kept).join('\n')}\n`);
      }
    }
  }

  const isNew = (recordId: string) => {
    let hash = 7;
    for (const char of recordId) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
    return hash % 5 === 0;
  };

  beforeAll(async () => {
    data = await generatedFiles(150, 4);
    root = await mkdtemp(join(tmpdir(), 'idgraph-stability-'));
    for (const name of ['old', 'new', 'new-shuffled']) await mkdir(join(root, name));
    await writeSubset(join(root, 'old'), (id) => !isNew(id), null);
    await writeSubset(join(root, 'new'), isNew, null);
    await writeSubset(join(root, 'new-shuffled'), isNew, 99);
    run1 = join(root, 'run1');
    run2 = join(root, 'run2');
    run2b = join(root, 'run2b');
    expect(await main(['resolve', ...inputsOf(join(root, 'old')), '--config', data.config, '--out', run1, '--no-fuzzy', '--quiet'], io())).toBe(0);
    expect(await main(['resolve', ...inputsOf(join(root, 'new')), '--config', data.config, '--out', run2, '--previous', run1, '--no-fuzzy', '--quiet'], io())).toBe(0);
    expect(await main(['resolve', ...inputsOf(join(root, 'new-shuffled')), '--config', data.config, '--out', run2b, '--previous', run1, '--no-fuzzy', '--quiet'], io())).toBe(0);
  });

  describe('should keep every grown customer\'s ID and not depend on row order', () => {
    test('for a second run with 20% new records', async () => {
      const before = readCsvFile(join(run1, 'records.csv'));
      const after = readCsvFile(join(run2, 'records.csv'));
      const nowOf = new Map(after.map((row) => [key(row), row['customer_id']!]));
      const keysOf = new Map<string, string[]>();
      for (const row of before) keysOf.set(row['customer_id']!, [...(keysOf.get(row['customer_id']!) ?? []), key(row)]);
      const previousIn = new Map<string, Set<string>>();
      for (const row of before) previousIn.set(nowOf.get(key(row))!, (previousIn.get(nowOf.get(key(row))!) ?? new Set()).add(row['customer_id']!));
      let grown = 0;
      let kept = 0;
      for (const [id, keys] of keysOf) {
        const targets = new Set(keys.map((k) => nowOf.get(k)!));
        if (targets.size !== 1 || previousIn.get([...targets][0]!)!.size !== 1) continue;
        grown++;
        if ([...targets][0] === id) kept++;
      }
      expect(after.length).toBeGreaterThan(before.length);
      expect(grown).toBeGreaterThan(0);
      expect(kept).toBe(grown);

      expect(recordMap(run2b)).toStrictEqual(recordMap(run2));

      const report = JSON.parse(await readFile(join(run2, 'report.json'), 'utf8'));
      expect(report.rows.carried).toBe(before.length);
      expect(report.stability.churn.previousRecords).toBe(before.length);
      expect(Object.values(report.stability.customers as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(report.counts.customers);
      expect(await readFile(join(run2, 'report.txt'), 'utf8')).toMatch(/\nIDs vs --previous: kept \d+, grown \d+, merged \d+, split \d+, new \d+; churn /);
      const history = readCsvFile(join(run2, 'id_history.csv'));
      expect(history.filter((row) => row['event'] === 'merged').length).toBe(report.stability.retired);
    });
  });

  describe('should continue a pseudonymised run', () => {
    test('for the same IDs as the raw chain, no raw identifier in the state, and the same key required', async () => {
      const run1p = join(root, 'run1p');
      const run2p = join(root, 'run2p');
      expect(await main(['resolve', ...inputsOf(join(root, 'old')), '--config', data.config, '--out', run1p, '--no-fuzzy', '--quiet', '--pseudonymise'], io(KEY))).toBe(0);
      expect(
        await main(['resolve', ...inputsOf(join(root, 'new')), '--config', data.config, '--out', run2p, '--previous', run1p, '--no-fuzzy', '--quiet', '--pseudonymise'], io(KEY)),
      ).toBe(0);
      expect(recordMap(run2p)).toStrictEqual(recordMap(run2));

      const state = gunzipSync(await readFile(join(run2p, 'state', 'records.ndjson.gz'))).toString('utf8');
      const emails = readCsvFile(join(run2, 'identifiers.csv')).filter((row) => row['type'] === 'email').map((row) => row['value']!);
      expect(emails.length).toBeGreaterThan(10);
      expect(emails.filter((email) => state.includes(email))).toStrictEqual([]);
      const identifiers = state.trim().split('\n').flatMap((line) => (JSON.parse(line) as { identifiers: { pseudonymised?: boolean }[] }).identifiers);
      expect(identifiers.filter((identifier) => identifier.pseudonymised !== true)).toStrictEqual([]);

      const withoutFlag = io(KEY);
      expect(await main(['resolve', ...inputsOf(join(root, 'new')), '--config', data.config, '--out', join(root, 'x'), '--previous', run1p, '--no-fuzzy', '--quiet'], withoutFlag)).toBe(1);
      expect(withoutFlag.err.join('')).toMatch(/cannot use it as --previous \(it was written with --pseudonymise;/);
      const otherKey = io({ IDGRAPH_PSEUDONYM_KEY: 'another-key-0123456789abcdef' });
      expect(await main(['resolve', ...inputsOf(join(root, 'new')), '--config', data.config, '--out', join(root, 'x'), '--previous', run1p, '--no-fuzzy', '--quiet', '--pseudonymise'], otherKey)).toBe(1);
      expect(otherKey.err.join('')).toMatch(/another IDGRAPH_PSEUDONYM_KEY/);
    });
  });
});
