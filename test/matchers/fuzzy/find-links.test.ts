import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/config/defaults.js';
import { findFuzzyLinks } from '../../../src/matchers/fuzzy/find-links.js';
import type { MatchRecord } from '../../../src/matchers/match-record.js';
import { matchRecord } from '../../helpers/match-records.js';

const config = DEFAULT_CONFIG.fuzzy;
const FIRST = ['anna', 'peter', 'jonas', 'lena', 'paul', 'maria', 'stefan', 'julia', 'max', 'sabine', 'karl', 'ute'];
const LAST = ['mueller', 'schmidt', 'schneider', 'fischer', 'weber', 'meyer', 'wagner', 'becker', 'hoffmann', 'koch', 'richter'];

/** `count` unrelated people, each with a name, birth date, address and email of their own. */
function crowd(count: number, from: number): MatchRecord[] {
  return Array.from({ length: count }, (_, i) =>
    matchRecord(from + i, {
      firstName: FIRST[i % FIRST.length]!,
      lastName: LAST[(i * 5) % LAST.length]!,
      birthDate: `19${50 + (i % 45)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`,
      street: `${['linden', 'birken', 'eichen', 'buchen'][i % 4]}weg ${1 + (i % 90)}`,
      postalCode: String(20000 + ((i * 37) % 900)),
      city: ['hamburg', 'bremen', 'kiel'][i % 3]!,
      emails: [`p${i}@mail.de`],
    }),
  );
}

const anna = { firstName: 'annegret', lastName: 'zweig', birthDate: '1961-04-12', street: 'lindenweg 5', postalCode: '20095', city: 'hamburg' };

describe('findFuzzyLinks', () => {
  test('should find nothing and count nothing for no records', () => {
    const result = findFuzzyLinks([], config);
    expect({ links: result.links, candidatePairs: result.candidatePairs, oversizedBlocks: result.oversizedBlocks }).toStrictEqual({
      links: [],
      candidatePairs: 0,
      oversizedBlocks: 0,
    });
  });
  test('should link a second account sharing only name, birth date and address', () => {
    const records = [...crowd(300, 0), matchRecord(300, { ...anna, emails: ['a.zweig@web.de'] }), matchRecord(301, { ...anna, emails: ['annegret61@gmx.de'] })];
    const { links } = findFuzzyLinks(records, config);
    expect(links.filter((link) => link.a >= 300)).toStrictEqual([
      {
        a: 300,
        b: 301,
        weight: expect.any(Number),
        matcher: 'name-birthdate',
        evidence: 'name and birth date: same first name, same last name, same birth date, same street, same house number, same postal code, different email',
        weighed: { firstNames: true, birthDates: true },
      },
    ]);
  });
  test('should not link a household sharing address, last name and landline', () => {
    const landline = ['+494012345678'];
    const records = [
      ...crowd(300, 0),
      matchRecord(300, { ...anna, phones: landline }),
      matchRecord(301, { ...anna, firstName: 'bernd', birthDate: '1958-11-30', phones: landline }),
      matchRecord(302, { ...anna, firstName: 'lea', birthDate: '1990-02-02' }),
    ];
    expect(findFuzzyLinks(records, config).links.filter((link) => link.a >= 300)).toStrictEqual([]);
  });
  test('should give the same links whatever the order of the crowd', () => {
    const records = [...crowd(200, 0), matchRecord(200, anna), matchRecord(201, { ...anna, firstName: 'annegrte' })];
    const reversed = [...records].reverse();
    const key = (links: ReturnType<typeof findFuzzyLinks>['links']) => links.map((link) => `${link.a}-${link.b}-${link.matcher}-${link.weight}`).sort();
    expect(key(findFuzzyLinks(reversed, config).links)).toStrictEqual(key(findFuzzyLinks(records, config).links));
  });
  test('should skip and count blocks above fuzzy.maxBlockSize', () => {
    const twins = Array.from({ length: 12 }, (_, i) => matchRecord(i, { birthDate: '1970-01-01', firstName: 'x', lastName: `n${i}` }));
    const result = findFuzzyLinks(twins, { ...config, maxBlockSize: 5 });
    expect(result.oversizedBlocks).toBeGreaterThan(0);
    expect(result.candidatePairs).toBe(0);
  });
  test('should run only the configured matchers', () => {
    const records = [...crowd(100, 0), matchRecord(100, anna), matchRecord(101, anna)];
    expect(findFuzzyLinks(records, { ...config, matchers: ['email-local'] }).links).toStrictEqual([]);
  });
});
