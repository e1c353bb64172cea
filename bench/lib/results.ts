// Appends one benchmark run as a Markdown section to bench/RESULTS.md, atomically.

import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, arch, platform } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** bench/RESULTS.md of this repository. */
export const RESULTS_FILE = fileURLToPath(new URL('../RESULTS.md', import.meta.url));

const PREAMBLE = `# idgraph benchmark results

Appended by the scripts in \`bench/\` (\`--record\`), newest last. Each section names the exact
command that produced it; timings are medians over fresh processes, run one after another.
`;

/** One run's section. */
export interface ResultsSection {
  /** Heading text, e.g. `Accuracy: idgraph resolve`. */
  readonly title: string;
  readonly date: Date;
  /** Where it ran, e.g. from `machineNote()`. */
  readonly machine: string;
  /** The exact command line that produced the table. */
  readonly command: string;
  /** The Markdown table (see `markdownTable`). */
  readonly table: string;
  /** Extra lines printed under the table (caveats, baselines). */
  readonly notes?: readonly string[];
}

/**
 * Describes this machine for a results section.
 * @returns e.g. `2 cores, Node v20.20.2, linux x64`
 */
export function machineNote(): string {
  return `${availableParallelism()} cores, Node ${process.version}, ${platform()} ${arch()}`;
}

/**
 * Renders a section as Markdown.
 * @param section the run to describe
 * @returns the Markdown, starting with a `##` heading and ending with a newline
 */
export function renderSection(section: ResultsSection): string {
  const lines = [
    `## ${section.title}`,
    '',
    `- Date: ${section.date.toISOString()}`,
    `- Machine: ${section.machine}`,
    `- Command: \`${section.command}\``,
    '',
    section.table,
  ];
  if (section.notes !== undefined && section.notes.length > 0) {
    lines.push('', ...section.notes);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Appends a section to a results file. The new content is written to a temporary file in the
 * same directory and renamed over the old one, so a crash leaves the old file whole.
 * NOTE: two runs appending at the same moment can lose one section (last rename wins);
 * benchmarks run one after another, so no lock is taken.
 * @param section the run to append
 * @param file the results file (created with a short preamble when missing)
 */
export async function appendSection(section: ResultsSection, file: string = RESULTS_FILE): Promise<void> {
  let existing: string;
  try {
    existing = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    existing = PREAMBLE;
  }
  const separator = existing.endsWith('\n\n') ? '' : existing.endsWith('\n') ? '\n' : '\n\n';
  const temporary = join(dirname(file), `.${basename(file)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, `${existing}${separator}${renderSection(section)}`, 'utf8');
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
