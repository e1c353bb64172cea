// `idgraph stats`: counts, cluster sizes, largest customers, refused merges, junk values.
import type { Command } from 'commander';
import { stats } from '../../query/index.js';
import type { CliIo } from '../io.js';
import { renderJson, renderStats } from '../render.js';

export interface StatsCommandOptions {
  readonly json?: boolean;
}

/** Runs `stats`. */
export async function runStats(dir: string, options: StatsCommandOptions, io: CliIo): Promise<void> {
  const result = await stats(dir);
  io.stdout(options.json ? renderJson(result) : renderStats(result));
}

/** Adds `stats` to the program. */
export function registerStats(program: Command, io: CliIo): void {
  program
    .command('stats')
    .description('counts, cluster sizes, largest customers, refused merges, junk values')
    .argument('<dir>', 'run directory (the --out of resolve)')
    .option('--json', 'print the result as one JSON object')
    .action(async (dir: string, options: StatsCommandOptions) => runStats(dir, options, io));
}
