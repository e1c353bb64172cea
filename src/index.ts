// The public library API of idgraph. Only what is listed here is supported; everything else is internal.
export { resolve } from './resolve/resolve.js';
export type { ResolveOptions, Stage } from './resolve/resolve.js';
export type {
  AppliedLink,
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
