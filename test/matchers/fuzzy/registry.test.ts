import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/config/defaults.js';
import { FUZZY_MATCHERS } from '../../../src/matchers/fuzzy/registry.js';

describe('FUZZY_MATCHERS', () => {
  test('should list the matchers in their documented order, the deferred one last', () => {
    expect(FUZZY_MATCHERS.map((matcher) => matcher.id)).toStrictEqual(['name-birthdate', 'address', 'phone-typo', 'email-local', 'national-id', 'name', 'co-resident']);
    expect(FUZZY_MATCHERS.map((matcher) => matcher.needsCoResidents)).toStrictEqual([false, false, false, false, false, false, true]);
  });
  test('should all be enabled by default', () => {
    expect(DEFAULT_CONFIG.fuzzy.matchers).toStrictEqual(FUZZY_MATCHERS.map((matcher) => matcher.id));
  });
  test('should have unique blocking rule ids', () => {
    const ids = FUZZY_MATCHERS.flatMap((matcher) => matcher.blocking.map((rule) => rule.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
