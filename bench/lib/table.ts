// Renders a table as padded Markdown, readable both in a terminal and in bench/RESULTS.md.

/** Column alignment; numbers read best right-aligned. */
export type Align = 'left' | 'right';

/**
 * Renders a Markdown table with every column padded to its widest cell.
 * @param header the column titles
 * @param rows the cells, one array per row, each as long as `header`
 * @param align per column, default left
 * @returns the table, one line per row, no trailing newline
 * @throws RangeError when a row's length differs from the header's
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  for (const [index, row] of rows.entries()) {
    if (row.length !== header.length) {
      throw new RangeError(`table row ${index} has ${row.length} cells, the header ${header.length}`);
    }
  }
  const escape = (cell: string): string => cell.replaceAll('|', '\\|');
  const widths = header.map((title, column) =>
    Math.max(3, escape(title).length, ...rows.map((row) => escape(row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells
      .map((cell, column) => {
        const width = widths[column] ?? 3;
        const text = escape(cell);
        return align[column] === 'right' ? text.padStart(width) : text.padEnd(width);
      })
      .join(' | ')} |`;
  const rule = `| ${widths
    .map((width, column) =>
      align[column] === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width),
    )
    .join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
