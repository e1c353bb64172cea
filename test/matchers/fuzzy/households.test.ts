// The fuzzy stage inside the engine: a household sharing a landline stays apart, a second
// account of one person is found, and the links carry matcher, weight and evidence.
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/config/defaults.js';
import type { InputRecord } from '../../../src/input/index.js';
import { resolve } from '../../../src/resolve/index.js';

let line = 1;
function row(recordId: string, attributes: InputRecord['attributes'], identifiers: InputRecord['identifiers'] = []): InputRecord {
  return {
    file: 'crm.csv', line: line++, recordId, source: 'crm', domain: 'crm', timestamp: null,
    identifiers, attributes, cookiePermission: null, crmPermission: null,
  };
}

const FIRST = ['Anna', 'Peter', 'Jonas', 'Lena', 'Paul', 'Maria', 'Stefan', 'Julia', 'Max', 'Sabine'];
const LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker'];
const crowd = Array.from({ length: 200 }, (_, i) =>
  row(`c${i}`, {
    first_name: FIRST[i % FIRST.length]!, last_name: LAST[(i * 3) % LAST.length]!,
    birth_date: `${1950 + (i % 45)}-0${1 + (i % 9)}-1${i % 10}`, street: `Lindenweg ${1 + i}`, postal_code: String(20000 + i), city: 'Hamburg',
  }),
);
const home = { last_name: 'Zweig', street: 'Am Markt 14', postal_code: '39104', city: 'Magdeburg' };
const landline = { type: 'phone', raw: '0391 348324' } as const;

describe('fuzzy matching in the engine', () => {
  const result = resolve(
    [
      ...crowd,
      row('h1', { ...home, first_name: 'Annegret', birth_date: '1961-04-12' }, [landline, { type: 'email', raw: 'annegret@web.de' }]),
      row('h2', { ...home, first_name: 'Bernd', birth_date: '1958-11-30' }, [landline]),
      row('h3', { ...home, first_name: 'Lea', birth_date: '1990-02-02' }, [landline]),
      row('h4', { ...home, first_name: 'Annegret', birth_date: '12.04.1961' }, [{ type: 'email', raw: 'a.zweig61@gmx.de' }]),
    ],
    { config: DEFAULT_CONFIG, consent: 'ignore' },
  );
  const customerOf = (id: string) => result.records.find((record) => record.recordId === id)!.customerId;

  test('should keep a household sharing a landline apart', () => {
    expect(new Set([customerOf('h1'), customerOf('h2'), customerOf('h3')]).size).toBe(3);
  });
  test("should join a person's second account sharing no identifier", () => {
    expect(customerOf('h4')).toBe(customerOf('h1'));
  });
  test('should record the fuzzy link with matcher, weight and evidence', () => {
    const link = result.links.find((applied) => applied.from === 'record:crm/h1' && applied.to === 'record:crm/h4');
    expect(link).toMatchObject({ matcher: 'name-birthdate', evidence: expect.stringContaining('same birth date') });
    expect(link!.weight).toBeGreaterThan(0.8);
    expect(link!.weight).toBeLessThanOrEqual(1);
  });
  test('should count the candidate pairs', () => {
    expect(result.counts.fuzzyCandidates).toBeGreaterThan(0);
    expect(result.counts.fuzzyOversizedBlocks).toBe(0);
  });
  test('should find no fuzzy link with --no-fuzzy', () => {
    const off = resolve([row('a', { ...home, first_name: 'Annegret', birth_date: '1961-04-12' }), row('b', { ...home, first_name: 'Annegret', birth_date: '1961-04-12' })], {
      config: DEFAULT_CONFIG, consent: 'ignore', fuzzy: false,
    });
    expect(off.customers).toHaveLength(2);
    expect(off.counts.fuzzyCandidates).toBe(0);
  });
});
