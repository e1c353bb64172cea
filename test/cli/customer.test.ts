import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { generatedRun, type GeneratedRun } from '../query/helpers/run-fixture.js';
import { runTables } from '../query/helpers/run-files.js';

let run: GeneratedRun;
let largest: string;

beforeAll(async () => {
  run = await generatedRun(80, 22);
  largest = [...runTables(run.runDir).customers].sort((a, b) => Number(b.records) - Number(a.records))[0]!.customer_id!;
});

describe('idgraph customer', () => {
  describe('should exit 1 with one line', () => {
    test('for an unknown customer ID', () => {
      expect(runCli(['customer', run.runDir, 'cus_0000000000000000'])).toStrictEqual({
        code: 1,
        stdout: '',
        stderr: 'idgraph: cus_0000000000000000: not in this run\n',
      });
    });
    test('for something that is not a customer ID', () => {
      const result = runCli(['customer', run.runDir, 'email:a@b.de']);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('idgraph: email:a@b.de: not a reference; write a customer ID (cus_ + 16 characters)\n');
    });
  });

  describe('should print the customer', () => {
    test('as text with its identifiers, records, sources and refused merges', () => {
      const result = runCli(['customer', run.runDir, largest]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^customer ${largest}: permission level [123], \\d+ records?`));
      for (const heading of ['sources: ', 'identifiers (', 'records (', 'refused merges touching it (']) expect(result.stdout).toContain(heading);
    });
    test('as --json with a stable shape', () => {
      const result = runCli(['customer', run.runDir, largest, '--json']);
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(Object.keys(json)).toStrictEqual(['kind', 'requested', 'customer']);
      expect(Object.keys(json.customer)).toStrictEqual(['id', 'permissionLevel', 'sources', 'identifiers', 'records', 'links', 'refused']);
      expect(Object.keys(json.customer.records[0])).toStrictEqual(['source', 'recordId']);
      expect(Object.keys(json.customer.links[0])).toStrictEqual(['from', 'to', 'matcher', 'weight', 'evidence']);
    });
    test('and draw it with --svg', async () => {
      const file = join(await mkdtemp(join(tmpdir(), 'idgraph-svg-')), 'customer.svg');
      const result = runCli(['customer', run.runDir, largest, '--svg', file]);
      expect(result.code).toBe(0);
      const svg = readFileSync(file, 'utf8');
      expect(svg).toMatch(/<svg[\s\S]*<\/svg>/);
      // Records coloured by their source's domain (from run.json), none drawn as of unknown domain.
      expect(svg).toMatch(/class="node record (crm|online)"/);
      expect(svg).not.toContain('record unknown');
    });
  });
});
