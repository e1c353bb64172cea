// Zero consent violations: every customer a run produces is one DESIGN.md rule 1 allows, whatever the data.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { loadConfig } from '../../src/config/index.js';
import { readInputs, type InputRecord, type Permission } from '../../src/input/index.js';
import { resolve } from '../../src/resolve/index.js';
import { generatedFiles } from '../helpers/generated-run.js';

/** The latest explicit value of one permission among `records`; 'tie' when equal timestamps disagree. */
function latestPermission(records: readonly InputRecord[], pick: (record: InputRecord) => Permission): Permission | 'tie' {
  let time = -Infinity;
  let values = new Set<Permission>();
  for (const record of records) {
    const value = pick(record);
    if (value === null) continue;
    const at = record.timestamp ?? -Infinity;
    if (at > time) {
      time = at;
      values = new Set([value]);
    } else if (at === time) values.add(value);
  }
  if (values.size === 0) return null;
  return values.size > 1 ? 'tie' : [...values][0]!;
}

describe('resolve with --consent enforce', () => {
  test.prop([fc.integer({ min: 1, max: 1_000_000 })], { numRuns: 4 })(
    'should only produce customers whose latest permissions allow joining their domains',
    async (seed) => {
      const files = await generatedFiles(150, seed);
      const config = await loadConfig(files.config);
      const records = (await readInputs(files.inputs, config)).records;
      const result = resolve(records, { config, consent: 'enforce' });
      const byKey = new Map(records.map((record) => [`${record.source}/${record.recordId}`, record]));
      const members = new Map<string, InputRecord[]>();
      for (const resolved of result.records) {
        const list = members.get(resolved.customerId) ?? [];
        list.push(byKey.get(resolved.recordKey)!);
        members.set(resolved.customerId, list);
      }
      let checked = 0;
      const violations: string[] = [];
      for (const [customerId, customerRecords] of members) {
        if (customerRecords.length < 2) continue;
        const domains = new Set(customerRecords.map((record) => record.domain));
        const cookie = latestPermission(customerRecords, (record) => record.cookiePermission);
        const crm = latestPermission(customerRecords, (record) => record.crmPermission);
        if (cookie === 'tie' || crm === 'tie') continue; // the tie order is the engine's; not judged here
        checked++;
        const needsCookie = domains.has('online');
        const needsCrm = domains.has('crm');
        if ((needsCookie && cookie !== 'granted') || (needsCrm && crm !== 'granted')) {
          violations.push(`${customerId}: ${[...domains].join('+')} with cookie ${cookie}, crm ${crm}`);
        }
      }
      expect(checked).toBeGreaterThan(10);
      expect(violations).toStrictEqual([]);
    },
  );
});
