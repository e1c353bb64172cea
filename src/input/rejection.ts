// A row or a value that could not be used: data, never an exception.

/** Why a whole row was not used. */
export type RowRejectionCode =
  | 'MALFORMED_ROW'
  | 'MISSING_RECORD_ID'
  | 'DUPLICATE_RECORD_ID'
  | 'BAD_TIMESTAMP'
  | 'BAD_PERMISSION'
  | 'BAD_DOMAIN'
  | 'FIELD_TOO_LONG';

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
