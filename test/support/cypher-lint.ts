// Offline Cypher linting with Neo4j's own parser (@neo4j-cypher/language-support), for tests
// that check the Cypher we ship and send without a Neo4j server.
//
// Pinned to 2.0.0-next.38 (every release is a prerelease; it declares Node ≥ 24 but works on
// Node 20). `lintCypherQuery` changed shape between prereleases: older ones return a bare array
// of diagnostics, newer ones `{ diagnostics, symbolTables }`; `diagnosticsOf` reads both.
// What it checks: syntax, undefined variables, deprecations (warnings), and with a schema,
// unknown labels, relationship types and property keys (warnings). It does not flag unknown
// procedures (`gds.*`) unless a procedure list is passed, nor keyword relationship types
// (`:IN`), which Neo4j accepts but the test engine does not (see cypher-engine.ts).

import { isNotParamError, lintCypherQuery } from '@neo4j-cypher/language-support';

export interface LintSchema {
  readonly labels?: readonly string[];
  readonly relationshipTypes?: readonly string[];
  readonly propertyKeys?: readonly string[];
  /** When given, `$name` parameters not listed here are errors; when absent, none are. */
  readonly parameters?: Readonly<Record<string, unknown>>;
}

export interface LintResult {
  /** Severity 1 diagnostics, as `message (line:column)`. */
  readonly errors: string[];
  /** Severity 2 diagnostics (unknown labels with a schema, deprecations), same format. */
  readonly warnings: string[];
}

interface Diagnostic {
  readonly message: string;
  readonly severity?: number;
  readonly range?: { readonly start: { readonly line: number; readonly character: number } };
}

const ERROR = 1;
const WARNING = 2;

/**
 * Lints one Cypher text (one or more statements) with Neo4j's parser.
 *
 * @param query the Cypher text.
 * @param schema labels, relationship types and property keys that exist (typos become
 *   warnings), and the parameters the caller will pass.
 * @returns errors and warnings, each `message (line:column)`, 1-based.
 * @example
 * lintCypher('MATCH (n:Identifer) RETURN n', { labels: ['Identifier'] });
 * // { errors: [], warnings: ['Label Identifer is not present in the database. … (1:10)'] }
 */
export function lintCypher(query: string, schema: LintSchema = {}): LintResult {
  const dbSchema = {
    ...(schema.labels ? { labels: [...schema.labels] } : {}),
    ...(schema.relationshipTypes ? { relationshipTypes: [...schema.relationshipTypes] } : {}),
    ...(schema.propertyKeys ? { propertyKeys: [...schema.propertyKeys] } : {}),
    ...(schema.parameters ? { parameters: { ...schema.parameters } } : {}),
  };
  const diagnostics = diagnosticsOf(lintCypherQuery(query, dbSchema)).filter(
    (d) => schema.parameters !== undefined || isNotParamError(d),
  );
  return {
    errors: diagnostics.filter((d) => (d.severity ?? ERROR) === ERROR).map(format),
    warnings: diagnostics.filter((d) => d.severity === WARNING).map(format),
  };
}

/** The one place that knows both return shapes of `lintCypherQuery`. */
function diagnosticsOf(output: unknown): Diagnostic[] {
  if (Array.isArray(output)) return output as Diagnostic[];
  const wrapped = (output as { diagnostics?: unknown } | null)?.diagnostics;
  if (Array.isArray(wrapped)) return wrapped as Diagnostic[];
  throw new TypeError('lintCypherQuery returned neither an array nor { diagnostics }: check the pinned version');
}

function format(d: Diagnostic): string {
  const start = d.range?.start;
  return start ? `${d.message} (${start.line + 1}:${start.character + 1})` : d.message;
}
