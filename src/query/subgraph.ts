// The graphology subgraphs that `customer --svg` and `explain --svg` draw.
import { buildIdentityGraph, type IdentityGraph } from '../identity-graph/index.js';
import type { CustomerView } from './customer.js';
import type { LinkView, RefusedView } from './views.js';

/** A graph to draw and the refused merges to draw beside it. */
export interface Subgraph {
  readonly graph: IdentityGraph;
  readonly refused: readonly RefusedView[];
}

/**
 * The customers' links with all their records and identifiers as nodes (also those no link
 * reaches) and `extraNodes`, plus their refused merges other than junk (which have no second side).
 */
export function customersSubgraph(views: readonly CustomerView[], extraNodes: readonly string[] = []): Subgraph {
  const links: LinkView[] = [];
  const nodes: string[] = [...extraNodes];
  const refused = new Map<string, RefusedView>();
  for (const view of views) {
    links.push(...view.links);
    for (const record of view.records) nodes.push(`record:${record.source}/${record.recordId}`);
    for (const identifier of view.identifiers) nodes.push(`${identifier.type}:${identifier.value}`);
    for (const merge of view.refused) if (merge.to !== '') refused.set(JSON.stringify([merge.from, merge.to, merge.rule, merge.matcher]), merge);
  }
  return { graph: buildIdentityGraph(links, nodes), refused: [...refused.values()] };
}

/** The hops of an explained path as a graph. */
export function pathSubgraph(hops: readonly LinkView[], nodes: readonly string[]): Subgraph {
  return { graph: buildIdentityGraph(hops, nodes), refused: [] };
}
