import { describe, expect, test } from 'vitest';
import { DOMAIN_CRM, DOMAIN_ONLINE, type LatestPermission } from '../../../src/resolve/component-state.js';
import { checkConsent, permissionLevel, type ConsentSide } from '../../../src/resolve/rules/consent.js';

const G = (timestamp = 0): LatestPermission => ({ timestamp, value: 1 });
const D = (timestamp = 0): LatestPermission => ({ timestamp, value: -1 });
const N: LatestPermission = { timestamp: -Infinity, value: 0 };
const side = (domains: number, cookie: LatestPermission, crm: LatestPermission): ConsentSide => ({ domains, cookie, crm });

describe('checkConsent', () => {
  describe('should apply the rule of the domains being joined (enforce)', () => {
    // [case, side A, side B, allowed]
    test.each([
      ['online + crm, both granted', side(DOMAIN_ONLINE, G(), N), side(DOMAIN_CRM, N, G()), true],
      ['online + crm, cookie only', side(DOMAIN_ONLINE, G(), N), side(DOMAIN_CRM, N, N), false],
      ['online + crm, crm only', side(DOMAIN_ONLINE, N, N), side(DOMAIN_CRM, N, G()), false],
      ['online + crm, crm denied', side(DOMAIN_ONLINE, G(), N), side(DOMAIN_CRM, N, D()), false],
      ['online only, cookie granted', side(DOMAIN_ONLINE, G(), N), side(DOMAIN_ONLINE, N, N), true],
      ['online only, cookie not given', side(DOMAIN_ONLINE, N, G()), side(DOMAIN_ONLINE, N, G()), false],
      ['online only, cookie denied', side(DOMAIN_ONLINE, D(), N), side(DOMAIN_ONLINE, N, N), false],
      ['crm only, crm granted', side(DOMAIN_CRM, N, G()), side(DOMAIN_CRM, N, N), true],
      ['crm only, crm not given but cookie granted', side(DOMAIN_CRM, G(), N), side(DOMAIN_CRM, G(), N), false],
      ['crm only, crm denied', side(DOMAIN_CRM, N, D()), side(DOMAIN_CRM, N, N), false],
    ] as const)('for %s', (_name, a, b, allowed) => {
      expect(checkConsent(a, b, 'enforce').allowed).toBe(allowed);
      expect(checkConsent(b, a, 'enforce').allowed).toBe(allowed);
    });
  });

  describe('should use the latest explicit value over both sides', () => {
    test.each([
      ['a later denial beats an earlier grant', side(DOMAIN_ONLINE, G(1), N), side(DOMAIN_ONLINE, D(2), N), false],
      ['a later grant beats an earlier denial', side(DOMAIN_ONLINE, D(1), N), side(DOMAIN_ONLINE, G(2), N), true],
      ['an empty value does not override a grant', side(DOMAIN_ONLINE, G(1), N), side(DOMAIN_ONLINE, N, N), true],
      ['at equal timestamps a denial wins', side(DOMAIN_ONLINE, G(5), N), side(DOMAIN_ONLINE, D(5), N), false],
      ['a value without timestamp is older than one with', side(DOMAIN_ONLINE, G(-Infinity), N), side(DOMAIN_ONLINE, D(0), N), false],
    ] as const)('for %s', (_name, a, b, allowed) => {
      expect(checkConsent(a, b, 'enforce').allowed).toBe(allowed);
      expect(checkConsent(b, a, 'enforce').allowed).toBe(allowed);
    });
  });

  describe('should name the rule and what was missing when it refuses', () => {
    test('for online + crm without crm permission', () => {
      expect(checkConsent(side(DOMAIN_ONLINE, G(), N), side(DOMAIN_CRM, N, N), 'enforce')).toStrictEqual({
        allowed: false,
        rule: 'consent',
        detail: 'online + crm needs cookie and crm permission; latest cookie granted, crm not given',
      });
    });
  });

  describe('should honour the mode', () => {
    test('for strict: one domain still needs both permissions', () => {
      expect(checkConsent(side(DOMAIN_CRM, N, G()), side(DOMAIN_CRM, N, G()), 'strict').allowed).toBe(false);
      expect(checkConsent(side(DOMAIN_CRM, G(), G()), side(DOMAIN_CRM, N, N), 'strict').allowed).toBe(true);
    });
    test('for ignore: everything is allowed', () => {
      expect(checkConsent(side(DOMAIN_ONLINE, D(), D()), side(DOMAIN_CRM, D(), D()), 'ignore').allowed).toBe(true);
    });
  });
});

describe('permissionLevel', () => {
  test.each([
    [N, N, 1],
    [D(), D(), 1],
    [G(), N, 2],
    [N, G(), 2],
    [G(), D(), 2],
    [G(), G(), 3],
  ] as const)('should be level %#', (cookie, crm, level) => {
    expect(permissionLevel(cookie, crm)).toBe(level);
  });
});
