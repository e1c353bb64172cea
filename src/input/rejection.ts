// A row or a value that could not be used: data, never an exception.

/**
 * Why a whole row was not used. A closed list: add a code here and to ROW_REJECTION_CODES,
 * and the compiler points at every place that has to learn about it.
 */
export type RowRejectionCode =
  /** CSV: a quoted field was never closed; the rest of the file was read again from the next line. */
  | 'UNCLOSED_QUOTE'
  /** CSV: a quote inside an unquoted field, or characters after a closing quote. */
  | 'BAD_QUOTE'
  /** CSV: not as many fields as the header has columns. */
  | 'WRONG_COLUMN_COUNT'
  /** A physical line longer than the reader accepts (4 × limits.maxFieldLength, at least 64 Ki characters). */
  | 'ROW_TOO_LONG'
  /** The row's bytes are not valid UTF-8. */
  | 'BAD_ENCODING'
  /** NDJSON: the line is not valid JSON. */
  | 'INVALID_JSON'
  /** NDJSON: the line is JSON but not an object (an array, a string, a number, null). */
  | 'NOT_AN_OBJECT'
  /** NDJSON: a field holds an object or an array instead of a single value. */
  | 'NESTED_VALUE'
  | 'MISSING_RECORD_ID'
  | 'DUPLICATE_RECORD_ID'
  | 'BAD_TIMESTAMP'
  | 'BAD_PERMISSION'
  | 'BAD_DOMAIN'
  /** The row has no domain value and its source is not mapped to one in the config. */
  | 'UNKNOWN_SOURCE'
  /** A field is longer than limits.maxFieldLength. */
  | 'FIELD_TOO_LONG';

/** Every row rejection code with what it means, in the order the report lists them. */
export const ROW_REJECTION_CODES: Readonly<Record<RowRejectionCode, string>> = {
  UNCLOSED_QUOTE: 'unclosed quote',
  BAD_QUOTE: 'misplaced quote',
  WRONG_COLUMN_COUNT: 'wrong number of columns',
  ROW_TOO_LONG: 'line too long',
  BAD_ENCODING: 'not UTF-8',
  INVALID_JSON: 'invalid JSON',
  NOT_AN_OBJECT: 'JSON line is not an object',
  NESTED_VALUE: 'nested JSON value',
  MISSING_RECORD_ID: 'no record_id',
  DUPLICATE_RECORD_ID: 'duplicate record_id',
  BAD_TIMESTAMP: 'bad timestamp',
  BAD_PERMISSION: 'bad permission value',
  BAD_DOMAIN: 'bad domain',
  UNKNOWN_SOURCE: 'source without domain',
  FIELD_TOO_LONG: 'field too long',
};

/** Why one value of an otherwise resolved row was not used for matching. */
export type ValueRejectionCode = 'INVALID_VALUE' | 'JUNK_VALUE';

export type Rejection =
  | {
      readonly level: 'row';
      readonly code: RowRejectionCode;
      readonly file: string;
      readonly line: number;
      readonly recordId: string | null;
      /** The column concerned, or null when the row as a whole is at fault. */
      readonly field: string | null;
      /** Explanation without any field value. */
      readonly detail: string;
    }
  | {
      readonly level: 'value';
      readonly code: ValueRejectionCode;
      readonly file: string;
      readonly line: number;
      readonly recordId: string;
      readonly field: string;
      readonly detail: string;
    };
