// The public library API of idgraph. Only what is listed here is supported; everything else is internal.
export { resolve, resolveInParallel } from './resolve/resolve.js';
export { RecordsHandOver } from './resolve/records-hand-over.js';
export type { ResolveOptions, Stage } from './resolve/resolve.js';
export type { ParallelOptions } from './matchers/fuzzy/find-links-parallel.js';
export type {
  AppliedLink,
  LinkEdge,
  Customer,
  JunkValue,
  RefusedMerge,
  ResolutionCounts,
  ResolutionResult,
  ResolvedIdentifier,
  ResolvedRecord,
} from './resolve/result.js';
export type { RefusalRule } from './resolve/rules/rule-outcome.js';
export { loadConfig } from './config/load.js';
export { DEFAULT_CONFIG } from './config/defaults.js';
export type { Config, ConsentMode, Domain } from './config/config.js';
export { readInputs } from './input/read-inputs.js';
export type { InputRecord, Permission, RawIdentifier } from './input/input-record.js';
export type { Rejection } from './input/rejection.js';
export { IdgraphError } from './errors/idgraph-error.js';
export type { ErrorCode, ExitCode } from './errors/idgraph-error.js';
export type { CustomerId } from './ids/customer-id.js';
export type { IdentifierType } from './identifiers/identifier-type.js';
export type { NodeKey } from './identifiers/node-key.js';
export { lookup } from './query/lookup.js';
export type { LookupResult } from './query/lookup.js';
export { customer } from './query/customer.js';
export type { CustomerResult, CustomerView } from './query/customer.js';
export { explain } from './query/explain.js';
export type { ExplainEnd, ExplainResult } from './query/explain.js';
export { stats } from './query/stats.js';
export type { StatsResult } from './query/stats.js';
export type { CustomerSummary } from './query/current-customer.js';
export type { HistoryStep } from './query/id-history.js';
export type { NotFoundReason, QueryOptions } from './query/locate-node.js';
export type { LinkView, RefusedView } from './query/views.js';
export { rewriteQueryIndex } from './query/index-writer.js';
export { exportToNeo4j, DEFAULT_BATCH_SIZE } from './neo4j/export.js';
export type { ExportOptions, ExportProgress, ExportSummary } from './neo4j/export.js';
export { writeAdminImportCsv } from './neo4j/admin-import-csv.js';
export type { AdminImportSummary } from './neo4j/admin-import-csv.js';
export { neo4jSettings } from './neo4j/connection.js';
export type { Neo4jSettings } from './neo4j/connection.js';
export { bindParams, loadNamedQuery, loadNamedQueries } from './neo4j/named-queries.js';
export type { NamedQuery, QueryParam } from './neo4j/named-queries.js';
export { runNamedQuery } from './neo4j/run-named-query.js';
export type { QueryRows } from './neo4j/run-named-query.js';
