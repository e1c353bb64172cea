// The result's identifiers come in canonical order: type priority, then value by UTF-16 code units (never the locale's order).
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DEFAULT_CONFIG } from '../../src/config/index.js';
import { IDENTIFIER_TYPES, nodeKey, type IdentifierType } from '../../src/identifiers/index.js';
import type { InputRecord } from '../../src/input/index.js';
import { isPlaceholder } from '../../src/normalise/index.js';
import { resolve } from '../../src/resolve/index.js';

const codeUnitOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function recordWith(index: number, identifiers: { type: IdentifierType; raw: string }[]): InputRecord {
  return {
    file: 'web.csv', line: index + 2, recordId: `r${index}`, source: 'web', domain: 'online', timestamp: null,
    identifiers, attributes: {}, cookiePermission: 'granted', crmPermission: 'granted',
  };
}

/** Cookie IDs as the opaque-ID normaliser keeps them (no spaces, controls or format characters, not UUIDs) and never junk. */
const cookieId = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 6 })
  .filter((text) => !/[\s\p{Z}\p{Cc}\p{Cf}\p{Cs}]/u.test(text) && !isPlaceholder('cookie_id', text));

describe('resolve', () => {
  test('should list identifiers by type priority, then by value in code-unit order', () => {
    // Code-unit order puts 'B' and 'Z' before 'a', and 'é', 'Ａ' (fullwidth) and '😀' after 'f'; a locale's order would not.
    const values = ['f', 'é', 'B', 'a', 'Ａ', 'Z', '😀', 'b'];
    const records = values.map((value, index) => recordWith(index, [{ type: 'cookie_id', raw: value }, { type: 'login', raw: `user${index}` }]));
    const keys = resolve(records, { config: DEFAULT_CONFIG, fuzzy: false }).identifiers.map((identifier) => identifier.key);
    const cookieKeys = [...values].sort(codeUnitOrder).map((value) => nodeKey('cookie_id', value));
    expect(cookieKeys).not.toStrictEqual([...values].sort((a, b) => a.localeCompare(b)).map((value) => nodeKey('cookie_id', value)));
    const loginKeys = values.map((_, index) => nodeKey('login', `user${index}`)).sort(codeUnitOrder);
    expect(keys).toStrictEqual([...loginKeys, ...cookieKeys]);
    expect(IDENTIFIER_TYPES.indexOf('login')).toBeLessThan(IDENTIFIER_TYPES.indexOf('cookie_id'));
  });

  test.prop([fc.uniqueArray(cookieId, { minLength: 1, maxLength: 40 })])('should list any cookie IDs in code-unit order, whatever order the records come in', (values) => {
    const records = values.map((value, index) => recordWith(index, [{ type: 'cookie_id', raw: value }]));
    const listed = resolve(records, { config: DEFAULT_CONFIG, fuzzy: false }).identifiers.map((identifier) => identifier.value);
    expect(listed).toStrictEqual([...values].sort(codeUnitOrder));
  });
});
