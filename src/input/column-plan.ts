// Decides, once per header, which canonical field each input column feeds.
import { isCanonicalField, type CanonicalField, type Config } from '../config/index.js';

export interface ColumnPlan {
  readonly header: readonly string[];
  /** The canonical field of each column, or null for a column that is kept but ignored. */
  readonly fields: readonly (CanonicalField | null)[];
  readonly hasRecordId: boolean;
  readonly hasConsent: boolean;
}

/** Maps a header onto the canonical schema: config `columns` first (own keys only), canonical names as themselves. */
export function planColumns(header: readonly string[], config: Pick<Config, 'columns'>): ColumnPlan {
  const fields = header.map((column): CanonicalField | null => {
    if (Object.hasOwn(config.columns, column)) return config.columns[column]!;
    return isCanonicalField(column) ? column : null;
  });
  return {
    header,
    fields,
    hasRecordId: fields.includes('record_id'),
    hasConsent: fields.includes('cookie_permission') || fields.includes('crm_permission'),
  };
}
