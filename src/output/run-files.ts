// The names and headers of the files in a run directory: the contract queries and exports read.

export const RUN_FILES = {
  manifest: 'run.json',
  records: 'records.csv',
  identifiers: 'identifiers.csv',
  customers: 'customers.csv',
  links: 'links.csv',
  refused: 'refused.csv',
  rejected: 'rejected.csv',
  idHistory: 'id_history.csv',
  reportJson: 'report.json',
  reportText: 'report.txt',
} as const;

export const HEADERS = {
  records: ['record_id', 'source', 'customer_id'],
  identifiers: ['type', 'value', 'customer_id', 'records'],
  customers: ['customer_id', 'permission_level', 'records', 'identifiers', 'sources'],
  links: ['from', 'to', 'matcher', 'weight', 'evidence'],
  refused: ['from', 'to', 'rule', 'detail', 'matcher', 'weight', 'from_customer', 'to_customer'],
  rejected: ['file', 'line', 'record_id', 'level', 'code', 'field', 'detail'],
  idHistory: ['old_id', 'new_id', 'event', 'at'],
} as const;

/** run.json: marks a directory as an idgraph run and records how it was made. */
export interface RunManifest {
  readonly format: 'idgraph-run';
  readonly version: 1;
  readonly createdAt: string;
  readonly consent: string;
  readonly fuzzy: boolean;
  readonly pseudonymised: boolean;
  readonly phoneRegion: string;
  /** The domain of every source in the run (for pictures and exports, which read no input). */
  readonly sourceDomains: Readonly<Record<string, 'online' | 'crm'>>;
}
