import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { appendSection, machineNote, renderSection, type ResultsSection } from '../../../bench/lib/results.js';

const section: ResultsSection = {
  title: 'Accuracy: idgraph resolve',
  date: new Date('2025-01-02T03:04:05.000Z'),
  machine: '2 cores',
  command: 'npx tsx bench/accuracy.ts --dataset febrl3',
  table: '| a |\n| - |\n| 1 |',
  notes: ['- a note'],
};

describe('renderSection', () => {
  test('should give title, date, machine, command, table and notes', () => {
    expect(renderSection(section)).toBe(
      [
        '## Accuracy: idgraph resolve',
        '',
        '- Date: 2025-01-02T03:04:05.000Z',
        '- Machine: 2 cores',
        '- Command: `npx tsx bench/accuracy.ts --dataset febrl3`',
        '',
        '| a |',
        '| - |',
        '| 1 |',
        '',
        '- a note',
        '',
      ].join('\n'),
    );
  });
});

describe('machineNote', () => {
  test('should name the core count', () => {
    expect(machineNote()).toMatch(/^\d+ cores, Node v\d+/);
  });
});

describe('appendSection', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'idgraph-results-test-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('should create a missing file with a preamble, then the section', async () => {
    const file = join(dir, 'RESULTS.md');
    await appendSection(section, file);
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('# idgraph benchmark results\n')).toBe(true);
    expect(text.endsWith(renderSection(section))).toBe(true);
  });

  test('should keep earlier content and leave no temporary file', async () => {
    const file = join(dir, 'RESULTS.md');
    await writeFile(file, '# old\nkept line', 'utf8');
    await appendSection(section, file);
    await appendSection({ ...section, title: 'second' }, file);
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('# old\nkept line\n\n## Accuracy: idgraph resolve\n')).toBe(true);
    expect(text).toContain('\n\n## second\n');
    expect(await readdir(dir)).toStrictEqual(['RESULTS.md']);
  });
});
