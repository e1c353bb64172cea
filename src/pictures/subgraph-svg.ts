// Draws a customer's part of the identity graph as a standalone SVG document.
import type { IdentityGraph } from '../identity-graph/index.js';

export interface RefusedEdge {
  readonly from: string;
  readonly to: string;
  readonly rule: string;
  readonly detail: string;
}

/**
 * Renders `graph` (identifiers coloured by type, records by domain, edges labelled with
 * matcher and weight) plus refused merges as dashed red edges.
 * NOTE: placeholder until the pictures land (issue 9).
 */
export function renderSubgraphSvg(graph: IdentityGraph, refused: readonly RefusedEdge[], title: string): string {
  void graph;
  void refused;
  return `<svg xmlns="http://www.w3.org/2000/svg"><title>${title.replace(/[<&>]/g, '')}</title></svg>`;
}
