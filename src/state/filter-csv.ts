// Copies a run CSV file, leaving out the rows a predicate rejects (for erasure).
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { openCsvFile, type CsvFileSink } from '../output/csv-file.js';

/**
 * Streams `from` to `to` (read with csv-parse, written with the run files' CSV writer), keeping
 * the header and every row `keep` accepts; values are copied as text, so kept rows stay as they were.
 * @param onInvalid builds the error for a missing file or a wrong header
 * @returns how many data rows were kept and how many dropped
 */
export async function filterCsv(
  from: string,
  to: string,
  header: readonly string[],
  keep: (row: readonly string[]) => boolean,
  onInvalid: (what: string) => Error,
): Promise<{ kept: number; dropped: number }> {
  let dropped = 0;
  let sink: CsvFileSink | null = null;
  let headerError: Error | null = null;
  const input = createReadStream(from);
  const rows = parse({ bom: true });
  input.on('error', (error) => rows.destroy(error));
  try {
    for await (const row of input.pipe(rows) as AsyncIterable<string[]>) {
      if (sink === null) {
        if (row.join('\u0000') !== header.join('\u0000')) throw (headerError = onInvalid(`unexpected header; expected ${header.join(',')}`));
        sink = await openCsvFile(to, header);
      } else if (keep(row)) {
        const flushing = sink.write(row);
        if (flushing !== null) await flushing;
      } else {
        dropped++;
      }
    }
  } catch (error) {
    if (headerError !== null || (error instanceof Error && error.name === 'IdgraphError')) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw onInvalid(code === 'ENOENT' ? 'file missing' : `unreadable (${code ?? 'parse error'})`);
  } finally {
    input.destroy();
    await sink?.close();
  }
  if (sink === null) throw onInvalid('empty file, no header');
  return { kept: sink.rows, dropped };
}
