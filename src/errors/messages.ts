// The text of every run-level error, in one place. No function here takes a data value.
import { IdgraphError } from './idgraph-error.js';

/** Builders for each user-facing failure: they name files, keys and flags, never field values. */
export const errors = {
  inputNotFound: (file: string) =>
    new IdgraphError('INPUT_NOT_FOUND', `${file}: no such input file; check the path (nothing was written)`),
  inputUnreadable: (file: string, why: string) =>
    new IdgraphError('INPUT_UNREADABLE', `${file}: cannot read the input file (${why}); check its permissions (nothing was written)`),
  inputEncoding: (file: string, what: string) =>
    new IdgraphError('INPUT_UNREADABLE', `${file}: ${what}; convert it to UTF-8 (e.g. iconv -f UTF-16 -t UTF-8) and rerun (nothing was written)`),
  inputHeader: (file: string, line: number, what: string) =>
    new IdgraphError('INPUT_UNREADABLE', `${file}:${line}: cannot read the header row (${what}); fix the header line and rerun (nothing was written)`),
  inputFormat: (file: string) =>
    new IdgraphError('USAGE', `${file}: unknown input format; use .csv, .ndjson or .jsonl`),
  configNotFound: (file: string) =>
    new IdgraphError('CONFIG_NOT_FOUND', `${file}: no such config file; check the --config path`),
  configInvalid: (file: string, where: string, what: string) =>
    new IdgraphError('CONFIG_INVALID', `${file}: ${where}: ${what}`),
  configUnknownKey: (file: string, key: string, suggestion: string | null) =>
    new IdgraphError(
      'CONFIG_UNKNOWN_KEY',
      `${file}: unknown key "${key}"${suggestion === null ? '; see the configuration reference in README.md' : `; did you mean "${suggestion}"?`}`,
    ),
  sourceWithoutDomain: (file: string, line: number, source: string) =>
    new IdgraphError(
      'SOURCE_WITHOUT_DOMAIN',
      `${file}:${line}: source "${source}" has no domain; add it to "sources" in the config (e.g. "${source}": "crm" or "online") or fill the domain column (nothing was written)`,
    ),
  noConsentColumns: () =>
    new IdgraphError(
      'NO_CONSENT_COLUMNS',
      'no input file has a cookie_permission or crm_permission column, so no merge could be allowed; add them, or rerun with --consent ignore to resolve without consent rules (nothing was written)',
    ),
  outputNotWritable: (dir: string, why: string) =>
    new IdgraphError('OUTPUT_NOT_WRITABLE', `${dir}: cannot write the output directory (${why})`),
  runDirInvalid: (dir: string, what: string) =>
    new IdgraphError('RUN_DIR_INVALID', `${dir}: not an idgraph run directory (${what}); pass the --out directory of a resolve run`),
  previousInvalid: (dir: string, what: string) =>
    new IdgraphError('PREVIOUS_STATE_INVALID', `${dir}: cannot use it as --previous (${what}); pass the --out directory of an earlier resolve run`),
  queryIndexMissing: (dir: string) =>
    new IdgraphError('RUN_DIR_INVALID', `${dir}: the run has no query index (index/meta.json); rerun resolve with this version of idgraph to write one`),
  queryIndexStale: (dir: string, file: string) =>
    new IdgraphError('RUN_DIR_INVALID', `${dir}: the query index is older than ${file}; rerun resolve (or rebuild the index with rewriteQueryIndex)`),
  queryIndexDamaged: (dir: string, file: string) =>
    new IdgraphError('RUN_DIR_INVALID', `${dir}: the query index file ${file} is missing or damaged; rerun resolve to write it again`),
  // The query builders below repeat only `ref`, the reference exactly as the user typed it on the command line.
  badReference: (ref: string, expected: string) => new IdgraphError('USAGE', `${ref}: not a reference; write ${expected}`),
  ambiguousRecord: (ref: string, choices: readonly string[]) =>
    new IdgraphError('USAGE', `${ref}: that record ID exists in several sources; write one of ${choices.join(', ')}`),
  notInRun: (ref: string, why: string) => new IdgraphError('NOT_FOUND', `${ref}: ${why}`),
  usage: (what: string) => new IdgraphError('USAGE', what),
  notFound: (what: string) => new IdgraphError('NOT_FOUND', what),
  outOfMemory: (part: string, limitMb: number, advice: string) =>
    new IdgraphError('OUT_OF_MEMORY', `${part} ran out of memory (the heap limit is ${limitMb} MB); ${advice} (nothing was written)`),
  missingSecret: (variable: string, purpose: string) =>
    new IdgraphError('MISSING_SECRET', `${purpose} needs the environment variable ${variable}; set it (never pass secrets as arguments)`),
  // Neo4j: `uri` is always shown without user info (neo4j/connection.ts displayUri); no builder takes a password or a server message that may hold data.
  neo4jNotConfigured: (variable: string, command: string) =>
    new IdgraphError('USAGE', `${command} needs the environment variable ${variable}; set NEO4J_URI (e.g. neo4j://localhost:7687), NEO4J_USER (default neo4j), NEO4J_PASSWORD and optionally NEO4J_DATABASE (default neo4j)`),
  neo4jUriInvalid: (uri: string) =>
    new IdgraphError('USAGE', `NEO4J_URI ${uri}: not a Neo4j URI; use bolt://host:7687 or neo4j://host:7687 (bolt+s:// or neo4j+s:// for TLS)`),
  neo4jUnreachable: (uri: string, why: string, timeoutMs: number) =>
    new IdgraphError('NEO4J_CONNECTION', `cannot reach Neo4j at ${uri} (${why}); check NEO4J_URI, that the server is running and that its Bolt port is open (waited ${timeoutMs} ms; see --connection-timeout)`),
  neo4jAuth: (uri: string, user: string, code: string) =>
    new IdgraphError('NEO4J_AUTH', `Neo4j at ${uri} refused the credentials of user "${user}" (${code}); check NEO4J_USER and NEO4J_PASSWORD`),
  neo4jDatabase: (uri: string, database: string) =>
    new IdgraphError('NEO4J_CONNECTION', `Neo4j at ${uri} has no database "${database}"; check NEO4J_DATABASE (default neo4j)`),
  neo4jQuery: (uri: string, what: string, code: string, detail: string) =>
    new IdgraphError('NEO4J_QUERY', `Neo4j at ${uri} failed ${what} (${code}): ${detail}`),
} as const;
