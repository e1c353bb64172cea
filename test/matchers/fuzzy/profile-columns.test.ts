import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { fromProfileColumns, toProfileColumns } from '../../../src/matchers/fuzzy/profile-columns.js';
import type { MatchProfile } from '../../../src/matchers/profile.js';

const text = fc.option(fc.string({ maxLength: 8 }), { nil: null });
const profile = fc.record({
  index: fc.nat(),
  first: text,
  last: text,
  firstCode: text,
  lastCode: text,
  birthDate: text,
  street: text,
  streetName: text,
  houseNumber: text,
  postalCode: text,
  city: text,
  nationalId: text,
  emails: fc.array(fc.record({ local: fc.string({ maxLength: 6 }), domain: fc.string({ maxLength: 6 }) }, { noNullPrototype: true }), { maxLength: 3 }),
  phones: fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
}, { noNullPrototype: true });

describe('toProfileColumns / fromProfileColumns', () => {
  propTest.prop([fc.array(profile, { maxLength: 30 })])(
    'should give back every profile as it was after a structured clone (what the scoring worker receives)',
    (profiles: MatchProfile[]) => {
      expect(fromProfileColumns(structuredClone(toProfileColumns(profiles)))).toStrictEqual(profiles);
    },
  );

  test('should lay the emails and phones of all profiles one after another', () => {
    const base = fc.sample(profile, { numRuns: 1, seed: 1 })[0]!;
    const profiles: MatchProfile[] = [
      { ...base, index: 0, emails: [{ local: 'a', domain: 'x.de' }], phones: ['+491', '+492'] },
      { ...base, index: 1, emails: [], phones: [] },
      { ...base, index: 2, emails: [{ local: 'b', domain: 'y.de' }], phones: ['+493'] },
    ];
    const columns = toProfileColumns(profiles);
    expect([...columns.emailCounts]).toStrictEqual([1, 0, 1]);
    expect(columns.emailLocals).toStrictEqual(['a', 'b']);
    expect([...columns.phoneCounts]).toStrictEqual([2, 0, 1]);
    expect(columns.phones).toStrictEqual(['+491', '+492', '+493']);
    expect(fromProfileColumns(columns)).toStrictEqual(profiles);
  });
});
