// Every Cypher text idgraph ships or sends passes Neo4j's own parser (offline, @neo4j-cypher/language-support):
// graph/schema.cypher, graph/load/*.cypher, graph/queries/*.cypher, and every Cypher string in src/.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseNamedQuery } from '../../src/neo4j/named-queries.js';
import { lintCypher, type LintSchema } from '../support/cypher-lint.js';

const ROOT = join(import.meta.dirname, '..', '..');
const GRAPH = join(ROOT, 'graph');

/** The graph model: with it, a label, type or property typo is a warning, and warnings fail here too. */
const MODEL: LintSchema = {
  labels: ['Identifier', 'Record', 'Customer', 'RefusedMerge'],
  relationshipTypes: ['LINKED', 'BELONGS_TO', 'REFUSED_FROM', 'REFUSED_TO'],
  propertyKeys: [
    'key', 'type', 'value', 'records', 'record_id', 'source', 'domain', 'customer_id', 'permission_level', 'identifiers', 'sources',
    'rule', 'detail', 'matcher', 'weight', 'evidence', 'from', 'to', 'from_customer', 'to_customer',
    // a key of the load rows only (graph/load/refused-*.cypher), never stored
    'ref',
  ],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.cypher') ? [join(dir, entry.name)] : [],
  );
}

/** The parameters a file may use: a named query's declared ones, `$rows` for a load statement, none for the schema. */
function parametersOf(path: string, text: string): Record<string, unknown> {
  const rel = relative(GRAPH, path).split('\\').join('/');
  if (rel.startsWith('queries/')) {
    const query = parseNamedQuery(rel.slice('queries/'.length, -'.cypher'.length), text);
    return Object.fromEntries(query.params.map((param) => [param.name, param.type === 'string' ? '' : param.type === 'boolean' ? false : 1]));
  }
  return rel.startsWith('load/') ? { rows: [] } : {};
}

/**
 * String literals in TypeScript source that start like a Cypher statement.
 * NOTE: a regex scan, not a TypeScript parse: it finds '…', "…" and `…` literals without
 * `${…}` interpolation (interpolated Cypher would splice values and is not allowed anyway).
 */
function cypherStringsIn(source: string): string[] {
  const literal = /(['"`])((?:(?!\1)[^\\]|\\.)*)\1/g;
  const start = /^\s*(MATCH|OPTIONAL MATCH|MERGE|CREATE|UNWIND|RETURN|CALL|WITH|SHOW|DROP)\b/;
  return [...source.matchAll(literal)].map((m) => m[2]!).filter((text) => start.test(text) && !text.includes('${'));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('the Cypher in graph/', () => {
  const all = files(GRAPH);

  test('should be there: the schema, the load statements and the named queries', () => {
    const rel = all.map((path) => relative(GRAPH, path));
    expect(rel).toContain('schema.cypher');
    expect(rel.filter((path) => path.startsWith('load')).length).toBeGreaterThanOrEqual(8);
    expect(rel.filter((path) => path.startsWith('queries')).length).toBeGreaterThanOrEqual(12);
  });

  test.each(all.map((path) => [relative(GRAPH, path), path]))('should lint clean with the model: %s', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    expect(lintCypher(text, { ...MODEL, parameters: parametersOf(path, text) })).toStrictEqual({ errors: [], warnings: [] });
  });
});

describe('the linter as used here', () => {
  test.each([
    ['a syntax error', 'MATCH (n:Identifier RETURN n', 'errors'],
    ['an undeclared parameter', 'MATCH (n:Identifier {key: $nope}) RETURN n.key AS key', 'errors'],
    ['a label typo', 'MATCH (n:Identifer) RETURN n.key AS key', 'warnings'],
    ['a relationship type typo', 'MATCH ()-[r:LINKD]->() RETURN count(r) AS c', 'warnings'],
    ['a property typo', 'MATCH (n:Customer) RETURN n.permision_level AS p', 'warnings'],
  ] as const)('should catch %s', (_case, query, kind) => {
    expect(lintCypher(query, { ...MODEL, parameters: {} })[kind]).not.toStrictEqual([]);
  });
});

describe('the Cypher strings in src/', () => {
  test('should be found by the scan (it can fail)', () => {
    expect(cypherStringsIn("const q = 'MATCH (n) RETURN n'; const s = \"not cypher\"; const t = `UNWIND $rows AS r RETURN r`;")).toStrictEqual([
      'MATCH (n) RETURN n',
      'UNWIND $rows AS r RETURN r',
    ]);
    expect(cypherStringsIn('const q = `MATCH (n {key: ${value}}) RETURN n`;')).toStrictEqual([]);
  });

  const found = sourceFiles(join(ROOT, 'src')).flatMap((path) =>
    cypherStringsIn(readFileSync(path, 'utf8')).map((query) => [relative(ROOT, path), query] as const),
  );

  test('should all lint clean (idgraph keeps its Cypher in graph/; any string in src/ is checked here)', () => {
    const failures = found
      .map(([file, query]) => ({ file, query, ...lintCypher(query.replace(/\\n/g, '\n'), MODEL) }))
      .filter((result) => result.errors.length > 0 || result.warnings.length > 0);
    expect(failures).toStrictEqual([]);
  });

  test('should never build Cypher by interpolation in src/neo4j', () => {
    const interpolated = sourceFiles(join(ROOT, 'src', 'neo4j')).filter((path) =>
      /`\s*(MATCH|MERGE|CREATE|UNWIND|RETURN|CALL)\b[^`]*\$\{/.test(readFileSync(path, 'utf8')),
    );
    expect(interpolated.map((path) => relative(ROOT, path))).toStrictEqual([]);
  });
});
