// Draws a customer's part of the identity graph as a standalone SVG document.
import type { Domain } from '../config/index.js';
import { IDENTIFIER_TYPES, isIdentifierType } from '../identifiers/index.js';
import { nodeAttributesOf, type IdentityGraph, type IdentityNodeAttributes } from '../identity-graph/index.js';
import { escapeMarkup } from './escape.js';
import { coordinate, formatCount, formatWeight, truncate } from './format.js';
import { layoutNodes, type LayoutEdge, type Point } from './layout.js';
import { renderLegend, type LegendItem } from './legend.js';
import { DOMAIN_COLOURS, EDGE_COLOURS, IDENTIFIER_COLOURS } from './palette.js';
import { selectNodes } from './select-nodes.js';

/** A refused merge to draw (structurally, a RefusedMerge of the resolution result fits). */
export interface RefusedEdge {
  readonly from: string;
  readonly to: string;
  readonly rule: string;
  readonly detail: string;
  readonly matcher?: string;
  readonly weight?: number;
  /** The customer each side ended up in: names the other customer of a side outside the graph. */
  readonly fromCustomer?: string | null;
  readonly toCustomer?: string | null;
}

export interface SubgraphSvgOptions {
  /** source → domain, to colour records; records of an unlisted source are drawn white ("domain unknown"). */
  readonly domains?: Readonly<Record<string, Domain>>;
  /** At most this many nodes of the graph are drawn (default 300); the picture says when it shows fewer. */
  readonly maxNodes?: number;
  /** At most this many refused merges are drawn (default 60). */
  readonly maxRefused?: number;
  /** A line under the title, e.g. `permission level 3`. */
  readonly subtitle?: string;
}

/** Default cap on drawn nodes: beyond it a force layout of one picture is neither fast nor readable. */
export const MAX_DRAWN_NODES = 300;
const MAX_DRAWN_REFUSED = 60;
/** Above this many drawn edges their labels are left to the hover titles. */
const MAX_EDGE_LABELS = 80;

interface Density {
  readonly fontSize: number;
  readonly labelLength: number;
  readonly radius: number;
}

/** Smaller text, shorter labels and smaller marks as the picture fills up. */
function densityFor(nodes: number): Density {
  if (nodes <= 60) return { fontSize: 11, labelLength: 32, radius: 7 };
  if (nodes <= 150) return { fontSize: 9, labelLength: 22, radius: 5.5 };
  return { fontSize: 7, labelLength: 16, radius: 4.5 };
}

function nodeLabel(attributes: IdentityNodeAttributes): string {
  return attributes.kind === 'record' ? `${attributes.source}/${attributes.recordId}` : attributes.value;
}

function canonicalPair(a: string, b: string): readonly [string, string] {
  return a <= b ? [a, b] : [b, a];
}

/** True for `record:<source>/<id>` and `<identifier type>:<value>`: the references a node can be drawn for. */
function isNodeRef(ref: string): boolean {
  if (ref.startsWith('record:')) return ref.indexOf('/') > 'record:'.length;
  const colon = ref.indexOf(':');
  return colon > 0 && isIdentifierType(ref.slice(0, colon));
}

interface DrawnRefusal {
  readonly from: string;
  readonly to: string;
  readonly edge: RefusedEdge;
}

interface Ghost {
  readonly key: string;
  readonly customer: string | null;
}

