// The names and shapes of the files in a run's `state/` directory: what the next `--previous` run reads.

/** The state directory inside a run directory. */
export const STATE_DIR = 'state';

/** Paths inside a run directory. */
export const STATE_FILES = {
  manifest: 'state/state.json',
  /** One InputRecord per line (JSON, gzip), plus the customer ID it was given. */
  records: 'state/records.ndjson.gz',
  /** customer_id, first_seen, records: one row per customer of the run. */
  customers: 'state/customers.csv',
} as const;

export const STATE_CUSTOMERS_HEADER = ['customer_id', 'first_seen', 'records'] as const;

/** state/state.json. */
export interface StateManifest {
  readonly format: 'idgraph-state';
  readonly version: 1;
  readonly createdAt: string;
  readonly records: number;
  readonly customers: number;
  /** True when identifiers in records.ndjson.gz are pseudonyms (each marked `pseudonymised: true`). */
  readonly pseudonymised: boolean;
  /** Fingerprint of the pseudonym key (see key-check.ts), so a run with another key is refused; null when not pseudonymised. */
  readonly keyCheck: string | null;
}

/** The `format` and `version` of state.json this build reads and writes. */
export const STATE_FORMAT = 'idgraph-state';
export const STATE_VERSION = 1;
