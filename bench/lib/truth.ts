// Ground-truth loaders: each benchmark dataset's files → record id → true entity label.

import { readCsv } from './csv.js';
import type { Labelling } from './metrics.js';

const FEBRL_REC_ID = /^rec-(\d+)-(?:org|dup-\d+)$/;

/**
 * The entity of a Febrl record: the number in `rec-<n>-org` / `rec-<n>-dup-<k>`.
 * @param recId a Febrl `rec_id`, already trimmed
 * @returns the entity number as a string
 * @throws Error on any other format
 */
export function febrlEntity(recId: string): string {
  const match = FEBRL_REC_ID.exec(recId);
  if (match === null) throw new Error(`not a Febrl rec_id: ${JSON.stringify(recId)}`);
  return match[1]!;
}

/**
 * Truth for Febrl files: records with the same `rec-<n>` are one person. Several files make
 * one truth (febrl4: `rec-n-org` in 4a and `rec-n-dup-0` in 4b are the same person).
 * @param files the Febrl CSV files
 * @returns rec_id → entity number
 * @throws Error on a malformed or repeated rec_id
 */
export function loadFebrlTruth(files: readonly string[]): Labelling {
  const truth = new Map<string, string>();
  for (const file of files) {
    for (const row of readCsv(file, ['rec_id']).rows) {
      const recId = row['rec_id']!;
      if (truth.has(recId)) throw new Error(`${file}: rec_id ${JSON.stringify(recId)} appears twice`);
      truth.set(recId, febrlEntity(recId));
    }
  }
  return truth;
}

/**
 * Truth from one file with an id column and an entity column (fake_1000: `unique_id`/`cluster`,
 * RLdata500: `rec_id`/`identity`, generated data: `record_id`/`allowed_entity_id`).
 * @param file the CSV file
 * @param idColumn the column holding the record id
 * @param entityColumn the column holding the true entity label
 * @returns record id → entity label
 * @throws Error on a missing column, an empty id or label, or a repeated id
 */
export function loadColumnTruth(file: string, idColumn: string, entityColumn: string): Labelling {
  const truth = new Map<string, string>();
  const { rows } = readCsv(file, [idColumn, entityColumn]);
  for (const [index, row] of rows.entries()) {
    const id = row[idColumn] ?? '';
    const entity = row[entityColumn] ?? '';
    // index + 2: 1-based, after the header line (exact for files without embedded newlines)
    if (id === '') throw new Error(`${file}:${index + 2}: empty ${idColumn}`);
    if (entity === '') throw new Error(`${file}:${index + 2}: empty ${entityColumn}`);
    if (truth.has(id)) throw new Error(`${file}:${index + 2}: ${idColumn} ${JSON.stringify(id)} appears twice`);
    truth.set(id, entity);
  }
  return truth;
}
