// The library of named Cypher queries in graph/queries/: their documented headers, and typed parameters.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { errors, IdgraphError } from '../errors/index.js';
import { cypherStatements } from './cypher-script.js';
import { GRAPH_DIR, readGraphFile } from './graph-assets.js';

export type ParamType = 'string' | 'int' | 'float' | 'boolean';

export interface QueryParam {
  readonly name: string;
  readonly type: ParamType;
  /** The default as written in the header, or null when the parameter is required. */
  readonly defaultValue: string | null;
  readonly description: string;
}

/**
 * A named query. Its file starts with a header of `//` lines, each field on one line and
 * continued on lines indented by three spaces:
 *
 *     // Query: largest-customers
 *     // Answers: How big are the largest clusters? …
 *     // Param: limit (int, default 10): how many customers
 *     // Returns: customer_id, records, …
 *     // Embedded: idgraph stats <dir> (largestCustomers)      (optional: the CLI twin)
 *     // Requires: Neo4j Graph Data Science plugin              (optional)
 */
export interface NamedQuery {
  readonly name: string;
  readonly answers: string;
  readonly params: readonly QueryParam[];
  readonly returns: string;
  readonly embedded: string | null;
  readonly requires: string | null;
  /** The Cypher statement without comments, as sent to the server. */
  readonly statement: string;
}

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PARAM = /^(\w+) \((string|int|float|boolean)(?:, default ([^)]*))?\): (.+)$/;

/**
 * Parses a query file's header and statement.
 * @throws IdgraphError INTERNAL when the header is malformed (a shipped file is broken).
 */
export function parseNamedQuery(name: string, text: string): NamedQuery {
  const broken = (what: string) => new IdgraphError('INTERNAL', `graph/queries/${name}.cypher: ${what}; reinstall idgraph`);
  const fields: [string, string][] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('//')) break;
    const body = line.slice(2);
    const field = /^ ([A-Z][a-z]+): (.*)$/.exec(body);
    if (field) fields.push([field[1]!, field[2]!.trim()]);
    else if (body.startsWith('   ') && fields.length > 0) fields[fields.length - 1]![1] += ` ${body.trim()}`;
    else throw broken('a header line is neither "// Field: text" nor its continuation');
  }
  const one = (field: string): string | null => fields.find(([key]) => key === field)?.[1] ?? null;
  if (one('Query') !== name) throw broken(`the header must start with "// Query: ${name}"`);
  const answers = one('Answers');
  const returns = one('Returns');
  if (answers === null || returns === null) throw broken('the header needs Answers and Returns');
  const params = fields
    .filter(([key]) => key === 'Param')
    .map(([, value]) => {
      const match = PARAM.exec(value);
      if (!match) throw broken(`"Param: ${value}" is not "name (type[, default value]): description"`);
      return { name: match[1]!, type: match[2] as ParamType, defaultValue: match[3] ?? null, description: match[4]! };
    });
  const statements = cypherStatements(text);
  if (statements.length !== 1) throw broken('a named query holds exactly one statement');
  const statement = statements[0]!;
  const used = new Set([...statement.matchAll(/\$(\w+)/g)].map((match) => match[1]!));
  const declared = new Set(params.map((param) => param.name));
  const undeclared = [...used].filter((param) => !declared.has(param));
  if (undeclared.length > 0) throw broken(`parameter $${undeclared[0]} has no Param line`);
  return { name, answers, params, returns, embedded: one('Embedded'), requires: one('Requires'), statement };
}

/** The names of all named queries, sorted. */
export async function namedQueryNames(): Promise<string[]> {
  const files = await readdir(join(GRAPH_DIR, 'queries')).catch(() => [] as string[]);
  return files
    .filter((file) => file.endsWith('.cypher'))
    .map((file) => file.slice(0, -'.cypher'.length))
    .sort();
}

/**
 * Loads graph/queries/<name>.cypher.
 * @throws IdgraphError USAGE for an unknown name, listing the known ones.
 */
export async function loadNamedQuery(name: string): Promise<NamedQuery> {
  const names = await namedQueryNames();
  if (!NAME.test(name) || !names.includes(name)) {
    throw errors.usage(`${name}: no such named query; the queries are ${names.join(', ')} (see idgraph cypher --list)`);
  }
  return parseNamedQuery(name, await readGraphFile(`queries/${name}.cypher`));
}

/** All named queries, sorted by name. */
export async function loadNamedQueries(): Promise<NamedQuery[]> {
  const names = await namedQueryNames();
  return Promise.all(names.map(async (name) => parseNamedQuery(name, await readGraphFile(`queries/${name}.cypher`))));
}

/**
 * Turns `k=v` assignments into the query's parameters, typed by its header: `int` as a Cypher
 * INTEGER (a JavaScript number would arrive as FLOAT, which LIMIT refuses), `float` as a number,
 * `boolean` from true/false; defaults fill what is not given.
 *
 * @param query the named query.
 * @param assignments `name=value` strings, as given to --param.
 * @returns the parameters for the driver.
 * @throws IdgraphError USAGE for an unknown, repeated, missing or mistyped parameter.
 */
export function bindParams(query: NamedQuery, assignments: readonly string[]): Record<string, unknown> {
  const given = new Map<string, string>();
  for (const assignment of assignments) {
    const equals = assignment.indexOf('=');
    if (equals <= 0) throw errors.usage(`--param ${assignment}: write name=value`);
    const name = assignment.slice(0, equals);
    if (!query.params.some((param) => param.name === name)) {
      const known = query.params.map((param) => param.name);
      throw errors.usage(`--param ${name}: ${query.name} has ${known.length === 0 ? 'no parameters' : `the parameters ${known.join(', ')}`}`);
    }
    if (given.has(name)) throw errors.usage(`--param ${name}: given twice`);
    given.set(name, assignment.slice(equals + 1));
  }
  const params: Record<string, unknown> = {};
  for (const param of query.params) {
    const text = given.get(param.name) ?? param.defaultValue;
    if (text === null) throw errors.usage(`${query.name} needs --param ${param.name}=<${param.type}>: ${param.description}`);
    params[param.name] = typed(param, text);
  }
  return params;
}

function typed(param: QueryParam, text: string): unknown {
  const bad = () => errors.usage(`--param ${param.name}: must be ${param.type === 'int' ? 'a whole number' : param.type === 'float' ? 'a number' : 'true or false'}`);
  switch (param.type) {
    case 'string':
      return text;
    case 'int': {
      if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw bad();
      return neo4j.int(text);
    }
    case 'float': {
      const value = Number(text);
      if (text.trim() === '' || !Number.isFinite(value)) throw bad();
      return value;
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false') throw bad();
      return text === 'true';
  }
}
