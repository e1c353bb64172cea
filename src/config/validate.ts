// Checks a parsed config object against the schema and merges it over the defaults.
//
// Why not valibot/zod: the schema is small and fixed, and the messages we need ("unknown key
// "treshold"; did you mean "threshold"?", with the dotted path) are the part users see; a
// schema library would still need this layer to produce them.
import { getCountries, type CountryCode } from 'libphonenumber-js';
import levenshtein from 'fast-levenshtein';
import { IDENTIFIER_TYPES, isIdentifierType, type IdentifierType } from '../identifiers/index.js';
import { errors } from '../errors/index.js';
import { isCanonicalField, type CanonicalField } from './canonical-fields.js';
import type { Config, ConsentMode, Domain } from './config.js';
import { DEFAULT_CONFIG } from './defaults.js';

type Json = unknown;

const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': ['$comment', 'sources', 'columns', 'phone', 'limits', 'junk', 'fuzzy', 'negativeEvidence', 'consent'],
  phone: ['defaultRegion'],
  limits: ['identifiersPerType', 'recordsPerCustomer', 'maxFieldLength'],
  'limits.identifiersPerType': IDENTIFIER_TYPES,
  junk: ['values', 'maxRecordsPerValue'],
  fuzzy: ['enabled', 'threshold', 'matchers', 'maxBlockSize', 'nameSimilarity', 'textSimilarity', 'duplicatesPerRecord'],
  negativeEvidence: ['enabled'],
};

const COUNTRIES: ReadonlySet<string> = new Set(getCountries());

