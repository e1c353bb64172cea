import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { generatedRun, type GeneratedRun } from '../query/helpers/run-fixture.js';
import { runTables } from '../query/helpers/run-files.js';

let run: GeneratedRun;
let tables: ReturnType<typeof runTables>;
let samePair: [string, string];
let refusedRow: Record<string, string>;

beforeAll(async () => {
  run = await generatedRun(100, 23);
  tables = runTables(run.runDir);
  const customer = [...tables.customers].sort((a, b) => Number(b.records) - Number(a.records))[0]!.customer_id!;
  const records = tables.records.filter((row) => row.customer_id === customer);
  samePair = [`record:${records[0]!.source}/${records[0]!.record_id}`, `record:${records[1]!.source}/${records[1]!.record_id}`];
  refusedRow = tables.refused.find((row) => row.from_customer !== '' && row.to_customer !== '' && row.from_customer !== row.to_customer)!;
});

describe('idgraph explain', () => {
  describe('should exit 1 with one line', () => {
    test('for a reference not in the run', () => {
      expect(runCli(['explain', run.runDir, 'email:nobody@example.invalid', samePair[0]])).toStrictEqual({
        code: 1,
        stdout: '',
        stderr: 'idgraph: email:nobody@example.invalid: not in this run\n',
      });
    });
    test('for a missing second reference', () => {
      const result = runCli(['explain', run.runDir, samePair[0]]);
      expect(result.code).toBe(1);
      expect(result.stderr.split('\n')).toHaveLength(2);
    });
  });

  describe('should explain a shared customer', () => {
    test('as text: the customer and every hop', () => {
      const result = runCli(['explain', run.runDir, ...samePair]);
      expect(result.code).toBe(0);
      const [head, ...hops] = result.stdout.trimEnd().split('\n');
      expect(head).toMatch(/^record:.* and record:.* share customer cus_[0-9a-v]{16}: strongest chain of \d+ links?, strength \d\.\d\d$/);
      expect(hops.length).toBeGreaterThan(0);
      for (const hop of hops) expect(hop).toMatch(/^ {2}\S+ -> \S+ {2}\S+ [\d.]+ {2}\(.*\)$/);
    });
    test('as --json with a stable shape', () => {
      const json = JSON.parse(runCli(['explain', run.runDir, ...samePair, '--json']).stdout);
      expect(Object.keys(json)).toStrictEqual(['kind', 'a', 'b', 'customerId', 'hops', 'strength']);
      expect(Object.keys(json.a)).toStrictEqual(['ref', 'node', 'customerId']);
      expect(Object.keys(json.hops[0])).toStrictEqual(['from', 'to', 'matcher', 'weight', 'evidence']);
    });
    test('and draw the path with --svg', async () => {
      const file = join(await mkdtemp(join(tmpdir(), 'idgraph-svg-')), 'path.svg');
      expect(runCli(['explain', run.runDir, ...samePair, '--svg', file]).code).toBe(0);
      const svg = readFileSync(file, 'utf8');
      expect(svg).toMatch(/<svg[\s\S]*<\/svg>/);
      expect(svg).not.toContain('record unknown');
    });
  });

  describe('should explain a refused merge', () => {
    test('as text naming the rule', () => {
      const result = runCli(['explain', run.runDir, refusedRow.from!, refusedRow.to!]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/are apart; \d+ refused merges? between them:\n/);
      expect(result.stdout).toContain(`  ${refusedRow.rule}: `);
    });
    test('as --json with a stable shape', () => {
      const json = JSON.parse(runCli(['explain', run.runDir, refusedRow.from!, refusedRow.to!, '--json']).stdout);
      expect(Object.keys(json)).toStrictEqual(['kind', 'a', 'b', 'refused']);
      expect(json.refused.map((merge: { rule: string }) => merge.rule)).toContain(refusedRow.rule);
      expect(Object.keys(json.refused[0])).toStrictEqual(['from', 'to', 'rule', 'detail', 'matcher', 'weight', 'fromCustomer', 'toCustomer']);
    });
    test('and draw both customers with --svg', async () => {
      const file = join(await mkdtemp(join(tmpdir(), 'idgraph-svg-')), 'apart.svg');
      expect(runCli(['explain', run.runDir, refusedRow.from!, refusedRow.to!, '--svg', file]).code).toBe(0);
      expect(readFileSync(file, 'utf8')).toMatch(/<svg[\s\S]*<\/svg>/);
    });
  });

  describe('should say when nothing links them', () => {
    test('as --json with a stable shape', () => {
      const touched = new Set(tables.refused.flatMap((row) => [`${row.from_customer}|${row.to_customer}`, `${row.to_customer}|${row.from_customer}`]));
      const a = tables.records[0]!;
      const b = tables.records.find((row) => row.customer_id !== a.customer_id && !touched.has(`${a.customer_id}|${row.customer_id}`))!;
      const result = runCli(['explain', run.runDir, `record:${a.source}/${a.record_id}`, `record:${b.source}/${b.record_id}`]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/are apart: no link found between them\n$/);
      const json = JSON.parse(runCli(['explain', run.runDir, `record:${a.source}/${a.record_id}`, `record:${b.source}/${b.record_id}`, '--json']).stdout);
      expect(Object.keys(json)).toStrictEqual(['kind', 'a', 'b']);
    });
  });
});
