import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { IdgraphError } from '../../src/errors/index.js';
import { lookup, type LookupResult } from '../../src/query/lookup.js';
import { copyRun, generatedRun, type GeneratedRun } from './helpers/run-fixture.js';
import { runTables, typedValues } from './helpers/run-files.js';

const KEY = 'a-test-key-of-more-than-16-characters';
let plain: GeneratedRun;
let pseudonymised: GeneratedRun;

beforeAll(async () => {
  [plain, pseudonymised] = await Promise.all([
    generatedRun(150, 11),
    generatedRun(150, 11, ['--pseudonymise'], { IDGRAPH_PSEUDONYM_KEY: KEY }),
  ]);
});

const customerIdOf = (result: LookupResult) => (result.kind === 'not-found' ? null : result.customer.id);

describe('lookup', () => {
  describe('should refuse', () => {
    test('for a directory that is not a run', async () => {
      await expect(lookup(plain.files.dir, 'email:a@b.de')).rejects.toMatchObject({ code: 'RUN_DIR_INVALID' });
    });
    test('for a reference of no known form', async () => {
      await expect(lookup(plain.runDir, 'mail:a@b.de')).rejects.toMatchObject({ code: 'USAGE' });
    });
    test('for an identifier of a pseudonymised run without the key', async () => {
      await expect(lookup(pseudonymised.runDir, 'email:a@b.de', { env: {} })).rejects.toMatchObject({ code: 'MISSING_SECRET' });
    });
  });

  describe('should say why nothing was found', () => {
    test('for an identifier not in the run', async () => {
      expect(await lookup(plain.runDir, 'email:nobody.at.all@example.invalid')).toStrictEqual({
        kind: 'not-found',
        ref: 'email:nobody.at.all@example.invalid',
        reason: 'absent',
        detail: null,
      });
    });
    test('for a value that cannot be valid', async () => {
      expect(await lookup(plain.runDir, 'phone:12')).toMatchObject({ kind: 'not-found', reason: 'invalid' });
    });
    test('for a placeholder value', async () => {
      expect(await lookup(plain.runDir, 'email:test@test.de')).toStrictEqual({ kind: 'not-found', ref: 'email:test@test.de', reason: 'junk', detail: 'placeholder' });
    });
    test('for an unknown customer ID', async () => {
      expect(await lookup(plain.runDir, 'cus_0000000000000000')).toMatchObject({ kind: 'not-found', reason: 'absent' });
    });
  });

  describe('should find the customer of values as typed in the inputs', () => {
    test('for every identifier value of every input row', async () => {
      const values = typedValues(plain.files.inputs, plain.runDir);
      const tables = runTables(plain.runDir);
      expect(values.length).toBeGreaterThan(300);
      let sameAsRecord = 0;
      for (const value of values) {
        const result = await lookup(plain.runDir, `${value.type}:${value.raw}`);
        if (result.kind !== 'found') throw new Error(`${value.file}:${value.line} ${value.type}: ${result.kind}`);
        const record = `record:${value.source}/${value.recordId}`;
        expect(result.node).toMatch(new RegExp(`^${value.type}:`));
        if (tables.linked.has(`${record}|${result.node}`) || tables.customerOfRecord.get(record) === result.customer.id) {
          // The record's link to the identifier was applied: records.csv puts the record in the same customer.
          expect(result.customer.id).toBe(tables.customerOfRecord.get(record));
          sameAsRecord++;
        } else {
          // Otherwise the merge was refused, and refused.csv says so.
          expect(tables.refusedPairs.has(`${record}|${result.node}`)).toBe(true);
        }
      }
      expect(sameAsRecord / values.length).toBeGreaterThan(0.8);
    });
  });

  describe('should give the same customers in a pseudonymised run', () => {
    test('for the raw values, with the key', async () => {
      const values = typedValues(plain.files.inputs, plain.runDir).filter((_, index) => index % 7 === 0);
      for (const value of values) {
        const ref = `${value.type}:${value.raw}`;
        const clear = await lookup(plain.runDir, ref);
        const hidden = await lookup(pseudonymised.runDir, ref, { env: { IDGRAPH_PSEUDONYM_KEY: KEY } });
        expect(customerIdOf(hidden)).toBe(customerIdOf(clear));
        expect(hidden.kind === 'found' && hidden.node?.startsWith(`${value.type}:ps_`)).toBe(true);
      }
    });
    test('for a pseudonym copied from the output, without the key', async () => {
      const row = runTables(pseudonymised.runDir).identifiers[0]!;
      const result = await lookup(pseudonymised.runDir, `${row.type}:${row.value}`, { env: {} });
      expect(customerIdOf(result)).toBe(row.customer_id);
    });
  });

  describe('should redirect a retired customer ID', () => {
    test('for a chain of two merges', async () => {
      const dir = await copyRun(plain.runDir);
      const current = runTables(dir).customers[0]!.customer_id!;
      await appendFile(
        join(dir, 'id_history.csv'),
        `cus_0000000000000001,cus_0000000000000002,merged,2024-01-01T00:00:00Z\ncus_0000000000000002,${current},merged,2024-02-01T00:00:00Z\n`,
      );
      const result = await lookup(dir, 'cus_0000000000000001');
      expect(result.kind).toBe('redirected');
      if (result.kind !== 'redirected') return;
      expect(result.customer.id).toBe(current);
      expect(result.from).toBe('cus_0000000000000001');
      expect(result.history.map((step) => step.newId)).toStrictEqual(['cus_0000000000000002', current]);
    });
    test('for an erased ID (not found, erased)', async () => {
      const dir = await copyRun(plain.runDir);
      await appendFile(join(dir, 'id_history.csv'), 'cus_0000000000000003,,erased,2024-01-01T00:00:00Z\n');
      expect(await lookup(dir, 'cus_0000000000000003')).toMatchObject({ kind: 'not-found', reason: 'erased' });
    });
  });

  describe('should look up records', () => {
    test('for record:<source>/<id> and record:<id>', async () => {
      const row = runTables(plain.runDir).records[0]!;
      expect(customerIdOf(await lookup(plain.runDir, `record:${row.source}/${row.record_id}`))).toBe(row.customer_id);
      expect(customerIdOf(await lookup(plain.runDir, `record:${row.record_id}`))).toBe(row.customer_id);
    });
  });

  test('errors are IdgraphErrors', async () => {
    await expect(lookup(plain.runDir, 'x')).rejects.toBeInstanceOf(IdgraphError);
  });
});
