import { describe, expect, test } from 'vitest';
import { createPseudonymiser } from '../../src/privacy/pseudonymise.js';

describe('createPseudonymiser', () => {
  describe('should be a keyed, stable, type-separated function', () => {
    test('for the same key and value', () => {
      expect(createPseudonymiser('k'.repeat(16))('email', 'anna@example.org')).toBe(createPseudonymiser('k'.repeat(16))('email', 'anna@example.org'));
    });
    test('for another key', () => {
      expect(createPseudonymiser('k'.repeat(16))('email', 'anna@example.org')).not.toBe(createPseudonymiser('j'.repeat(16))('email', 'anna@example.org'));
    });
    test('for the same text as another identifier type', () => {
      const pseudonymise = createPseudonymiser('k'.repeat(16));
      expect(pseudonymise('login', 'anna')).not.toBe(pseudonymise('loyalty_number', 'anna'));
    });
    test('for the output format', () => {
      expect(createPseudonymiser('k'.repeat(16))('phone', '+491711234567')).toMatch(/^ps_[0-9a-f]{32}$/);
    });
  });
});
