// Deterministic node positions: a circular seed refined by a fixed number of ForceAtlas2 iterations.
import { UndirectedGraph } from 'graphology';
import { circular } from 'graphology-layout';
import forceAtlas2Module from 'graphology-layout-forceatlas2';

// NOTE: the package is CommonJS with an `export default` typing; under NodeNext TypeScript takes the
// default import for the module object, while Node hands over module.exports (the layout function).
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

export interface LayoutEdge {
  readonly source: string;
  readonly target: string;
  /** Attraction: stronger links pull their ends closer. */
  readonly weight: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * ForceAtlas2 iterations for a graph of `order` nodes: fixed per size, so the same graph always
 * gets the same layout. NOTE: ForceAtlas2 costs O(nodes²) per iteration; fewer iterations for
 * bigger graphs keep a 300-node picture near 100 ms (Barnes–Hut measured no faster below 300 nodes).
 */
export function iterationsFor(order: number): number {
  if (order <= 60) return 300;
  if (order <= 150) return 200;
  return 100;
}

/**
 * Places `nodes` in the plane. The seed is a circle in the given node order (pass a traversal
 * order so that neighbours start close), then ForceAtlas2 runs a fixed number of iterations.
 * The result depends only on the inputs, never on a clock or a random number.
 * @param nodes node keys, in seed order; each must be unique
 * @param edges edges between those nodes, in a canonical order (float sums follow it)
 * @returns a position for every node (unscaled layout units)
 */
export function layoutNodes(nodes: readonly string[], edges: readonly LayoutEdge[]): Map<string, Point> {
  const positions = new Map<string, Point>();
  if (nodes.length === 0) return positions;
  if (nodes.length === 1) {
    positions.set(nodes[0]!, { x: 0, y: 0 });
    return positions;
  }
  const graph = new UndirectedGraph<{ x: number; y: number; size: number }, { weight: number }>({ allowSelfLoops: false });
  for (const node of nodes) graph.addNode(node, { x: 0, y: 0, size: 1 });
  for (const edge of edges) {
    if (edge.source === edge.target || graph.hasEdge(edge.source, edge.target)) continue;
    graph.addEdge(edge.source, edge.target, { weight: edge.weight });
  }
  circular.assign(graph, { scale: 10 * Math.sqrt(nodes.length) });
  const order = graph.order;
  const layout = forceAtlas2(graph, {
    iterations: iterationsFor(order),
    getEdgeWeight: 'weight',
    settings: {
      ...forceAtlas2.inferSettings(order),
      barnesHutOptimize: false,
      gravity: 1,
      scalingRatio: 4,
      strongGravityMode: true,
    },
  });
  for (const node of nodes) {
    const point = layout[node]!;
    positions.set(node, { x: point.x, y: point.y });
  }
  return positions;
}
