// The scale benchmark's baseline: a minimal deterministic resolver over the same input files.
//
// It does what any resolver must do and nothing more: parse the files (csv-parse, JSON.parse),
// trim + lower-case identifier values, join records that share one with a typed-array
// union-find, and write record_id,customer_id. No normalisation rules, no consent, no limits,
// no junk, no fuzzy stage, no report. Run: `node --import tsx bench/baseline-union-find.ts <out.csv> <input...>`.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';

const IDENTIFIER_COLUMNS = ['email', 'phone', 'login', 'app_id', 'loyalty_number', 'cookie_id'];

async function* rowsOf(path: string): AsyncGenerator<Record<string, string>> {
  if (path.endsWith('.ndjson')) {
    for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
      if (line.trim() !== '') yield JSON.parse(line) as Record<string, string>;
    }
    return;
  }
  yield* createReadStream(path).pipe(parse({ columns: true, bom: true, relax_column_count: true, skip_empty_lines: true }));
}

async function main(out: string, inputs: readonly string[]): Promise<void> {
  const recordIds: string[] = [];
  const edges: number[] = [];
  const firstHolder = new Map<string, number>();
  for (const input of inputs) {
    for await (const row of rowsOf(input)) {
      const index = recordIds.length;
      recordIds.push(`${row.source ?? ''}/${row.record_id ?? ''}`);
      for (const column of IDENTIFIER_COLUMNS) {
        const value = row[column]?.trim().toLowerCase();
        if (!value) continue;
        const key = `${column}:${value}`;
        const holder = firstHolder.get(key);
        if (holder === undefined) firstHolder.set(key, index);
        else edges.push(holder, index);
      }
    }
  }
  const parent = new Int32Array(recordIds.length);
  for (let index = 0; index < parent.length; index++) parent[index] = index;
  const find = (node: number): number => {
    while (parent[node] !== node) node = parent[node] = parent[parent[node]!]!;
    return node;
  };
  for (let edge = 0; edge < edges.length; edge += 2) {
    const a = find(edges[edge]!);
    const b = find(edges[edge + 1]!);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const file = createWriteStream(out);
  for (let index = 0; index < recordIds.length; index++) {
    if (!file.write(`${recordIds[index]},${recordIds[find(index)]}\n`)) await once(file, 'drain');
  }
  file.end();
  await once(file, 'finish');
}

const [out, ...inputs] = process.argv.slice(2);
if (out === undefined || inputs.length === 0) {
  process.stderr.write('usage: baseline-union-find <out.csv> <input...>\n');
  process.exitCode = 1;
} else {
  await main(out, inputs);
}