function closest(key: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = levenshtein.get(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : null;
}

/**
 * Validates `raw` (parsed JSON/YAML) and returns the full configuration.
 * @param raw the parsed file content
 * @param file the file name, used in error messages
 * @throws IdgraphError CONFIG_UNKNOWN_KEY or CONFIG_INVALID
 */
export function validateConfig(raw: Json, file: string): Config {
  const fail = (where: string, what: string) => errors.configInvalid(file, where, what);
  const object = (value: Json, where: string): Record<string, Json> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw fail(where || 'top level', 'must be an object');
    }
    return value as Record<string, Json>;
  };
  const checkKeys = (value: Record<string, Json>, path: string) => {
    const known = KNOWN_KEYS[path] ?? [];
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) throw errors.configUnknownKey(file, path ? `${path}.${key}` : key, closest(key, known));
    }
  };
  const positiveInteger = (value: Json, where: string): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw fail(where, 'must be a whole number >= 1');
    return value;
  };
  const boolean = (value: Json, where: string): boolean => {
    if (typeof value !== 'boolean') throw fail(where, 'must be true or false');
    return value;
  };

  const top = object(raw, '');
  checkKeys(top, '');

  const sources: Record<string, Domain> = { ...DEFAULT_CONFIG.sources };
  if (top.sources !== undefined) {
    for (const [source, domain] of Object.entries(object(top.sources, 'sources'))) {
      if (domain !== 'online' && domain !== 'crm') throw fail(`sources.${source}`, 'must be "online" or "crm"');
      sources[source] = domain;
    }
  }

  const columns: Record<string, CanonicalField> = {};
  if (top.columns !== undefined) {
    for (const [column, field] of Object.entries(object(top.columns, 'columns'))) {
      if (typeof field !== 'string' || !isCanonicalField(field)) {
        throw fail(`columns.${column}`, 'must name a canonical field (see README.md "Canonical input")');
      }
      columns[column] = field;
    }
  }

  let defaultRegion: CountryCode = DEFAULT_CONFIG.phone.defaultRegion;
  if (top.phone !== undefined) {
    const phone = object(top.phone, 'phone');
    checkKeys(phone, 'phone');
    if (phone.defaultRegion !== undefined) {
      if (typeof phone.defaultRegion !== 'string' || !COUNTRIES.has(phone.defaultRegion)) {
        throw fail('phone.defaultRegion', 'must be an ISO 3166 two-letter country code such as "DE"');
      }
      defaultRegion = phone.defaultRegion as CountryCode;
    }
  }

  const identifiersPerType: Record<IdentifierType, number> = { ...DEFAULT_CONFIG.limits.identifiersPerType };
  let { recordsPerCustomer, maxFieldLength } = DEFAULT_CONFIG.limits;
  if (top.limits !== undefined) {
    const limits = object(top.limits, 'limits');
    checkKeys(limits, 'limits');
    if (limits.identifiersPerType !== undefined) {
      const perType = object(limits.identifiersPerType, 'limits.identifiersPerType');
      checkKeys(perType, 'limits.identifiersPerType');
      for (const [type, limit] of Object.entries(perType)) {
        if (isIdentifierType(type)) identifiersPerType[type] = positiveInteger(limit, `limits.identifiersPerType.${type}`);
      }
    }
    if (limits.recordsPerCustomer !== undefined) recordsPerCustomer = positiveInteger(limits.recordsPerCustomer, 'limits.recordsPerCustomer');
    if (limits.maxFieldLength !== undefined) maxFieldLength = positiveInteger(limits.maxFieldLength, 'limits.maxFieldLength');
  }

  let junkValues = [...DEFAULT_CONFIG.junk.values];
  let { maxRecordsPerValue } = DEFAULT_CONFIG.junk;
  if (top.junk !== undefined) {
    const junk = object(top.junk, 'junk');
    checkKeys(junk, 'junk');
    if (junk.values !== undefined) {
      if (!Array.isArray(junk.values)) throw fail('junk.values', 'must be a list of "type:value" strings');
      junkValues = junk.values.map((entry: Json, index) => {
        const type = typeof entry === 'string' ? entry.slice(0, entry.indexOf(':')) : '';
        if (typeof entry !== 'string' || !isIdentifierType(type)) {
          throw fail(`junk.values[${index}]`, `must be "type:value" with type one of ${IDENTIFIER_TYPES.join(', ')}`);
        }
        return entry;
      });
    }
    if (junk.maxRecordsPerValue !== undefined) maxRecordsPerValue = positiveInteger(junk.maxRecordsPerValue, 'junk.maxRecordsPerValue');
  }

  let fuzzy = DEFAULT_CONFIG.fuzzy;
  if (top.fuzzy !== undefined) {
    const given = object(top.fuzzy, 'fuzzy');
    checkKeys(given, 'fuzzy');
    const unitInterval = (key: 'threshold' | 'nameSimilarity' | 'textSimilarity'): number => {
      const value = given[key];
      if (value === undefined) return fuzzy[key];
      if (typeof value !== 'number' || !(value > 0 && value <= 1)) throw fail(`fuzzy.${key}`, 'must be a number in (0, 1]');
      return value;
    };
    let matchers = fuzzy.matchers;
    if (given.matchers !== undefined) {
      const known = DEFAULT_CONFIG.fuzzy.matchers;
      if (!Array.isArray(given.matchers) || !given.matchers.every((id: Json) => typeof id === 'string' && known.includes(id))) {
        throw fail('fuzzy.matchers', `must be a list of matcher ids from ${known.join(', ')}`);
      }
      matchers = given.matchers as string[];
    }
    let duplicatesPerRecord = fuzzy.duplicatesPerRecord;
    if (given.duplicatesPerRecord !== undefined) {
      if (typeof given.duplicatesPerRecord !== 'number' || !(given.duplicatesPerRecord > 0 && given.duplicatesPerRecord <= 1000)) {
        throw fail('fuzzy.duplicatesPerRecord', 'must be a number in (0, 1000]');
      }
      duplicatesPerRecord = given.duplicatesPerRecord;
    }
    fuzzy = {
      enabled: given.enabled === undefined ? fuzzy.enabled : boolean(given.enabled, 'fuzzy.enabled'),
      threshold: unitInterval('threshold'),
      matchers,
      maxBlockSize: given.maxBlockSize === undefined ? fuzzy.maxBlockSize : positiveInteger(given.maxBlockSize, 'fuzzy.maxBlockSize'),
      nameSimilarity: unitInterval('nameSimilarity'),
      textSimilarity: unitInterval('textSimilarity'),
      duplicatesPerRecord,
    };
  }

  let negativeEvidence = DEFAULT_CONFIG.negativeEvidence;
  if (top.negativeEvidence !== undefined) {
    const given = object(top.negativeEvidence, 'negativeEvidence');
    checkKeys(given, 'negativeEvidence');
    if (given.enabled !== undefined) negativeEvidence = { enabled: boolean(given.enabled, 'negativeEvidence.enabled') };
  }

  let consent: ConsentMode = DEFAULT_CONFIG.consent;
  if (top.consent !== undefined) {
    if (top.consent !== 'enforce' && top.consent !== 'strict' && top.consent !== 'ignore') {
      throw fail('consent', 'must be "enforce", "strict" or "ignore"');
    }
    consent = top.consent;
  }

  return {
    sources,
    columns,
    phone: { defaultRegion },
    limits: { identifiersPerType, recordsPerCustomer, maxFieldLength },
    junk: { values: junkValues, maxRecordsPerValue },
    fuzzy,
    negativeEvidence,
    consent,
  };
}
