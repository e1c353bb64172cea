import { describe, expect, test } from 'vitest';
import { keysOf } from '../../../src/matchers/blocking-key.js';
import { emailLocal } from '../../../src/matchers/fuzzy/email-local.js';
import { profile } from '../../helpers/match-records.js';
import { CONTEXT } from './context.js';

describe('emailLocal', () => {
  describe('should give no link', () => {
    test('for a shared mailbox behind different first names', () => {
      expect(
        emailLocal.score(profile(0, { firstName: 'anna', emails: ['family.wagner@web.de'] }), profile(1, { firstName: 'jonas', emails: ['family.wagner@web.de'] }), CONTEXT),
      ).toBeNull();
    });
    test('for local parts differing in a digit', () => {
      expect(emailLocal.score(profile(0, { emails: ['thomas1953@gmx.de'] }), profile(1, { emails: ['thomas1958@gmx.de'] }), CONTEXT)).toBeNull();
    });
  });
  test('should link a typo in the local part', () => {
    const score = emailLocal.score(
      profile(0, { firstName: 'jonas', emails: ['jonas.mueller@web.de'] }),
      profile(1, { firstName: 'jonas', emails: ['jonas.mueler@web.de'] }),
      CONTEXT,
    );
    expect(score?.evidence).toBe('email a typo apart: same first name, email a typo apart (similarity 0.92)');
  });
  test('should block on the domain and digits with each half of the local part, and on the local part', () => {
    expect(emailLocal.blocking.map((rule) => keysOf(rule.keys, profile(0, { emails: ['jonas.mueller85@web.de'] })))).toStrictEqual([
      ['web.de|#85|15|jonas.m', 'web.de|#85|14|jonas.m', 'web.de|#85|>|eller85'],
      ['jonas.mueller85'],
    ]);
  });
});
