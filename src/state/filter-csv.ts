// Copies a run CSV file, leaving out the rows a predicate rejects (for erasure).
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';

/**
 * Streams `from` to `to` through csv-parse and csv-stringify, keeping the header and every row
 * `keep` accepts; values are copied as text, so kept rows stay as they were.
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
  let kept = 0;
  let dropped = 0;
  let first = true;
  let headerError: Error | null = null;
  const filter = new Transform({
    objectMode: true,
    transform(row: string[], _encoding, done) {
      if (first) {
        first = false;
        if (row.join('\u0000') !== header.join('\u0000')) {
          headerError = onInvalid(`unexpected header; expected ${header.join(',')}`);
          done(headerError);
          return;
        }
        done(null, row);
        return;
      }
      if (keep(row)) {
        kept++;
        done(null, row);
      } else {
        dropped++;
        done();
      }
    },
  });
  try {
    await pipeline(createReadStream(from), parse({ bom: true }), filter, stringify(), createWriteStream(to, { flush: true }));
  } catch (error) {
    if (headerError !== null) throw headerError;
    if (error instanceof Error && error.name === 'IdgraphError') throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw onInvalid(code === 'ENOENT' ? 'file missing' : `unreadable (${code ?? 'parse error'})`);
  }
  if (first) throw onInvalid('empty file, no header');
  return { kept, dropped };
}
