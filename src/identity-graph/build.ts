// Builds a graphology graph from applied links: the model behind explain, pictures and exports.
import { UndirectedGraph } from 'graphology';
import type { LinkEdge } from '../resolve/index.js';
import type { IdentityNodeAttributes, LinkEdgeAttributes } from './attributes.js';
import { parseNodeKey, type NodeKey } from '../identifiers/index.js';

export type IdentityGraph = UndirectedGraph<IdentityNodeAttributes, LinkEdgeAttributes>;

const RECORD_PREFIX = 'record:';

/** The node attributes encoded in a node reference (`record:<source>/<id>` or `<type>:<value>`). */
export function nodeAttributesOf(ref: string): IdentityNodeAttributes {
  if (ref.startsWith(RECORD_PREFIX)) {
    const key = ref.slice(RECORD_PREFIX.length);
    const slash = key.indexOf('/');
    return { kind: 'record', source: key.slice(0, slash), recordId: key.slice(slash + 1) };
  }
  const { type, value } = parseNodeKey(ref as NodeKey);
  return { kind: 'identifier', type, value };
}

/**
 * An undirected graph of the given links. Nodes are added in sorted order so that anything
 * derived from insertion order (graphology's component order, for one) is row-order independent.
 * Parallel links between the same two nodes keep the strongest.
 */
export function buildIdentityGraph(links: Iterable<LinkEdge>, extraNodes: Iterable<string> = []): IdentityGraph {
  const graph: IdentityGraph = new UndirectedGraph<IdentityNodeAttributes, LinkEdgeAttributes>({ allowSelfLoops: false });
  const all = [...links];
  const nodes = new Set<string>(extraNodes);
  for (const link of all) {
    nodes.add(link.from);
    nodes.add(link.to);
  }
  for (const node of [...nodes].sort()) graph.addNode(node, nodeAttributesOf(node));
  for (const link of all) {
    if (link.from === link.to) continue;
    const existing = graph.edge(link.from, link.to);
    if (existing !== undefined) {
      if (graph.getEdgeAttribute(existing, 'weight') >= link.weight) continue;
      graph.dropEdge(existing);
    }
    graph.addEdge(link.from, link.to, { matcher: link.matcher, weight: link.weight, evidence: link.evidence });
  }
  return graph;
}
