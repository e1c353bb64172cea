import { describe, expect, test } from 'vitest';
import { keysOf } from '../../../src/matchers/blocking-key.js';
import { name } from '../../../src/matchers/fuzzy/name.js';
import { profile } from '../../helpers/match-records.js';
import { CONTEXT } from './context.js';

describe('name', () => {
  test('should give no link when one name disagrees', () => {
    expect(name.score(profile(0, { firstName: 'jonas', lastName: 'wagner' }), profile(1, { firstName: 'paul', lastName: 'wagner' }), CONTEXT)).toBeNull();
  });
  test('should give no link for a common name with nothing else in common', () => {
    expect(
      name.score(
        profile(0, { firstName: 'anna', lastName: 'mueller', city: 'stadt1', birthDate: '1950-01-01' }),
        profile(1, { firstName: 'anna', lastName: 'mueller', city: 'stadt2', birthDate: '1990-06-06' }),
        CONTEXT,
      ),
    ).toBeNull();
  });
  test('should link the same name in the same city with a birth date two digits off', () => {
    const score = name.score(
      profile(0, { firstName: 'jonas', lastName: 'wagner', city: 'stadt1', birthDate: '1970-03-17' }),
      profile(1, { firstName: 'jonas', lastName: 'wagner', city: 'stadt1', birthDate: '1971-03-18' }),
      CONTEXT,
    );
    expect(score?.evidence).toBe('name: same first name, same last name, birth date two digits off, same city');
  });
  test('should block swapped names together', () => {
    const [codes] = name.blocking;
    const keys = keysOf(codes!.keys, profile(0, { firstName: 'jonas', lastName: 'wagner' }));
    expect(keys).toHaveLength(1);
    expect(keysOf(codes!.keys, profile(1, { firstName: 'wagner', lastName: 'jonas' }))).toStrictEqual(keys);
  });
});
