// End to end: `idgraph resolve` on generated multi-source data, every output file checked.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readCsvFile, readCsvHeader } from '../helpers/csv.js';
import { generatedFiles, type GeneratedFiles } from '../helpers/generated-run.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';

let data: GeneratedFiles;
let out: string;
let run: CliRun;

/** Data rows of an input file: CSV lines after the header, or NDJSON lines. */
function dataRows(path: string): number {
  const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '');
  return path.endsWith('.csv') ? lines.length - 1 : lines.length;
}

beforeAll(async () => {
  data = await generatedFiles(200, 21);
  out = join(await mkdtemp(join(tmpdir(), 'idgraph-run-')), 'run');
  run = runCli(['resolve', ...data.inputs, '--config', data.config, '--out', out]);
});

describe('idgraph resolve', () => {
  describe('should succeed and write every output file', () => {
    test('for the generated dataset', () => {
      expect(run.stderr).toContain('resolved');
      expect(run.code).toBe(0);
      for (const [file, header] of [
        ['records.csv', ['record_id', 'source', 'customer_id']],
        ['identifiers.csv', ['type', 'value', 'customer_id', 'records']],
        ['customers.csv', ['customer_id', 'permission_level', 'records', 'identifiers', 'sources']],
        ['links.csv', ['from', 'to', 'matcher', 'weight', 'evidence']],
        ['refused.csv', ['from', 'to', 'rule', 'detail', 'matcher', 'weight', 'from_customer', 'to_customer']],
        ['rejected.csv', ['file', 'line', 'record_id', 'level', 'code', 'field', 'detail']],
        ['id_history.csv', ['old_id', 'new_id', 'event', 'at']],
      ] as const) {
        expect(readCsvHeader(join(out, file))).toStrictEqual(header);
      }
      expect(existsSync(join(out, 'report.json'))).toBe(true);
      expect(existsSync(join(out, 'run.json'))).toBe(true);
    });

    test("for run.json naming each source of the records with its domain, in order (what pictures and exports read)", () => {
      const { sources } = JSON.parse(readFileSync(data.config, 'utf8')) as { sources: Record<string, string> };
      const recordSources = [...new Set(readCsvFile(join(out, 'records.csv')).map((row) => row.source!))].sort();
      const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { sourceDomains: Record<string, string> };
      expect(Object.keys(manifest.sourceDomains)).toStrictEqual(recordSources);
      expect(manifest.sourceDomains).toStrictEqual(Object.fromEntries(recordSources.map((source) => [source, sources[source]])));
    });
  });

  describe('should account for every input row', () => {
    test('for resolved + rejected rows = rows in the files', () => {
      const rowsInFiles = data.inputs.reduce((sum, file) => sum + dataRows(file), 0);
      const records = readCsvFile(join(out, 'records.csv'));
      const rowRejections = readCsvFile(join(out, 'rejected.csv')).filter((r) => r.level === 'row');
      expect(records.length + rowRejections.length).toBe(rowsInFiles);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      expect(report.rows).toStrictEqual({ read: rowsInFiles, resolved: records.length, rejected: rowRejections.length, accountedFor: true });
    });

    test('for every record in truth.csv appearing once in records.csv with a valid customer id', () => {
      const truth = readCsvFile(join(data.dir, 'truth.csv')).map((row) => row.record_id).sort();
      const records = readCsvFile(join(out, 'records.csv'));
      expect(records.map((row) => row.record_id).sort()).toStrictEqual(truth);
      for (const row of records) expect(row.customer_id).toMatch(/^cus_[0-9a-v]{16}$/);
    });
  });

  describe('should keep the output files consistent with each other', () => {
    test('for customers.csv counting the records of records.csv', () => {
      const records = readCsvFile(join(out, 'records.csv'));
      const perCustomer = new Map<string, number>();
      for (const row of records) perCustomer.set(row.customer_id!, (perCustomer.get(row.customer_id!) ?? 0) + 1);
      const customers = readCsvFile(join(out, 'customers.csv'));
      expect(customers.length).toBe(perCustomer.size);
      for (const customer of customers) {
        expect(Number(customer.records)).toBe(perCustomer.get(customer.customer_id!));
        expect(['1', '2', '3']).toContain(customer.permission_level);
      }
    });

    test('for every link joining two nodes of the same customer', () => {
      const customerOfRecord = new Map(readCsvFile(join(out, 'records.csv')).map((r) => [`record:${r.source}/${r.record_id}`, r.customer_id]));
      const customerOfIdentifier = new Map(readCsvFile(join(out, 'identifiers.csv')).map((i) => [`${i.type}:${i.value}`, i.customer_id]));
      const customerOf = (ref: string) => customerOfRecord.get(ref) ?? customerOfIdentifier.get(ref);
      const links = readCsvFile(join(out, 'links.csv'));
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        expect(customerOf(link.from!)).toBeDefined();
        expect(customerOf(link.from!)).toBe(customerOf(link.to!));
        expect(Number(link.weight)).toBeGreaterThan(0);
        expect(Number(link.weight)).toBeLessThanOrEqual(1);
      }
    });

    test('for refused merges naming a known rule and, for consent, two different customers', () => {
      const refused = readCsvFile(join(out, 'refused.csv'));
      expect(refused.some((r) => r.rule === 'consent')).toBe(true);
      for (const row of refused) {
        expect(['consent', 'limit', 'conflict', 'junk']).toContain(row.rule);
        if (row.rule === 'consent') expect(row.from_customer).not.toBe(row.to_customer);
      }
    });
  });

  describe('should refuse bad runs with one line and exit 1, writing nothing', () => {
    test('for a missing input file', async () => {
      const target = join(await mkdtemp(join(tmpdir(), 'idgraph-miss-')), 'run');
      const result = runCli(['resolve', join(data.dir, 'nope.csv'), '--config', data.config, '--out', target]);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('nope.csv');
      expect(existsSync(target)).toBe(false);
    });

    test('for an unknown config key, with a suggestion', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'idgraph-cfg-'));
      const config = join(dir, 'config.json');
      writeFileSync(config, JSON.stringify({ sources: { shop: 'crm' }, fuzzy: { treshold: 0.9 } }));
      const result = runCli(['resolve', ...data.inputs, '--config', config, '--out', join(dir, 'run')]);
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`idgraph: ${config}: unknown key "fuzzy.treshold"; did you mean "threshold"?`);
      expect(existsSync(join(dir, 'run'))).toBe(false);
    });

    test('for a source without a domain, naming the source', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'idgraph-dom-'));
      const config = join(dir, 'config.json');
      writeFileSync(config, JSON.stringify({ sources: { shop: 'crm', crm: 'crm', web: 'online', app: 'online' } }));
      const result = runCli(['resolve', ...data.inputs, '--config', config, '--out', join(dir, 'run')]);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/newsletter\.csv:\d+: source "newsletter" has no domain/);
      expect(existsSync(join(dir, 'run'))).toBe(false);
    });

    test('for input without any consent column, naming --consent ignore', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'idgraph-noconsent-'));
      const input = join(dir, 'shop.csv');
      writeFileSync(input, 'record_id,source,domain,email\n1,shop,crm,a@example.org\n2,shop,crm,a@example.org\n');
      const result = runCli(['resolve', input, '--out', join(dir, 'run')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('--consent ignore');
      expect(existsSync(join(dir, 'run'))).toBe(false);

      const ignored = runCli(['resolve', input, '--out', join(dir, 'run'), '--consent', 'ignore']);
      expect(ignored.code).toBe(0);
      const report = JSON.parse(readFileSync(join(dir, 'run', 'report.json'), 'utf8'));
      expect(report.headline).toMatch(/^CONSENT NOT ENFORCED: this run used --consent ignore/);
      expect(readFileSync(join(dir, 'run', 'report.txt'), 'utf8').split('\n')[0]).toBe(report.headline);
    });
  });
});
