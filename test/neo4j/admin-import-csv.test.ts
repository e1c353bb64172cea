// `idgraph export neo4j-csv`: files that neo4j-admin database import reads as the graph model.
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADMIN_IMPORT_FILES, ADMIN_IMPORT_HEADERS, IMPORT_COMMAND_FILE, writeAdminImportCsv } from '../../src/neo4j/admin-import-csv.js';
import { IdgraphError } from '../../src/errors/index.js';
import { readCsvFile } from '../helpers/csv.js';
import { cli, resolvedRun, type ResolvedRun } from './neo4j-fixture.js';

let run: ResolvedRun;
let tmp: string;

beforeAll(async () => {
  run = await resolvedRun();
  tmp = await mkdtemp(join(tmpdir(), 'idgraph-neo4j-csv-'));
});

afterAll(async () => {
  await run?.remove();
  await rm(tmp, { recursive: true, force: true });
});

type Id = keyof typeof ADMIN_IMPORT_FILES;
const IDS = Object.keys(ADMIN_IMPORT_FILES) as Id[];
const NODE_IDS: Id[] = ['identifiers', 'records', 'customers', 'refusedMerges'];

async function readExport(dir: string): Promise<Record<Id, string[][]>> {
  const out = {} as Record<Id, string[][]>;
  for (const id of IDS) out[id] = parse(await readFile(join(dir, ADMIN_IMPORT_FILES[id]), 'utf8')) as string[][];
  return out;
}

/** The id space of `name:ID(Space)`, `:START_ID(Space)`, `:END_ID(Space)`. */
const space = (header: string) => /\((\w+)\)$/.exec(header)?.[1];

