// Turns the values neo4j-driver returns into plain JSON values for printing.
import neo4j from 'neo4j-driver';

/** A value that JSON.stringify prints faithfully. */
export type PlainValue = null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue };

/**
 * Converts one driver value: Integer → number (a string beyond 2^53, where a number would lose
 * digits), Node → `{labels, properties}`, Relationship → `{type, properties}`, Path → its nodes
 * and relationships, temporal and spatial values → their ISO/WKT-like text.
 */
export function toPlain(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  switch (typeof value) {
    case 'boolean':
    case 'number':
    case 'string':
      return value;
    case 'bigint':
      return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
    case 'object':
      break;
    default:
      return String(value);
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isNode(value as never)) {
    const node = value as { labels: string[]; properties: Record<string, unknown> };
    return { labels: [...node.labels], properties: plainMap(node.properties) };
  }
  if (neo4j.isRelationship(value as never)) {
    const relationship = value as { type: string; properties: Record<string, unknown> };
    return { type: relationship.type, properties: plainMap(relationship.properties) };
  }
  if (neo4j.isPath(value as never)) {
    const path = value as { segments: { start: unknown; relationship: unknown; end: unknown }[]; start: unknown };
    return {
      nodes: [toPlain(path.start), ...path.segments.map((segment) => toPlain(segment.end))],
      relationships: path.segments.map((segment) => toPlain(segment.relationship)),
    };
  }
  if (isTemporalOrSpatial(value)) return String(value);
  return plainMap(value as Record<string, unknown>);
}

function plainMap(map: Record<string, unknown>): { [key: string]: PlainValue } {
  const out: { [key: string]: PlainValue } = {};
  for (const [key, item] of Object.entries(map)) out[key] = toPlain(item);
  return out;
}

function isTemporalOrSpatial(value: object): boolean {
  return (
    neo4j.isDate(value as never) ||
    neo4j.isDateTime(value as never) ||
    neo4j.isLocalDateTime(value as never) ||
    neo4j.isLocalTime(value as never) ||
    neo4j.isTime(value as never) ||
    neo4j.isDuration(value as never) ||
    neo4j.isPoint(value as never)
  );
}
