import { describe, expect, test } from 'vitest';
import { IdgraphError } from '../../src/errors/index.js';
import { checkPreviousCompatible } from '../../src/state/check-previous.js';
import { pseudonymKeyCheck } from '../../src/state/key-check.js';
import type { StateManifest } from '../../src/state/state-files.js';

const KEY = '0123456789abcdef-test-key';
const manifest = (pseudonymised: boolean, keyCheck: string | null): StateManifest => ({
  format: 'idgraph-state', version: 1, createdAt: '2024-01-01T00:00:00.000Z', records: 0, customers: 0, pseudonymised, keyCheck,
});
const codeOf = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof IdgraphError ? error.code : 'other';
  }
};

describe('checkPreviousCompatible', () => {
  describe('should refuse', () => {
    test('for a pseudonymised state continued without --pseudonymise', () => {
      expect(codeOf(() => checkPreviousCompatible('prev', manifest(true, pseudonymKeyCheck(KEY)), null))).toBe('PREVIOUS_STATE_INVALID');
    });

    test('for a pseudonymised state continued with another key', () => {
      expect(codeOf(() => checkPreviousCompatible('prev', manifest(true, pseudonymKeyCheck(KEY)), pseudonymKeyCheck(`${KEY}-2`)))).toBe('PREVIOUS_STATE_INVALID');
    });
  });

  describe('should accept', () => {
    test.each([
      ['a raw state continued raw', manifest(false, null), null],
      ['a raw state continued pseudonymised', manifest(false, null), pseudonymKeyCheck(KEY)],
      ['a pseudonymised state continued with the same key', manifest(true, pseudonymKeyCheck(KEY)), pseudonymKeyCheck(KEY)],
    ])('for %s', (_name, state, keyCheck) => {
      expect(codeOf(() => checkPreviousCompatible('prev', state, keyCheck))).toBe(null);
    });
  });
});

describe('pseudonymKeyCheck', () => {
  describe('should fingerprint the key', () => {
    test('for the same key twice, and another key', () => {
      expect(pseudonymKeyCheck(KEY)).toMatch(/^[0-9a-f]{16}$/);
      expect(pseudonymKeyCheck(KEY)).toBe(pseudonymKeyCheck(KEY));
      expect(pseudonymKeyCheck(`${KEY}x`)).not.toBe(pseudonymKeyCheck(KEY));
    });
  });
});
