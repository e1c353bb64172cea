// Streams rows into one CSV file (RFC 4180 quoting by csv-stringify) and waits until it is on disk.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';

/**
 * Writes `header` and then every row of `rows` to `path`, with back-pressure, and fsyncs
 * before resolving so the later directory rename publishes complete files.
 */
export async function writeCsv(path: string, header: readonly string[], rows: Iterable<readonly (string | number | null)[]>): Promise<void> {
  const file = createWriteStream(path, { flush: true });
  const stringifier = stringify({ header: true, columns: header as string[] });
  stringifier.pipe(file);
  for (const row of rows) {
    if (!stringifier.write(row.map((value) => (value === null ? '' : value)))) await once(stringifier, 'drain');
  }
  stringifier.end();
  await once(file, 'finish');
}
