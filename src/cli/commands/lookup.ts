// `idgraph lookup`: which customer holds an identifier (ref = type:value).
import type { Command } from 'commander';
import { errors } from '../../errors/index.js';
import { describeNotFound, lookup, printable } from '../../query/index.js';
import type { CliIo } from '../io.js';
import { renderJson, renderLookup } from '../render.js';

export interface LookupCommandOptions {
  readonly json?: boolean;
}

/** Runs `lookup`; a reference that names nothing exits 1 with one line (after the JSON, with --json). */
export async function runLookup(dir: string, ref: string, options: LookupCommandOptions, io: CliIo): Promise<void> {
  const result = await lookup(dir, ref, { env: io.env });
  if (options.json) io.stdout(renderJson(result));
  if (result.kind === 'not-found') throw errors.notInRun(printable(ref), describeNotFound(result.reason, result.detail));
  if (!options.json) io.stdout(renderLookup(result));
}

/** Adds `lookup` to the program. */
export function registerLookup(program: Command, io: CliIo): void {
  program
    .command('lookup')
    .description('which customer holds an identifier (ref = type:value)')
    .argument('<dir>', 'run directory (the --out of resolve)')
    .argument('<ref>', 'type:value as typed (e.g. email:Anna@Example.org), record:<id>, record:<source>/<id> or a customer ID')
    .option('--json', 'print the result as one JSON object')
    .action(async (dir: string, ref: string, options: LookupCommandOptions) => runLookup(dir, ref, options, io));
}
