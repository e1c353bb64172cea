import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/config/index.js';
import type { IdentifierType } from '../../../src/identifiers/index.js';
import { checkLimits, type LimitSide } from '../../../src/resolve/rules/limits.js';

const side = (records: number, counts: Partial<Record<IdentifierType, number>>): LimitSide => ({
  records,
  identifierCount: (type) => counts[type] ?? 0,
});
const limits = DEFAULT_CONFIG.limits;

describe('checkLimits', () => {
  describe('should refuse a merge over a per-type identifier limit', () => {
    test.each([
      ['two logins (limit 1)', { login: 1 }, { login: 1 }, 'would hold 2 login identifiers (limit 1)'],
      ['two loyalty numbers (limit 1)', { loyalty_number: 1 }, { loyalty_number: 1 }, 'would hold 2 loyalty_number identifiers (limit 1)'],
      ['four emails (limit 3)', { email: 2 }, { email: 2 }, 'would hold 4 email identifiers (limit 3)'],
      ['four phones (limit 3)', { phone: 3 }, { phone: 1 }, 'would hold 4 phone identifiers (limit 3)'],
    ] as const)('for %s', (_name, a, b, detail) => {
      expect(checkLimits(side(1, a), side(1, b), limits)).toStrictEqual({ allowed: false, rule: 'limit', detail });
    });
  });

  describe('should allow a merge at the limit', () => {
    test.each([
      ['one login', { login: 1 }, {}],
      ['three emails', { email: 2 }, { email: 1 }],
      ['three phones', { phone: 1 }, { phone: 2 }],
    ] as const)('for %s', (_name, a, b) => {
      expect(checkLimits(side(1, a), side(1, b), limits)).toStrictEqual({ allowed: true });
    });
  });

  describe('should limit records per customer', () => {
    test('for a configured limit of 3', () => {
      const small = { ...limits, recordsPerCustomer: 3 };
      expect(checkLimits(side(2, {}), side(1, {}), small).allowed).toBe(true);
      expect(checkLimits(side(2, {}), side(2, {}), small)).toStrictEqual({
        allowed: false,
        rule: 'limit',
        detail: 'would hold 4 records (limit 3)',
      });
    });
  });
});
