// `idgraph explain`: why two identifiers or records share a customer, or why not.
import type { Command } from 'commander';
import { renderSubgraphSvg } from '../../pictures/subgraph-svg.js';
import { customer, customersSubgraph, explain, pathSubgraph, type CustomerView, type ExplainResult } from '../../query/index.js';
import type { CliIo } from '../io.js';
import { renderExplain, renderJson } from '../render.js';
import { runSourceDomains, writeSvg } from './customer.js';

export interface ExplainCommandOptions {
  readonly json?: boolean;
  readonly svg?: string;
}

/** The picture of an answer: the path itself, or both customers with the refused merges between them. */
async function explainSvg(dir: string, result: ExplainResult): Promise<string> {
  const domains = await runSourceDomains(dir);
  if (result.kind === 'path') {
    const { graph, refused } = pathSubgraph(result.hops, [result.a.node, result.b.node]);
    return renderSubgraphSvg(graph, refused, `why ${result.a.ref} and ${result.b.ref} share ${result.customerId}`, { domains });
  }
  const views: CustomerView[] = [];
  for (const id of new Set([result.a.customerId, result.b.customerId])) {
    if (id === null) continue;
    const found = await customer(dir, id);
    if (found.kind !== 'not-found') views.push(found.customer);
  }
  const { graph } = customersSubgraph(views, [result.a.node, result.b.node]);
  const shown = result.kind === 'refused' ? result.refused : [];
  return renderSubgraphSvg(graph, shown, `why ${result.a.ref} and ${result.b.ref} are apart`, { domains });
}

/** Runs `explain`. */
export async function runExplain(dir: string, refA: string, refB: string, options: ExplainCommandOptions, io: CliIo): Promise<void> {
  const result = await explain(dir, refA, refB, { env: io.env });
  io.stdout(options.json ? renderJson(result) : renderExplain(result));
  if (options.svg !== undefined) await writeSvg(options.svg, await explainSvg(dir, result));
}

/** Adds `explain` to the program. */
export function registerExplain(program: Command, io: CliIo): void {
  program
    .command('explain')
    .description('why two identifiers or records share a customer, or why not')
    .argument('<dir>', 'run directory (the --out of resolve)')
    .argument('<a>', 'type:value as typed, record:<id> or record:<source>/<id>')
    .argument('<b>', 'the same forms')
    .option('--json', 'print the result as one JSON object')
    .option('--svg <file>', 'also draw the path (or the two customers and the refused merges) into <file>')
    .action(async (dir: string, a: string, b: string, options: ExplainCommandOptions) => runExplain(dir, a, b, options, io));
}
