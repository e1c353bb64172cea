// Tests for planColumns: config mapping first, canonical names as themselves, nothing from Object.prototype.
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/index.js';
import { planColumns } from '../../src/input/index.js';

describe('planColumns', () => {
  describe('should ignore columns that are neither mapped nor canonical', () => {
    test('for names of Object.prototype properties', () => {
      const plan = planColumns(['__proto__', 'constructor', 'toString', 'hasOwnProperty'], DEFAULT_CONFIG);
      expect(plan.fields).toStrictEqual([null, null, null, null]);
    });
  });

  describe('should map columns', () => {
    test('for config columns before canonical names', () => {
      const plan = planColumns(['id', 'mail', 'email', 'crm_permission'], { columns: { id: 'record_id', mail: 'email', email: 'login' } });
      expect(plan).toStrictEqual({
        header: ['id', 'mail', 'email', 'crm_permission'],
        fields: ['record_id', 'email', 'login', 'crm_permission'],
        hasRecordId: true,
        hasConsent: true,
      });
    });
  });
});
