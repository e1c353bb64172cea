// `explain`: why two nodes share a customer (the strongest chain of links), or why not (the refused merge).
import { bidirectional } from 'graphology-shortest-path/dijkstra.js';
import { edgePathFromNodePath } from 'graphology-shortest-path/utils.js';
import { errors } from '../errors/index.js';
import { buildIdentityGraph, type LinkEdgeAttributes } from '../identity-graph/index.js';
import type { CustomerId } from '../ids/index.js';
import { findEntry } from './index-reader.js';
import { describeNotFound, locateNode, type QueryOptions } from './locate-node.js';
import { parseRef, printable } from './ref.js';
import { openRunDirectory } from './run-directory.js';
import { linkView, refusedView, type LinkView, type RefusedView } from './views.js';

/** One side of the question. */
export interface ExplainEnd {
  /** The reference as given. */
  readonly ref: string;
  /** The node it names in the run's files. */
  readonly node: string;
  /** Null for an identifier every link of which was refused. */
  readonly customerId: CustomerId | null;
}

export type ExplainResult =
  | {
      readonly kind: 'path';
      readonly a: ExplainEnd;
      readonly b: ExplainEnd;
      readonly customerId: CustomerId;
      /** From a's node to b's node, each hop oriented along the path (empty when a and b are one node). */
      readonly hops: readonly LinkView[];
      /** Product of the hop weights (1 for a chain of exact links). */
      readonly strength: number;
    }
  | { readonly kind: 'refused'; readonly a: ExplainEnd; readonly b: ExplainEnd; readonly refused: readonly RefusedView[] }
  | { readonly kind: 'none'; readonly a: ExplainEnd; readonly b: ExplainEnd };

/**
 * The cost of a link for the shortest-path search: 1 per hop plus -ln(weight), so the cheapest
 * path has the largest product of weights and, among equally strong ones, the fewest hops.
 */
export function linkCost(weight: number): number {
  return 1 - Math.log(Math.min(1, Math.max(weight, 1e-9)));
}

/** The strongest chain of `links` from `from` to `to`, or null when they are not connected. */
export function strongestPath(links: readonly LinkView[], from: string, to: string): LinkView[] | null {
  if (from === to) return [];
  const graph = buildIdentityGraph(links);
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  const nodes = bidirectional(graph, from, to, (_edge: string, attributes: LinkEdgeAttributes) => linkCost(attributes.weight));
  if (nodes === null || nodes.length === 0) return null;
  return edgePathFromNodePath(graph, nodes).map((edge, index) => {
    const { matcher, weight, evidence } = graph.getEdgeAttributes(edge);
    return { from: nodes[index]!, to: nodes[index + 1]!, matcher, weight, evidence };
  });
}

/**
 * Explains why two identifiers or records share a customer, or why not.
 * Same customer: the strongest chain of applied links between them (graphology-shortest-path's
 * bidirectional Dijkstra over that customer's links only). Different customers: the refused
 * merges between the two customers, or `none` when nothing was ever proposed between them.
 * @param dir a run directory (the --out of resolve)
 * @param refA `<type>:<value>`, `record:<id>` or `record:<source>/<id>`
 * @param refB the same forms
 * @throws IdgraphError NOT_FOUND when a reference names nothing in the run; USAGE for a malformed
 *   reference or a record ID found in several sources; RUN_DIR_INVALID; MISSING_SECRET
 * @example
 * const why = await explain('out/run', 'email:anna@example.org', 'phone:0171 1234567');
 * if (why.kind === 'path') for (const hop of why.hops) console.log(hop.matcher, hop.weight);
 */
export async function explain(dir: string, refA: string, refB: string, options: QueryOptions = {}): Promise<ExplainResult> {
  const run = await openRunDirectory(dir);
  const ends: ExplainEnd[] = [];
  for (const ref of [refA, refB]) {
    const parsed = parseRef(ref, ['identifier', 'record']);
    if (parsed.kind === 'customer') throw errors.badReference(printable(ref), 'a node reference');
    const located = await locateNode(run, parsed, options);
    if (located.kind === 'not-found') throw errors.notInRun(printable(ref), describeNotFound(located.reason, located.detail));
    ends.push({ ref, node: located.node, customerId: located.customerId });
  }
  const [a, b] = ends as [ExplainEnd, ExplainEnd];

  if (a.customerId !== null && a.customerId === b.customerId) {
    const details = await findEntry(run.index, 'details', a.customerId);
    const hops = strongestPath(details === null ? [] : details[3].map(linkView), a.node, b.node);
    if (hops === null) return { kind: 'none', a, b };
    return { kind: 'path', a, b, customerId: a.customerId, hops, strength: hops.reduce((product, hop) => product * hop.weight, 1) };
  }

  // Every refused merge touching a customer is stored with it; one side's customer is enough.
  const holder = a.customerId ?? b.customerId;
  if (holder === null) return { kind: 'none', a, b };
  const details = await findEntry(run.index, 'details', holder);
  const matches = (end: ExplainEnd, node: string, customerId: string | null) =>
    node === end.node || (end.customerId !== null && customerId === end.customerId);
  const refused = (details === null ? [] : details[4].map(refusedView)).filter(
    (merge) =>
      (matches(a, merge.from, merge.fromCustomer) && matches(b, merge.to, merge.toCustomer)) ||
      (matches(b, merge.from, merge.fromCustomer) && matches(a, merge.to, merge.toCustomer)),
  );
  return refused.length > 0 ? { kind: 'refused', a, b, refused } : { kind: 'none', a, b };
}
