// Streams the rows of a CSV file the run itself wrote (header first), for state, history and erasure.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

/**
 * Yields each data row of `path` as its list of values, after checking the header.
 * Why not src/input/csv-reader.ts: that reader turns user files into rejections row by row;
 * run files are our own output, so any defect is a broken run directory and ends the read.
 * @param path the CSV file
 * @param header the expected header (the file's first row must equal it)
 * @param onInvalid builds the error thrown for a wrong header or a malformed row
 */
export async function* readRunCsv(
  path: string,
  header: readonly string[],
  onInvalid: (what: string) => Error,
): AsyncGenerator<string[]> {
  const input = createReadStream(path);
  const parser = parse({ bom: true, relax_column_count: false });
  // pipe() does not forward a read error (a missing file); without this the loop below would wait forever.
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let first = true;
  try {
    for await (const row of parser as AsyncIterable<string[]>) {
      if (first) {
        first = false;
        if (row.length !== header.length || row.some((name, index) => name !== header[index])) {
          throw onInvalid(`unexpected header; expected ${header.join(',')}`);
        }
        continue;
      }
      yield row;
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'IdgraphError') throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw onInvalid(code === 'ENOENT' ? 'file missing' : `unreadable (${code ?? 'parse error'})`);
  }
  if (first) throw onInvalid('empty file, no header');
}
