// One line of state/records.ndjson.gz: an InputRecord in canonical form plus its customer ID.
import { ATTRIBUTE_FIELDS, type AttributeField, type Domain } from '../config/index.js';
import { isCustomerId, type CustomerId } from '../ids/index.js';
import { isIdentifierType } from '../identifiers/index.js';
import { exactSize } from '../memory/exact-size.js';
import type { InputRecord, Permission, RawIdentifier } from '../input/index.js';

/** A record as the state keeps it. */
export interface StateRecord {
  readonly record: InputRecord;
  readonly customerId: CustomerId;
}

/**
 * The JSON line of a record, fields in a fixed order (so the same run writes the same bytes).
 * @param record the record (identifiers raw, or pseudonyms marked `pseudonymised: true`)
 * @param customerId the customer ID it was published under
 */
export function encodeStateRecord(record: InputRecord, customerId: CustomerId): string {
  return stateLineBody(record) + stateLineEnd(customerId);
}

/**
 * A record's state line without its customer ID (the last field): what can be encoded before the
 * record is resolved (state-draft.ts); stateLineEnd completes it. Holds no line break (JSON
 * escapes them in strings).
 * @param record the record (identifiers raw, or pseudonyms marked `pseudonymised: true`)
 */
export function stateLineBody(record: InputRecord): string {
  const attributes: Partial<Record<AttributeField, string>> = {};
  for (const field of ATTRIBUTE_FIELDS) {
    const value = record.attributes[field];
    if (value !== undefined) attributes[field] = value;
  }
  const line = JSON.stringify({
    source: record.source,
    recordId: record.recordId,
    domain: record.domain,
    timestamp: record.timestamp,
    identifiers: record.identifiers.map((identifier) =>
      identifier.pseudonymised === true
        ? { type: identifier.type, raw: identifier.raw, pseudonymised: true }
        : { type: identifier.type, raw: identifier.raw },
    ),
    attributes,
    cookiePermission: record.cookiePermission,
    crmPermission: record.crmPermission,
    file: record.file,
    line: record.line,
  });
  return line.slice(0, -1); // without the closing brace: stateLineEnd adds the customer ID first
}

/**
 * How every state line of `record` begins: its first two fields, in stateLineBody's order. The
 * draft checks each drafted line against the record the result lists at its place.
 */
export const stateLinePrefix = (record: Pick<InputRecord, 'source' | 'recordId'>): string =>
  `{"source":${JSON.stringify(record.source)},"recordId":${JSON.stringify(record.recordId)},`;

/** What completes stateLineBody's text into the whole line: the customer ID field and the closing brace. */
export const stateLineEnd = (customerId: CustomerId): string => `,"customerId":${JSON.stringify(customerId)}}`;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isPermission = (value: unknown): value is Permission => value === null || value === 'granted' || value === 'denied';
const isDomain = (value: unknown): value is Domain => value === 'online' || value === 'crm';

/**
 * Parses and checks one state line.
 * @returns the record, or a description of what is wrong (never containing a value of the line)
 */
export function decodeStateRecord(line: string): StateRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not a JSON object';
  }
  if (!isObject(value)) return 'not a JSON object';
  const { source, recordId, domain, timestamp, identifiers, attributes, cookiePermission, crmPermission, file, customerId } = value;
  const lineNumber = value['line'];
  if (typeof source !== 'string' || typeof recordId !== 'string' || recordId === '') return 'missing source or recordId';
  if (!isDomain(domain)) return 'domain is not online or crm';
  if (timestamp !== null && (typeof timestamp !== 'number' || !Number.isFinite(timestamp))) return 'timestamp is not a number or null';
  if (!isPermission(cookiePermission) || !isPermission(crmPermission)) return 'a permission is not granted, denied or null';
  if (typeof file !== 'string' || typeof lineNumber !== 'number') return 'missing file or line';
  if (typeof customerId !== 'string' || !isCustomerId(customerId)) return 'customerId is not a customer ID';
  if (!Array.isArray(identifiers)) return 'identifiers is not a list';
  const parsedIdentifiers: RawIdentifier[] = [];
  for (const identifier of identifiers) {
    if (!isObject(identifier) || typeof identifier['type'] !== 'string' || !isIdentifierType(identifier['type'])) return 'an identifier has no known type';
    if (typeof identifier['raw'] !== 'string') return 'an identifier has no value';
    parsedIdentifiers.push(
      identifier['pseudonymised'] === true
        ? { type: identifier['type'], raw: identifier['raw'], pseudonymised: true }
        : { type: identifier['type'], raw: identifier['raw'] },
    );
  }
  if (!isObject(attributes)) return 'attributes is not an object';
  const parsedAttributes: Partial<Record<AttributeField, string>> = {};
  for (const [field, text] of Object.entries(attributes)) {
    if (!(ATTRIBUTE_FIELDS as readonly string[]).includes(field) || typeof text !== 'string') return 'an attribute is unknown or not a string';
    parsedAttributes[field as AttributeField] = text;
  }
  return {
    record: {
      file,
      line: lineNumber,
      recordId,
      source,
      domain,
      timestamp,
      identifiers: exactSize(parsedIdentifiers),
      attributes: parsedAttributes,
      cookiePermission,
      crmPermission,
    },
    customerId,
  };
}
