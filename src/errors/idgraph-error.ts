// Run-level failures: one class, a closed list of codes, and the exit code each code means.

/** Every run-level failure idgraph reports. Row-level problems are data (see input/rejection.ts), never these. */
export type ErrorCode =
  | 'USAGE'
  | 'INPUT_NOT_FOUND'
  | 'INPUT_UNREADABLE'
  | 'CONFIG_NOT_FOUND'
  | 'CONFIG_INVALID'
  | 'CONFIG_UNKNOWN_KEY'
  | 'SOURCE_WITHOUT_DOMAIN'
  | 'NO_CONSENT_COLUMNS'
  | 'OUTPUT_NOT_WRITABLE'
  | 'RUN_DIR_INVALID'
  | 'PREVIOUS_STATE_INVALID'
  | 'NOT_FOUND'
  | 'MISSING_SECRET'
  | 'NEO4J_CONNECTION'
  | 'NEO4J_AUTH'
  | 'NEO4J_QUERY'
  | 'OUT_OF_MEMORY'
  | 'INTERNAL';

/** 1 = the user can fix it (input, usage, environment); 2 = a bug or an unexpected server answer. */
export type ExitCode = 0 | 1 | 2;

const EXIT_CODES: Readonly<Record<ErrorCode, ExitCode>> = {
  USAGE: 1,
  INPUT_NOT_FOUND: 1,
  INPUT_UNREADABLE: 1,
  CONFIG_NOT_FOUND: 1,
  CONFIG_INVALID: 1,
  CONFIG_UNKNOWN_KEY: 1,
  SOURCE_WITHOUT_DOMAIN: 1,
  NO_CONSENT_COLUMNS: 1,
  OUTPUT_NOT_WRITABLE: 1,
  RUN_DIR_INVALID: 1,
  PREVIOUS_STATE_INVALID: 1,
  NOT_FOUND: 1,
  MISSING_SECRET: 1,
  NEO4J_CONNECTION: 1,
  NEO4J_AUTH: 1,
  NEO4J_QUERY: 2,
  OUT_OF_MEMORY: 1,
  INTERNAL: 2,
};

/**
 * A failure that ends the run. `message` is one line that says where, what and what to do,
 * and never contains a value from the data (see errors/messages.ts).
 */
export class IdgraphError extends Error {
  override readonly name = 'IdgraphError';
  readonly code: ErrorCode;
  readonly exitCode: ExitCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
    this.exitCode = EXIT_CODES[code];
  }
}

export function isIdgraphError(error: unknown): error is IdgraphError {
  return error instanceof IdgraphError;
}
