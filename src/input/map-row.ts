// Turns one row of raw column values into an InputRecord, or a row rejection.
import type { AttributeField, Config, Domain } from '../config/index.js';
import { isIdentifierType } from '../identifiers/index.js';
import { exactSize } from '../memory/exact-size.js';
import type { StringPool } from '../memory/flat-string.js';
import type { ColumnPlan } from './column-plan.js';
import type { InputRecord, Permission, RawIdentifier } from './input-record.js';
import type { Rejection, RowRejectionCode } from './rejection.js';

export interface RowContext {
  readonly file: string;
  readonly line: number;
  /** Source for rows without a source column: the file's name without extension. */
  readonly defaultSource: string;
  /**
   * Gives one instance of each source name: a row's values are copies (a parsing thread's rows
   * arrive as new strings), and the records keep their source to the end of the run.
   */
  readonly sources?: StringPool;
}

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number) =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS_IN_MONTH[month - 1]!;

/**
 * Parses an ISO 8601 date or date-time to epoch ms; undefined when it is not one or names a
 * day, hour or offset that does not exist (2023-02-30, 25:00, +99:00; Date.parse rolls those over).
 * A date-time without an offset is taken as UTC, so the result does not depend on the machine's zone.
 */
export function parseTimestamp(text: string): number | undefined {
  const match = ISO_8601.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone, zoneHours, zoneMinutes] = match;
  const y = Number(year);
  const m = Number(month);
  if (m < 1 || m > 12 || Number(day) < 1 || Number(day) > daysIn(y, m)) return undefined;
  if (hour === undefined) return Date.parse(`${year}-${month}-${day}T00:00:00Z`);
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return undefined;
  if (zoneHours !== undefined && (Number(zoneHours) > 14 || Number(zoneMinutes) > 59)) return undefined;
  const offset = zone === undefined || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zoneMinutes}`;
  const ms = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}${(fraction ?? '').slice(0, 4)}${offset}`);
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
 * Maps one row. Every problem comes back as a Rejection, never as an exception; a row whose
 * source has no domain (none in the row, none in config `sources`) is UNKNOWN_SOURCE, which
 * readInputs turns into a run-level error when it is the file's usual source.
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

  source = source === '' ? context.defaultSource : (context.sources?.of(source) ?? source);
  let domain: Domain;
  if (domainText === 'online' || domainText === 'crm') {
    domain = domainText === 'online' ? 'online' : 'crm'; // the literals, not the row's copies
  } else if (domainText !== '') {
    return reject('BAD_DOMAIN', 'domain', 'domain must be "online" or "crm"');
  } else {
    const mapped = domainOf(config, source);
    if (mapped === undefined) return reject('UNKNOWN_SOURCE', 'domain', 'the row has no domain and its source is not in config "sources"');
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
    identifiers: exactSize(identifiers),
    attributes,
    cookiePermission,
    crmPermission,
  };
}

/** The domain config `sources` gives a source; an own key only (a source named "constructor" is not mapped). */
export function domainOf(config: Pick<Config, 'sources'>, source: string): Domain | undefined {
  return Object.hasOwn(config.sources, source) ? config.sources[source] : undefined;
}

/** The source a row is filed under: its source column, else the file's default source. */
export function rowSource(values: readonly (string | undefined)[], plan: ColumnPlan, defaultSource: string): string {
  const index = plan.fields.indexOf('source');
  const source = index === -1 ? '' : (values[index] ?? '').trim();
  return source === '' ? defaultSource : source;
}

export function isRejection(value: InputRecord | Rejection): value is Rejection {
  return 'level' in value;
}
