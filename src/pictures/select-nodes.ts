// Picks the nodes a picture draws, in a traversal order that also seeds the layout.
import type { IdentityGraph } from '../identity-graph/index.js';

export interface NodeSelection {
  /** The nodes to draw, breadth-first: neighbours follow each other. */
  readonly nodes: readonly string[];
  /** True when the graph has more nodes than were selected. */
  readonly truncated: boolean;
}

const byDegreeThenKey = (graph: IdentityGraph) => (a: string, b: string) =>
  graph.degree(b) - graph.degree(a) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Breadth-first order over the whole graph, starting from the best-connected node (ties: the
 * smallest key), neighbours in key order, then the next unvisited best-connected node. Cut at
 * `maxNodes`, so a capped picture shows one connected neighbourhood of the customer's hub.
 * The order depends only on the graph's nodes and edges, not on their insertion order.
 * @param graph the customer's subgraph
 * @param maxNodes the most nodes to return
 */
export function selectNodes(graph: IdentityGraph, maxNodes: number): NodeSelection {
  const starts = graph.nodes().sort(byDegreeThenKey(graph));
  const visited = new Set<string>();
  const order: string[] = [];
  for (const start of starts) {
    if (order.length >= maxNodes) break;
    if (visited.has(start)) continue;
    visited.add(start);
    const queue = [start];
    for (let head = 0; head < queue.length && order.length < maxNodes; head++) {
      const node = queue[head]!;
      order.push(node);
      for (const neighbour of graph.neighbors(node).sort()) {
        if (visited.has(neighbour)) continue;
        visited.add(neighbour);
        queue.push(neighbour);
      }
    }
  }
  return { nodes: order, truncated: order.length < graph.order };
}
