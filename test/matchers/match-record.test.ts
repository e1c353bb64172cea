import { describe, expect, test } from 'vitest';
import { toMatchRecord } from '../../src/matchers/match-record.js';

describe('toMatchRecord', () => {
  test('should give nulls for absent attributes', () => {
    expect(toMatchRecord(4, { source: 'shop', domain: 'crm', attributes: {} }, [], [])).toStrictEqual({
      index: 4,
      source: 'shop',
      domain: 'crm',
      firstName: null,
      lastName: null,
      birthDate: null,
      street: null,
      postalCode: null,
      city: null,
      nationalId: null,
      emails: [],
      phones: [],
    });
  });
  test('should normalise every attribute and keep the given emails and phones', () => {
    const record = toMatchRecord(
      0,
      {
        source: 'crm',
        domain: 'crm',
        attributes: {
          first_name: ' Hans-Jürgen ', last_name: 'MÜLLER', birth_date: '19560409', street: 'Hauptstr.5a', postal_code: ' 01067 ', city: 'Köln',
          national_id: '12 345-678 A',
        },
      },
      ['hans@web.de'],
      ['+4917012345678'],
    );
    expect(record).toStrictEqual({
      index: 0,
      source: 'crm',
      domain: 'crm',
      firstName: 'hans juergen',
      lastName: 'mueller',
      birthDate: '1956-04-09',
      street: 'hauptstrasse 5a',
      postalCode: '01067',
      city: 'koeln',
      nationalId: '12345678a',
      emails: ['hans@web.de'],
      phones: ['+4917012345678'],
    });
  });
});