/** The refused merges that touch drawn nodes, deduplicated by pair, plus the outside nodes they reach. */
function drawnRefusals(
  refused: readonly RefusedEdge[],
  graph: IdentityGraph,
  drawn: ReadonlySet<string>,
  max: number,
): { refusals: DrawnRefusal[]; ghosts: Ghost[]; total: number } {
  const candidates = refused
    .filter((edge) => edge.from !== '' && edge.to !== '' && edge.from !== edge.to && (drawn.has(edge.from) || drawn.has(edge.to)))
    .filter((edge) => (graph.hasNode(edge.from) ? drawn.has(edge.from) : isNodeRef(edge.from)) && (graph.hasNode(edge.to) ? drawn.has(edge.to) : isNodeRef(edge.to)))
    .map((edge) => {
      const [from, to] = canonicalPair(edge.from, edge.to);
      return { from, to, edge };
    })
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : a.edge.rule < b.edge.rule ? -1 : a.edge.rule > b.edge.rule ? 1 : 0));
  const seen = new Set<string>();
  const refusals: DrawnRefusal[] = [];
  const ghosts = new Map<string, Ghost>();
  for (const candidate of candidates) {
    const pair = `${candidate.from}\u0000${candidate.to}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    if (refusals.length >= max) continue;
    refusals.push(candidate);
    for (const [side, customer] of [
      [candidate.edge.from, candidate.edge.fromCustomer ?? null],
      [candidate.edge.to, candidate.edge.toCustomer ?? null],
    ] as const) {
      if (!graph.hasNode(side) && !ghosts.has(side)) ghosts.set(side, { key: side, customer });
    }
  }
  return { refusals, ghosts: [...ghosts.values()].sort((a, b) => (a.key < b.key ? -1 : 1)), total: seen.size };
}

/** Fits layout coordinates into a box of `width` (height follows the layout's aspect, at most `width`). */
function fitToBox(positions: ReadonlyMap<string, Point>, width: number, padX: number, padY: number): { at: Map<string, Point>; height: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { x, y } of positions.values()) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const spanX = Math.max(maxX - minX, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const innerWidth = width - 2 * padX;
  const scale = Math.min(innerWidth / spanX, (width * 0.9 - 2 * padY) / spanY);
  const usedWidth = spanX * scale;
  const height = Math.max(spanY * scale, 0) + 2 * padY;
  const offsetX = padX + (innerWidth - usedWidth) / 2;
  const at = new Map<string, Point>();
  for (const [key, { x, y }] of positions) at.set(key, { x: offsetX + (x - minX) * scale, y: padY + (y - minY) * scale });
  return { at, height };
}

function domainOf(source: string, domains: Readonly<Record<string, Domain>>): Domain | 'unknown' {
  return Object.hasOwn(domains, source) ? domains[source]! : 'unknown';
}

function legendItems(present: { types: Set<string>; domains: Set<string>; fuzzy: boolean; exact: boolean; refused: boolean; ghosts: boolean }): LegendItem[] {
  const items: LegendItem[] = [];
  for (const type of IDENTIFIER_TYPES) {
    if (present.types.has(type)) items.push({ label: type, swatch: { shape: 'circle', fill: IDENTIFIER_COLOURS[type] } });
  }
  for (const domain of ['crm', 'online', 'unknown'] as const) {
    if (present.domains.has(domain)) {
      items.push({ label: domain === 'unknown' ? 'record (domain unknown)' : `${domain} record`, swatch: { shape: 'square', fill: DOMAIN_COLOURS[domain] } });
    }
  }
  if (present.exact) items.push({ label: 'exact link', swatch: { shape: 'line', stroke: EDGE_COLOURS.exact } });
  if (present.fuzzy) items.push({ label: 'fuzzy link', swatch: { shape: 'line', stroke: EDGE_COLOURS.fuzzy } });
  if (present.refused) items.push({ label: 'refused merge', swatch: { shape: 'line', stroke: EDGE_COLOURS.refused, dashed: true } });
  if (present.ghosts) items.push({ label: 'outside this customer', swatch: { shape: 'circle', fill: '#FFFFFF', dashed: true } });
  return items;
}

function nodeMark(attributes: IdentityNodeAttributes, at: Point, radius: number, domains: Readonly<Record<string, Domain>>, ghost: boolean): string {
  const dash = ghost ? ' stroke-dasharray="2 2"' : '';
  if (attributes.kind === 'record') {
    const fill = ghost ? '#FFFFFF' : DOMAIN_COLOURS[domainOf(attributes.source, domains)];
    const side = radius * 1.8;
    return `<rect x="${coordinate(at.x - side / 2)}" y="${coordinate(at.y - side / 2)}" width="${coordinate(side)}" height="${coordinate(side)}" fill="${fill}" stroke="#222" stroke-width="1"${dash}/>`;
  }
  const fill = ghost ? '#FFFFFF' : IDENTIFIER_COLOURS[attributes.type];
  return `<circle cx="${coordinate(at.x)}" cy="${coordinate(at.y)}" r="${coordinate(radius)}" fill="${fill}" stroke="${ghost ? IDENTIFIER_COLOURS[attributes.type] : '#222'}" stroke-width="1"${dash}/>`;
}

/**
 * Renders a customer's subgraph as a standalone SVG document: identifiers are circles coloured by
 * type, records squares coloured by domain, links labelled with matcher and weight, refused merges
 * dashed red (to a dashed node when the other side lies outside the graph). Every mark has a hover
 * title with its full text. The same graph, refusals and options always give the same bytes.
 * @param graph the customer's subgraph (from buildIdentityGraph)
 * @param refused refused merges touching the customer; others are ignored
 * @param title the picture's title, e.g. the customer ID
 * @param options domains for record colours, caps, subtitle
 * @returns an `<svg>` document (no XML declaration, so it can also be inlined in HTML)
 * @example
 * const svg = renderSubgraphSvg(buildIdentityGraph(links), refused, 'cus_0123456789abcdef', { domains: config.sources });
 */
export function renderSubgraphSvg(graph: IdentityGraph, refused: readonly RefusedEdge[], title: string, options: SubgraphSvgOptions = {}): string {
  const domains = options.domains ?? {};
  const selection = selectNodes(graph, Math.max(1, options.maxNodes ?? MAX_DRAWN_NODES));
  const drawn = new Set(selection.nodes);
  const { refusals, ghosts, total: refusedTotal } = drawnRefusals(refused, graph, drawn, options.maxRefused ?? MAX_DRAWN_REFUSED);

  const edges = graph
    .edges()
    .map((edge) => {
      const [from, to] = canonicalPair(graph.source(edge), graph.target(edge));
      return { from, to, attributes: graph.getEdgeAttributes(edge) };
    })
    .filter((edge) => drawn.has(edge.from) && drawn.has(edge.to))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));

  const layoutEdges: LayoutEdge[] = [
    ...edges.map((edge) => ({ source: edge.from, target: edge.to, weight: edge.attributes.weight })),
    ...refusals.map((refusal) => ({ source: refusal.from, target: refusal.to, weight: 0.3 })),
  ];
  const nodeCount = selection.nodes.length + ghosts.length;
  const density = densityFor(nodeCount);
  const width = Math.round(Math.min(2000, Math.max(640, 130 * Math.sqrt(nodeCount) + 240)));
  const laidOut = layoutNodes([...selection.nodes, ...ghosts.map((ghost) => ghost.key)], layoutEdges);
  const padX = Math.min(120, density.labelLength * density.fontSize * 0.3 + 20);
  const { at, height: graphHeight } = fitToBox(laidOut, width, padX, 32);

  const attributesOf = (key: string): IdentityNodeAttributes => (graph.hasNode(key) ? graph.getNodeAttributes(key) : nodeAttributesOf(key));
  const present = { types: new Set<string>(), domains: new Set<string>(), fuzzy: false, exact: false, refused: refusals.length > 0, ghosts: ghosts.length > 0 };
  let records = 0;
  for (const key of selection.nodes) {
    const attributes = graph.getNodeAttributes(key);
    if (attributes.kind === 'record') {
      records++;
      present.domains.add(domainOf(attributes.source, domains));
    } else {
      present.types.add(attributes.type);
    }
  }
  for (const ghost of ghosts) {
    const attributes = attributesOf(ghost.key);
    if (attributes.kind === 'identifier') present.types.add(attributes.type);
  }
  for (const edge of edges) {
    if (edge.attributes.matcher.startsWith('exact-')) present.exact = true;
    else present.fuzzy = true;
  }

  // Header: title, summary, caps, legend.
  const header: string[] = [];
  let cursor = 24;
  header.push(`<text class="title" x="16" y="${cursor}" font-size="16" font-weight="bold">${escapeMarkup(title)}</text>`);
  cursor += 20;
  const summary = [
    `${formatCount(records)} records`,
    `${formatCount(selection.nodes.length - records)} identifiers`,
    `${formatCount(edges.length)} links`,
    `${formatCount(refusedTotal)} refused merges`,
  ].join(' · ');
  const lines = [options.subtitle, summary].filter((line): line is string => line !== undefined && line !== '');
  if (selection.truncated) {
    lines.push(`showing ${formatCount(selection.nodes.length)} of ${formatCount(graph.order)} nodes: the breadth-first neighbourhood of the best-connected node`);
  }
  if (refusals.length < refusedTotal) lines.push(`showing ${formatCount(refusals.length)} of ${formatCount(refusedTotal)} refused merges`);
  const edgeLabels = edges.length + refusals.length <= MAX_EDGE_LABELS;
  if (!edgeLabels) lines.push('link labels omitted at this size: hover a link for matcher and weight');
  for (const line of lines) {
    header.push(`<text class="subtitle" x="16" y="${cursor}" font-size="12" fill="#444">${escapeMarkup(line)}</text>`);
    cursor += 17;
  }
  const legend = renderLegend(legendItems(present), 16, cursor - 4, width - 32);
  header.push(legend.svg);
  const top = cursor + legend.height + 4;
  const height = Math.round(top + graphHeight);
  const place = (key: string): Point => {
    const point = at.get(key)!;
    return { x: point.x, y: point.y + top };
  };

  // Edges, refused merges, labels, nodes: later marks paint over earlier ones.
  const edgeMarks: string[] = [];
  const edgeLabelMarks: string[] = [];
  const labelMarks: string[] = [];
  const edgeFont = Math.max(6, density.fontSize - 2);
  for (const edge of edges) {
    const a = place(edge.from);
    const b = place(edge.to);
    const { matcher, weight, evidence } = edge.attributes;
    const exact = matcher.startsWith('exact-');
    const label = `${matcher} ${formatWeight(weight)}`;
    edgeMarks.push(
      `<g class="link ${exact ? 'exact' : 'fuzzy'}"><title>${escapeMarkup(`${label}: ${evidence}`)}</title><line x1="${coordinate(a.x)}" y1="${coordinate(a.y)}" x2="${coordinate(b.x)}" y2="${coordinate(b.y)}" stroke="${exact ? EDGE_COLOURS.exact : EDGE_COLOURS.fuzzy}" stroke-width="${coordinate(0.8 + 1.6 * weight)}"/></g>`,
    );
    if (edgeLabels) {
      edgeLabelMarks.push(
        `<text class="link-label" x="${coordinate((a.x + b.x) / 2)}" y="${coordinate((a.y + b.y) / 2)}" font-size="${edgeFont}" text-anchor="middle" dominant-baseline="central" fill="#555" stroke="#fff" stroke-width="3" paint-order="stroke">${escapeMarkup(label)}</text>`,
      );
    }
  }
  for (const { from, to, edge } of refusals) {
    const a = place(from);
    const b = place(to);
    const label = `refused: ${edge.rule}`;
    const detail = [edge.matcher === undefined ? '' : `${edge.matcher} ${formatWeight(edge.weight ?? 0)}, `, edge.detail].join('');
    edgeMarks.push(
      `<g class="refused"><title>${escapeMarkup(`${label} (${detail})`)}</title><line x1="${coordinate(a.x)}" y1="${coordinate(a.y)}" x2="${coordinate(b.x)}" y2="${coordinate(b.y)}" stroke="${EDGE_COLOURS.refused}" stroke-width="1.6" stroke-dasharray="6 4"/></g>`,
    );
    if (edgeLabels) {
      edgeLabelMarks.push(
        `<text class="refused-label" x="${coordinate((a.x + b.x) / 2)}" y="${coordinate((a.y + b.y) / 2)}" font-size="${edgeFont}" text-anchor="middle" dominant-baseline="central" fill="${EDGE_COLOURS.refused}" stroke="#fff" stroke-width="3" paint-order="stroke">${escapeMarkup(label)}</text>`,
      );
    }
  }
  const nodeMarks: string[] = [];
  const ghostCustomers = new Map(ghosts.map((ghost) => [ghost.key, ghost.customer]));
  for (const key of [...selection.nodes, ...ghosts.map((ghost) => ghost.key)]) {
    const attributes = attributesOf(key);
    const ghost = ghostCustomers.has(key);
    const point = place(key);
    const customer = ghostCustomers.get(key);
    const kind = attributes.kind === 'record' ? `record ${domainOf(attributes.source, domains)}` : `identifier ${attributes.type}`;
    const hover = [
      attributes.kind === 'record' ? `record ${nodeLabel(attributes)} (${domainOf(attributes.source, domains)})` : `${attributes.type}: ${attributes.value}`,
      ghost ? `outside this customer${customer ? ` (in ${customer})` : ''}` : `${graph.degree(key)} link${graph.degree(key) === 1 ? '' : 's'}`,
    ].join('\n');
    nodeMarks.push(
      `<g class="node ${kind}${ghost ? ' outside' : ''}"><title>${escapeMarkup(hover)}</title>${nodeMark(attributes, point, density.radius, domains, ghost)}</g>`,
    );
    labelMarks.push(
      `<text class="node-label" x="${coordinate(point.x)}" y="${coordinate(point.y + density.radius + density.fontSize * 0.9)}" font-size="${density.fontSize}" text-anchor="middle" fill="${ghost ? '#777' : '#111'}" stroke="#fff" stroke-width="2.5" paint-order="stroke">${escapeMarkup(truncate(nodeLabel(attributes), density.labelLength))}</text>`,
    );
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" role="img">`,
    `<title>${escapeMarkup(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...header,
    `<g class="links">${edgeMarks.join('')}</g>`,
    `<g class="link-labels">${edgeLabelMarks.join('')}</g>`,
    `<g class="nodes">${nodeMarks.join('')}</g>`,
    `<g class="labels">${labelMarks.join('')}</g>`,
    '</svg>',
    '',
  ].join('\n');
}
