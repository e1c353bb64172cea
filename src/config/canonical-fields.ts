// The canonical input schema of DESIGN.md: every field a column can be mapped onto.
import { IDENTIFIER_TYPES, type IdentifierType } from '../identifiers/index.js';

/** Attributes used by fuzzy matching and negative evidence; never linked on their own. */
export const ATTRIBUTE_FIELDS = [
  'first_name',
  'last_name',
  'birth_date',
  'street',
  'postal_code',
  'city',
  'country',
  'national_id',
] as const;
export type AttributeField = (typeof ATTRIBUTE_FIELDS)[number];

/** Parts of a birth date given in separate columns; combined into birth_date by the reader. */
export const BIRTH_DATE_PARTS = ['birth_year', 'birth_month', 'birth_day'] as const;
export type BirthDatePart = (typeof BIRTH_DATE_PARTS)[number];

export const CONTROL_FIELDS = ['record_id', 'source', 'domain', 'timestamp', 'cookie_permission', 'crm_permission'] as const;
export type ControlField = (typeof CONTROL_FIELDS)[number];

export type CanonicalField = ControlField | IdentifierType | AttributeField | BirthDatePart;

export const CANONICAL_FIELDS: readonly CanonicalField[] = [
  ...CONTROL_FIELDS,
  ...IDENTIFIER_TYPES,
  ...ATTRIBUTE_FIELDS,
  ...BIRTH_DATE_PARTS,
];

export function isCanonicalField(name: string): name is CanonicalField {
  return (CANONICAL_FIELDS as readonly string[]).includes(name);
}
