// `idgraph customer`: a customer with all identifiers, records and permission level.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { errors } from '../../errors/index.js';
import { readRunManifest } from '../../output/index.js';
import { renderSubgraphSvg } from '../../pictures/subgraph-svg.js';
import { customer, customersSubgraph, describeNotFound, printable } from '../../query/index.js';
import type { CliIo } from '../io.js';
import { renderCustomer, renderJson } from '../render.js';

export interface CustomerCommandOptions {
  readonly json?: boolean;
  readonly svg?: string;
}

/** Writes an SVG document to a path the user gave. */
export async function writeSvg(file: string, svg: string): Promise<void> {
  try {
    await writeFile(file, svg);
  } catch (error) {
    throw errors.outputNotWritable(file, (error as NodeJS.ErrnoException).code ?? 'cannot write');
  }
}

/** The domain of each source of a run (run.json), so pictures colour records by domain. */
export async function runSourceDomains(dir: string): Promise<Readonly<Record<string, 'online' | 'crm'>>> {
  return (await readRunManifest(dir)).sourceDomains ?? {};
}

/** Runs `customer`; an unknown or erased ID exits 1 with one line (after the JSON, with --json). */
export async function runCustomer(dir: string, id: string, options: CustomerCommandOptions, io: CliIo): Promise<void> {
  const result = await customer(dir, id);
  if (options.json) io.stdout(renderJson(result));
  if (result.kind === 'not-found') throw errors.notInRun(printable(id), describeNotFound(result.reason, null));
  if (!options.json) io.stdout(renderCustomer(result));
  if (options.svg !== undefined) {
    const { graph, refused } = customersSubgraph([result.customer]);
    const domains = await runSourceDomains(dir);
    await writeSvg(options.svg, renderSubgraphSvg(graph, refused, `customer ${result.customer.id}`, { domains }));
  }
}

/** Adds `customer` to the program. */
export function registerCustomer(program: Command, io: CliIo): void {
  program
    .command('customer')
    .description('a customer with all identifiers, records and permission level')
    .argument('<dir>', 'run directory (the --out of resolve)')
    .argument('<customer_id>', 'a customer ID (a retired one redirects to its successor)')
    .option('--json', 'print the result as one JSON object')
    .option('--svg <file>', "also draw the customer's part of the graph into <file>")
    .action(async (dir: string, id: string, options: CustomerCommandOptions) => runCustomer(dir, id, options, io));
}
