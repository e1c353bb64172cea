// Turns one row of raw column values into an InputRecord, or a row rejection.
import type { AttributeField, Config, Domain } from '../config/index.js';
import { errors } from '../errors/index.js';
import { isIdentifierType } from '../identifiers/index.js';
import type { ColumnPlan } from './column-plan.js';
import type { InputRecord, Permission, RawIdentifier } from './input-record.js';
import type { Rejection, RowRejectionCode } from './rejection.js';

export interface RowContext {
  readonly file: string;
  readonly line: number;
  /** Source for rows without a source column: the file's name without extension. */
  readonly defaultSource: string;
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses an ISO 8601 date or date-time to epoch ms; undefined when it is not one. */
export function parseTimestamp(text: string): number | undefined {
  if (!ISO_8601.test(text)) return undefined;
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text.replace(' ', 'T'));
  return Number.isNaN(ms) ? undefined : ms;
}

/** `granted`, `denied` (any case) or empty; undefined for anything else. */
export function parsePermission(text: string): Permission | undefined {
  const value = text.toLowerCase();
  if (value === '') return null;
  if (value === 'granted' || value === 'denied') return value;
  return undefined;
}

/**
 * Maps one row. Row-level problems come back as a Rejection; a source with no domain
 * anywhere is a configuration error for the whole run and throws.
 * @throws IdgraphError SOURCE_WITHOUT_DOMAIN
 */
export function mapRow(
  values: readonly (string | undefined)[],
  plan: ColumnPlan,
  context: RowContext,
  config: Pick<Config, 'sources' | 'limits'>,
): InputRecord | Rejection {
  let recordId = '';
  let source = '';
  let domainText = '';
  let timestampText = '';
  let cookieText = '';
  let crmText = '';
  const identifiers: RawIdentifier[] = [];
  const attributeParts: Partial<Record<AttributeField, string[]>> = {};
  let birthYear = '';
  let birthMonth = '';
  let birthDay = '';

  const reject = (code: RowRejectionCode, field: string | null, detail: string): Rejection => ({
    level: 'row',
    code,
    file: context.file,
    line: context.line,
    recordId: recordId === '' ? null : recordId,
    field,
    detail,
  });

  let tooLong: string | null = null;
  for (let index = 0; index < plan.fields.length; index++) {
    const field = plan.fields[index];
    const value = (values[index] ?? '').trim();
    if (value.length > config.limits.maxFieldLength && tooLong === null) tooLong = plan.header[index] ?? `column ${index + 1}`;
    if (field === null || field === undefined || value === '') continue;
    switch (field) {
      case 'record_id': recordId = value; break;
      case 'source': source = value; break;
      case 'domain': domainText = value.toLowerCase(); break;
      case 'timestamp': timestampText = value; break;
      case 'cookie_permission': cookieText = value; break;
      case 'crm_permission': crmText = value; break;
      case 'birth_year': birthYear = value; break;
      case 'birth_month': birthMonth = value; break;
      case 'birth_day': birthDay = value; break;
      default:
        if (isIdentifierType(field)) identifiers.push({ type: field, raw: value });
        else (attributeParts[field] ??= []).push(value);
    }
  }

  if (recordId.length > config.limits.maxFieldLength) recordId = '';
  if (tooLong !== null) {
    return reject('FIELD_TOO_LONG', tooLong, `a field is longer than limits.maxFieldLength (${config.limits.maxFieldLength} characters)`);
  }
  if (recordId === '') return reject('MISSING_RECORD_ID', 'record_id', 'the row has no record_id');

  if (source === '') source = context.defaultSource;
  let domain: Domain;
  if (domainText === 'online' || domainText === 'crm') {
    domain = domainText;
  } else if (domainText !== '') {
    return reject('BAD_DOMAIN', 'domain', 'domain must be "online" or "crm"');
  } else {
    const mapped = config.sources[source];
    if (mapped === undefined) throw errors.sourceWithoutDomain(context.file, context.line, source);
    domain = mapped;
  }

  let timestamp: number | null = null;
  if (timestampText !== '') {
    const parsed = parseTimestamp(timestampText);
    if (parsed === undefined) return reject('BAD_TIMESTAMP', 'timestamp', 'timestamp is not an ISO 8601 date or date-time');
    timestamp = parsed;
  }
  const cookiePermission = parsePermission(cookieText);
  if (cookiePermission === undefined) return reject('BAD_PERMISSION', 'cookie_permission', 'must be "granted", "denied" or empty');
  const crmPermission = parsePermission(crmText);
  if (crmPermission === undefined) return reject('BAD_PERMISSION', 'crm_permission', 'must be "granted", "denied" or empty');

  const attributes: Partial<Record<AttributeField, string>> = {};
  for (const [field, parts] of Object.entries(attributeParts) as [AttributeField, string[]][]) {
    attributes[field] = parts.join(' ');
  }
  if (attributes.birth_date === undefined && birthYear !== '' && birthMonth !== '' && birthDay !== '') {
    attributes.birth_date = `${birthYear.padStart(4, '0')}-${birthMonth.padStart(2, '0')}-${birthDay.padStart(2, '0')}`;
  }

  return {
    file: context.file,
    line: context.line,
    recordId,
    source,
    domain,
    timestamp,
    identifiers,
    attributes,
    cookiePermission,
    crmPermission,
  };
}

export function isRejection(value: InputRecord | Rejection): value is Rejection {
  return 'level' in value;
}
