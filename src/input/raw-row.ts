// What a file reader yields before column mapping: a header, a row of values, or a row it could not read.
import type { RowRejectionCode } from './rejection.js';

/** A row the reader could not turn into values, with the code it is rejected under. */
export interface MalformedRow {
  readonly kind: 'malformed';
  /** The first physical line of the row (1-based). */
  readonly line: number;
  /** The last physical line of the row; equals `line` unless a quoted field spans lines. */
  readonly lastLine: number;
  readonly code: RowRejectionCode;
  /** The column concerned, when one is. */
  readonly field: string | null;
  /** Explanation without any field value. */
  readonly detail: string;
}

export type RawRow =
  | { readonly kind: 'header'; readonly line: number; readonly values: readonly string[] }
  | { readonly kind: 'row'; readonly line: number; readonly lastLine: number; readonly values: readonly string[] }
  | MalformedRow;