describe('writeAdminImportCsv', () => {
  describe('should write the files neo4j-admin import expects', () => {
    let out: string;
    let files: Record<Id, string[][]>;
    let stdout: string;
    beforeAll(async () => {
      out = join(tmp, 'import');
      const result = await cli(['export', 'neo4j-csv', run.dir, '--to', out]);
      expect(result.code, result.stderr).toBe(0);
      stdout = result.stdout;
      files = await readExport(out);
    });

    test('for the file list: the twelve CSV files and the command file, nothing else', async () => {
      expect((await readdir(out)).sort()).toStrictEqual([...Object.values(ADMIN_IMPORT_FILES), IMPORT_COMMAND_FILE].sort());
    });

    test.each(IDS.map((id) => [id]))('for the header of %s', (id) => {
      expect(files[id][0]).toStrictEqual(ADMIN_IMPORT_HEADERS[id]);
    });

    test('for the header rules: one ID per node file, START_ID and END_ID and TYPE per relationship file, typed numbers', () => {
      for (const id of NODE_IDS) {
        expect(files[id][0]!.filter((h) => /^\w+:ID\(\w+\)$/.test(h)), id).toHaveLength(1);
        expect(files[id][0], id).toContain(':LABEL');
      }
      for (const id of IDS.filter((i) => !NODE_IDS.includes(i))) {
        expect([files[id][0]![0], files[id][0]![1], files[id][0]!.at(-1)].map((h) => h!.replace(/\(\w+\)$/, '')), id).toStrictEqual([':START_ID', ':END_ID', ':TYPE']);
      }
      expect(ADMIN_IMPORT_HEADERS.identifiers).toContain('records:int');
      expect(ADMIN_IMPORT_HEADERS.linkedToIdentifiers).toContain('weight:double');
      expect(ADMIN_IMPORT_HEADERS.customers).toContain('sources:string[]');
    });

    test('for the counts: one node per row of the run files, one relationship per link, membership and refused side', () => {
      const rows = (id: Id) => files[id].length - 1;
      const csv = (file: string) => readCsvFile(join(run.dir, file));
      const refused = csv('refused.csv');
      expect({
        identifiers: rows('identifiers'),
        records: rows('records'),
        customers: rows('customers'),
        refusedMerges: rows('refusedMerges'),
        links: rows('linkedToIdentifiers') + rows('linkedBetweenRecords'),
        belongsTo: rows('identifierBelongsTo') + rows('recordBelongsTo'),
        refusedFrom: rows('refusedFromRecords') + rows('refusedFromIdentifiers'),
        refusedTo: rows('refusedToRecords') + rows('refusedToIdentifiers'),
      }).toStrictEqual({
        identifiers: csv('identifiers.csv').length,
        records: csv('records.csv').length,
        customers: csv('customers.csv').length,
        refusedMerges: refused.length,
        links: csv('links.csv').length,
        belongsTo: csv('records.csv').length + csv('identifiers.csv').filter((r) => r['customer_id'] !== '').length,
        refusedFrom: refused.filter((r) => r['rule'] !== 'junk').length,
        refusedTo: refused.filter((r) => r['rule'] !== 'junk').length,
      });
      expect(rows('linkedBetweenRecords')).toBeGreaterThan(0);
    });

    test('for every relationship end: a node of the export, in the id space its header names', () => {
      const ids = new Map<string, Set<string>>();
      for (const id of NODE_IDS) ids.set(space(files[id][0]![0]!)!, new Set(files[id].slice(1).map((row) => row[0]!)));
      expect(new Set(ids.values()).size).toBe(4);
      const missing: string[] = [];
      for (const id of IDS.filter((i) => !NODE_IDS.includes(i))) {
        const [start, end] = [space(files[id][0]![0]!)!, space(files[id][0]![1]!)!];
        for (const row of files[id].slice(1)) {
          if (!ids.get(start)!.has(row[0]!)) missing.push(`${id} start ${row[0]}`);
          if (!ids.get(end)!.has(row[1]!)) missing.push(`${id} end ${row[1]}`);
        }
      }
      expect(missing).toStrictEqual([]);
    });

    test('for the labels and types: the model', () => {
      const column = (id: Id, name: string) => new Set(files[id].slice(1).map((row) => row[files[id][0]!.indexOf(name)]));
      expect(NODE_IDS.map((id) => [...column(id, ':LABEL')])).toStrictEqual([['Identifier'], ['Record'], ['Customer'], ['RefusedMerge']]);
      expect([...column('linkedToIdentifiers', ':TYPE'), ...column('recordBelongsTo', ':TYPE'), ...column('refusedFromRecords', ':TYPE'), ...column('refusedToIdentifiers', ':TYPE')]).toStrictEqual([
        'LINKED',
        'BELONGS_TO',
        'REFUSED_FROM',
        'REFUSED_TO',
      ]);
    });

    test("for the records: every record carries its source's domain from run.json", () => {
      const header = files.records[0]!;
      const domains = new Set(files.records.slice(1).map((row) => row[header.indexOf('domain')]));
      expect([...domains].sort()).toStrictEqual(['crm', 'online']);
    });

    test('for the command: neo4j-admin database import full with every file once, printed and written beside the files', async () => {
      const command = (await readFile(join(out, IMPORT_COMMAND_FILE), 'utf8')).trimEnd();
      expect(stdout).toContain(command);
      const words = command.split(/ \\\n {2}/);
      expect(words[0]).toBe('neo4j-admin database import full');
      expect(words.slice(1, 5)).toStrictEqual(NODE_IDS.map((id) => `--nodes=${join(out, ADMIN_IMPORT_FILES[id])}`));
      expect(words.slice(5, 13)).toStrictEqual(IDS.filter((id) => !NODE_IDS.includes(id)).map((id) => `--relationships=${join(out, ADMIN_IMPORT_FILES[id])}`));
      expect(words.slice(13)).toStrictEqual(['--multiline-fields=true', '--overwrite-destination=true', 'neo4j']);
    });
  });

  describe('should quote values by RFC 4180 and keep them intact', () => {
    const awkward = {
      value: 'o\'brien, "the boss"\nsecond line',
      recordId: 'id,with "quotes"',
      evidence: 'name, "similar"\r\nand more',
      detail: 'limit; "3 emails", reached',
    };

    test('for commas, quotes and line breaks in identifiers, record ids, evidence and detail', async () => {
      const dir = join(tmp, 'awkward-run');
      await mkdir(dir, { recursive: true });
      const put = (file: string, rows: (string | number)[][]) => writeFile(join(dir, file), stringify(rows));
      const recordKey = `record:shop/${awkward.recordId}`;
      const identifierKey = `email:${awkward.value}`;
      await writeFile(join(dir, 'run.json'), JSON.stringify({ format: 'idgraph-run', version: 1, pseudonymised: false, phoneRegion: 'DE' }));
      await put('records.csv', [['record_id', 'source', 'customer_id'], [awkward.recordId, 'shop', 'cus_0000000000000001'], ['r2', 'crm', 'cus_0000000000000002']]);
      await put('identifiers.csv', [['type', 'value', 'customer_id', 'records'], ['email', awkward.value, 'cus_0000000000000001', 1], ['phone', '+4930123456', '', 1]]);
      await put('customers.csv', [['customer_id', 'permission_level', 'records', 'identifiers', 'sources'], ['cus_0000000000000001', 3, 1, 1, 'shop'], ['cus_0000000000000002', 1, 1, 0, 'crm']]);
      await put('links.csv', [['from', 'to', 'matcher', 'weight', 'evidence'], [identifierKey, recordKey, 'exact-email', 1, awkward.evidence]]);
      await put('refused.csv', [
        ['from', 'to', 'rule', 'detail', 'matcher', 'weight', 'from_customer', 'to_customer'],
        ['record:crm/r2', '+4930123456', 'limit', awkward.detail, 'exact-phone', 1, 'cus_0000000000000002', ''],
        ['email:test@test.de', '', 'junk', 'placeholder value', 'exact-email', 1, '', ''],
      ]);
      const out = join(tmp, 'awkward-import');
      await expect(writeAdminImportCsv(dir, out)).rejects.toMatchObject({ code: 'RUN_DIR_INVALID' });
      await put('refused.csv', [
        ['from', 'to', 'rule', 'detail', 'matcher', 'weight', 'from_customer', 'to_customer'],
        ['record:crm/r2', 'phone:+4930123456', 'limit', awkward.detail, 'exact-phone', 1, 'cus_0000000000000002', ''],
        ['email:test@test.de', '', 'junk', 'placeholder value', 'exact-email', 1, '', ''],
      ]);
      const summary = await writeAdminImportCsv(dir, out);
      expect(summary.files.map((f) => [f.file, f.rows])).toStrictEqual([
        ['identifiers.csv', 2], ['records.csv', 2], ['customers.csv', 2], ['refused_merges.csv', 2],
        ['linked_to_identifiers.csv', 1], ['linked_between_records.csv', 0], ['identifier_belongs_to.csv', 1], ['record_belongs_to.csv', 2],
        ['refused_from_records.csv', 1], ['refused_from_identifiers.csv', 0], ['refused_to_records.csv', 0], ['refused_to_identifiers.csv', 1],
      ]);
      const files = await readExport(out);
      expect(files.identifiers[1]).toStrictEqual([identifierKey, 'email', awkward.value, '1', 'Identifier']);
      expect(files.records[1]).toStrictEqual([recordKey, awkward.recordId, 'shop', '', 'Record']);
      expect(files.linkedToIdentifiers[1]).toStrictEqual([recordKey, identifierKey, 'exact-email', '1', awkward.evidence, 'LINKED']);
      expect(files.refusedMerges.slice(1).map((row) => row[2])).toStrictEqual([awkward.detail, 'placeholder value']);
      const raw = await readFile(join(out, ADMIN_IMPORT_FILES.identifiers), 'utf8');
      expect(raw).toContain('"email:o\'brien, ""the boss""\nsecond line"');
      expect(files.identifierBelongsTo.slice(1)).toStrictEqual([[identifierKey, 'cus_0000000000000001', 'BELONGS_TO']]);
    });
  });

  describe('should replace the target directory atomically', () => {
    test('for a second export over the first: the same files; for a broken run: the earlier export intact', async () => {
      const out = join(tmp, 'atomic');
      await writeAdminImportCsv(run.dir, out);
      const first = await readFile(join(out, ADMIN_IMPORT_FILES.linkedToIdentifiers), 'utf8');
      await writeAdminImportCsv(run.dir, out);
      expect(await readFile(join(out, ADMIN_IMPORT_FILES.linkedToIdentifiers), 'utf8')).toBe(first);
      const broken = join(tmp, 'broken-run');
      await mkdir(broken, { recursive: true });
      await writeFile(join(broken, 'run.json'), JSON.stringify({ format: 'idgraph-run', version: 1, pseudonymised: false, phoneRegion: 'DE' }));
      await writeFile(join(broken, 'identifiers.csv'), 'type,value,customer_id,records\nemail,a@b.de,cus_x,many\n');
      const error = await writeAdminImportCsv(broken, out).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IdgraphError);
      expect((error as IdgraphError).message).toMatch(/identifiers\.csv:2: records is not a whole number/);
      expect(await readFile(join(out, ADMIN_IMPORT_FILES.linkedToIdentifiers), 'utf8')).toBe(first);
      expect((await readdir(tmp)).filter((name) => name.startsWith('.idgraph-'))).toStrictEqual([]);
    });
  });

  describe('should refuse a target that would destroy other files', () => {
    test('for a directory holding files of its own: exit 1 naming --to, the files untouched', async () => {
      const other = join(tmp, 'other');
      await mkdir(other, { recursive: true });
      await writeFile(join(other, 'notes.txt'), 'keep me');
      const result = await cli(['export', 'neo4j-csv', run.dir, '--to', other]);
      expect([result.code, result.stderr]).toStrictEqual([1, `idgraph: --to ${other}: a directory with other files than an earlier neo4j-csv export; choose another --to or empty it (it is replaced)\n`]);
      expect(await readdir(other)).toStrictEqual(['notes.txt']);
    });
  });

  describe('should refuse a target that would destroy the run', () => {
    test.each([
      ['the run directory itself', (dir: string) => dir],
      ['a directory around it', (dir: string) => join(dir, '..')],
    ])('for %s: exit 1, the run untouched', async (_case, target) => {
      const result = await cli(['export', 'neo4j-csv', run.dir, '--to', target(run.dir)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^idgraph: --to .*: must be a directory of its own, neither the run directory nor inside or around it\n$/);
      expect(await readdir(run.dir)).toContain('run.json');
    });
  });
});
