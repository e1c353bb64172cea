// `idgraph cypher`: run a named query of graph/queries on the configured Neo4j.
import type { Command } from 'commander';
import { errors } from '../../errors/index.js';
import type { PlainValue } from '../../neo4j/plain-values.js';
import type { QueryRows } from '../../neo4j/run-named-query.js';

// NOTE: the neo4j modules are imported inside the actions: neo4j-driver takes ~0.4 s to load,
// which every other command would otherwise pay at start.
const neo4jModules = async () => ({
  ...(await import('../../neo4j/connection.js')),
  ...(await import('../../neo4j/named-queries.js')),
  ...(await import('../../neo4j/run-named-query.js')),
});
import type { CliIo } from '../io.js';

export interface CypherCommandOptions {
  readonly param: readonly string[];
  readonly json?: boolean;
  readonly list?: boolean;
  readonly connectionTimeout?: string;
  readonly maxRetryTime?: string;
}

/** Runs `idgraph cypher [name]`: the rows as a table, or as a JSON array of objects with --json. */
export async function runCypher(name: string | undefined, options: CypherCommandOptions, io: CliIo): Promise<void> {
  const { bindParams, loadNamedQueries, loadNamedQuery, milliseconds, neo4jSettings, runNamedQuery } = await neo4jModules();
  if (options.list) {
    const queries = await loadNamedQueries();
    if (options.json) {
      io.stdout(`${JSON.stringify(queries.map(({ statement: _statement, ...rest }) => rest), null, 2)}\n`);
      return;
    }
    for (const query of queries) {
      const params = query.params.map((param) => `${param.name}:${param.type}${param.defaultValue === null ? '' : `=${param.defaultValue}`}`);
      io.stdout(`${query.name}${params.length > 0 ? ` [${params.join(', ')}]` : ''}${query.requires ? ` (requires ${query.requires})` : ''}\n  ${query.answers}\n`);
    }
    return;
  }
  if (name === undefined) throw errors.usage('cypher needs a query name; list them with idgraph cypher --list');
  const query = await loadNamedQuery(name);
  const params = bindParams(query, options.param);
  const settings = neo4jSettings(
    io.env,
    {
      connectionTimeoutMs: options.connectionTimeout === undefined ? undefined : milliseconds(options.connectionTimeout, '--connection-timeout', 0),
      maxRetryTimeMs: options.maxRetryTime === undefined ? undefined : milliseconds(options.maxRetryTime, '--max-retry-time', 0),
    },
    `cypher ${name}`,
  );
  const result = await runNamedQuery(settings, query, params);
  io.stdout(options.json ? `${JSON.stringify(result.rows, null, 2)}\n` : renderTable(result));
}

/**
 * A plain-text table: one column per field, strings as they are, lists and maps as JSON.
 * Why not a table library: none is a dependency, and the layout is ten lines.
 */
export function renderTable({ fields, rows }: QueryRows): string {
  if (rows.length === 0) return `(no rows)\n`;
  const cell = (value: PlainValue): string => (value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value)).replace(/\s*\n\s*/g, ' ');
  const cells = rows.map((row) => fields.map((field) => cell(row[field] ?? null)));
  const widths = fields.map((field, column) => Math.max(field.length, ...cells.map((line) => line[column]!.length)));
  const line = (values: readonly string[]) => values.map((value, column) => value.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(fields), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n') + `\n(${rows.length} row${rows.length === 1 ? '' : 's'})\n`;
}

export function registerCypher(program: Command, io: CliIo): void {
  program
    .command('cypher [name]')
    .description('run a named query of graph/queries on the configured Neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)')
    .option('--param <name=value>', 'a query parameter; repeat for several', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--json', 'print the rows as a JSON array of objects')
    .option('--list', 'list the named queries with their parameters')
    .option('--connection-timeout <ms>', 'wait this long for the server before giving up (default 5000, or NEO4J_CONNECTION_TIMEOUT_MS)')
    .option('--max-retry-time <ms>', 'retry transient failures this long (default 10000, or NEO4J_MAX_RETRY_TIME_MS)')
    .action((name: string | undefined, options: CypherCommandOptions) => runCypher(name, options, io));
}
