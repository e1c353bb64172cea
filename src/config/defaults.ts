// The configuration used when a key is not given; documented in README.md "Configuration".
import type { Config } from './config.js';

export const DEFAULT_CONFIG: Config = {
  sources: {},
  columns: {},
  phone: { defaultRegion: 'DE' },
  limits: {
    identifiersPerType: { loyalty_number: 1, login: 1, email: 3, phone: 3, app_id: 5, cookie_id: 50 },
    recordsPerCustomer: 1000,
    maxFieldLength: 10_000,
  },
  junk: { values: [], maxRecordsPerValue: 100 },
  fuzzy: {
    enabled: true,
    threshold: 0.8,
    matchers: ['name-birthdate', 'address', 'phone-typo', 'email-local', 'national-id', 'name', 'co-resident'],
    maxBlockSize: 100,
    nameSimilarity: 0.88,
    textSimilarity: 0.8,
    duplicatesPerRecord: 2,
  },
  negativeEvidence: { enabled: true },
  consent: 'enforce',
};
