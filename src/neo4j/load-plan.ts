// The steps of a driver export, in order: which run file feeds which load statement of graph/load/.
import { RUN_FILES, type RunManifest } from '../output/index.js';
import {
  customerRows,
  identifierMembershipRows,
  identifierRows,
  linkRows,
  recordMembershipRows,
  recordRows,
  refusedMergeRows,
  refusedSideRows,
} from './graph-rows.js';

/** One load statement and the rows it is run with. */
export interface LoadStep {
  /** The statement's file name in graph/load/ without `.cypher`; also the name in progress lines. */
  readonly name: string;
  /** The run file the rows come from. */
  readonly source: string;
  /** The rows, streamed from the run directory (whose run.json the caller has read). */
  readonly rows: (dir: string, manifest: RunManifest) => AsyncIterable<object>;
  /** Properties sent as Cypher INTEGER (a JavaScript number would arrive as FLOAT). */
  readonly integers: readonly string[];
}

/**
 * Nodes first, then relationships (which MATCH their ends). Refused merges come last: their
 * nodes, then their sides.
 */
export const LOAD_PLAN: readonly LoadStep[] = [
  { name: 'identifiers', source: RUN_FILES.identifiers, rows: identifierRows, integers: ['records'] },
  { name: 'records', source: RUN_FILES.records, rows: (dir, manifest) => recordRows(dir, manifest.sourceDomains), integers: [] },
  { name: 'customers', source: RUN_FILES.customers, rows: customerRows, integers: ['permission_level', 'records', 'identifiers'] },
  { name: 'identifier-belongs-to', source: RUN_FILES.identifiers, rows: identifierMembershipRows, integers: [] },
  { name: 'record-belongs-to', source: RUN_FILES.records, rows: recordMembershipRows, integers: [] },
  { name: 'links-to-identifiers', source: RUN_FILES.links, rows: (dir) => linkRows(dir, 'identifier'), integers: [] },
  { name: 'links-between-records', source: RUN_FILES.links, rows: (dir) => linkRows(dir, 'record'), integers: [] },
  { name: 'refused-merges', source: RUN_FILES.refused, rows: refusedMergeRows, integers: [] },
  { name: 'refused-from-records', source: RUN_FILES.refused, rows: (dir) => refusedSideRows(dir, 'from', 'record'), integers: [] },
  { name: 'refused-from-identifiers', source: RUN_FILES.refused, rows: (dir) => refusedSideRows(dir, 'from', 'identifier'), integers: [] },
  { name: 'refused-to-records', source: RUN_FILES.refused, rows: (dir) => refusedSideRows(dir, 'to', 'record'), integers: [] },
  { name: 'refused-to-identifiers', source: RUN_FILES.refused, rows: (dir) => refusedSideRows(dir, 'to', 'identifier'), integers: [] },
];
