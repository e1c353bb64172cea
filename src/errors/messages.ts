// The text of every run-level error, in one place. No function here takes a data value.
import { IdgraphError } from './idgraph-error.js';

/** Builders for each user-facing failure: they name files, keys and flags, never field values. */
export const errors = {
  inputNotFound: (file: string) =>
    new IdgraphError('INPUT_NOT_FOUND', `${file}: no such input file; check the path (nothing was written)`),
  inputUnreadable: (file: string, why: string) =>
    new IdgraphError('INPUT_UNREADABLE', `${file}: cannot read the input file (${why}); check its permissions (nothing was written)`),
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
  usage: (what: string) => new IdgraphError('USAGE', what),
  notFound: (what: string) => new IdgraphError('NOT_FOUND', what),
  missingSecret: (variable: string, purpose: string) =>
    new IdgraphError('MISSING_SECRET', `${purpose} needs the environment variable ${variable}; set it (never pass secrets as arguments)`),
} as const;
