// `idgraph export`: the graph to Neo4j, through the driver or as neo4j-admin import files.
import type { Command } from 'commander';
import { errors } from '../../errors/index.js';
import { DEFAULT_BATCH_SIZE } from '../../neo4j/defaults.js';
import type { ExportProgress } from '../../neo4j/export.js';
import type { CliIo } from '../io.js';

export interface ExportNeo4jOptions {
  readonly batchSize?: string;
  readonly connectionTimeout?: string;
  readonly maxRetryTime?: string;
}

/** On a terminal a step's progress line is redrawn per batch; elsewhere one line per this many batches. */
const BATCHES_PER_LINE = 20;

/** `idgraph export neo4j <dir>`: credentials from io.env, progress on stderr, a summary on stdout. */
export async function runExportNeo4j(dir: string, options: ExportNeo4jOptions, io: CliIo): Promise<void> {
  // NOTE: loaded here, not at the top: neo4j-driver takes ~0.4 s to import, which every other
  // command (lookup must answer in well under a second) would otherwise pay at start.
  const { milliseconds, neo4jSettings } = await import('../../neo4j/connection.js');
  const { exportToNeo4j } = await import('../../neo4j/export.js');
  const batchSize = wholeNumber(options.batchSize, '--batch-size', DEFAULT_BATCH_SIZE);
  const settings = neo4jSettings(
    io.env,
    {
      connectionTimeoutMs: options.connectionTimeout === undefined ? undefined : milliseconds(options.connectionTimeout, '--connection-timeout', 0),
      maxRetryTimeMs: options.maxRetryTime === undefined ? undefined : milliseconds(options.maxRetryTime, '--max-retry-time', 0),
    },
    'export neo4j',
  );
  const started = Date.now();
  const summary = await exportToNeo4j(dir, settings, { batchSize, onProgress: (event) => reportProgress(io, event) });
  const rows = Object.fromEntries(summary.steps.map((step) => [step.step, step.rows]));
  const links = (rows['links-to-identifiers'] ?? 0) + (rows['links-between-records'] ?? 0);
  const batches = summary.steps.reduce((sum, step) => sum + step.batches, 0);
  io.stdout(
    `exported ${dir} to ${summary.uri} (database ${summary.database}): ${rows['identifiers'] ?? 0} identifiers, ${rows['records'] ?? 0} records, ` +
      `${rows['customers'] ?? 0} customers, ${links} links, ${rows['refused-merges'] ?? 0} refused merges ` +
      `in ${batches} write transactions of at most ${batchSize} rows, ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

function reportProgress(io: CliIo, event: ExportProgress): void {
  if (event.kind === 'schema') {
    io.stderr(`export neo4j: schema: ${event.statements} constraint and index statements applied\n`);
  } else if (event.kind === 'batch') {
    if (io.stderrIsTty) io.stderr(`\rexport neo4j: ${event.step}: ${event.rows} rows`);
    else if (event.batches % BATCHES_PER_LINE === 0) io.stderr(`export neo4j: ${event.step}: ${event.rows} rows so far\n`);
  } else {
    io.stderr(`${io.stderrIsTty ? '\r' : ''}export neo4j: ${event.step}: ${event.rows} rows in ${event.batches} batch${event.batches === 1 ? '' : 'es'}\n`);
  }
}

/** `idgraph export neo4j-csv <dir> --to <dir>`: files for neo4j-admin database import, and the command to run. */
export async function runExportNeo4jCsv(dir: string, options: { readonly to: string; readonly database?: string }, io: CliIo): Promise<void> {
  const { writeAdminImportCsv } = await import('../../neo4j/admin-import-csv.js');
  const summary = await writeAdminImportCsv(dir, options.to, { database: options.database ?? 'neo4j' });
  const nodes = summary.files.filter((file) => file.kind === 'nodes').reduce((sum, file) => sum + file.rows, 0);
  const relationships = summary.files.filter((file) => file.kind === 'relationships').reduce((sum, file) => sum + file.rows, 0);
  io.stdout(
    `wrote ${summary.files.length} files (${nodes} nodes, ${relationships} relationships) to ${options.to}\n` +
      `load them with (Neo4j stopped, or the database offline; it replaces database ${summary.database}):\n${summary.command}\n` +
      `then create the constraints and indexes: cypher-shell -d ${summary.database} -f graph/schema.cypher\n`,
  );
}

function wholeNumber(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) throw errors.usage(`${flag} must be a whole number of at least 1`);
  return value;
}

export function registerExport(program: Command, io: CliIo): void {
  const exportCommand = program.command('export').description('export a run to Neo4j');
  exportCommand
    .command('neo4j <dir>')
    .description('load the graph of a run into Neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE from the environment)')
    .option('--batch-size <rows>', `rows per write transaction (default ${DEFAULT_BATCH_SIZE})`)
    .option('--connection-timeout <ms>', 'wait this long for the server before giving up (default 5000, or NEO4J_CONNECTION_TIMEOUT_MS)')
    .option('--max-retry-time <ms>', 'retry transient failures this long (default 10000, or NEO4J_MAX_RETRY_TIME_MS)')
    .action((dir: string, options: ExportNeo4jOptions) => runExportNeo4j(dir, options, io));
  exportCommand
    .command('neo4j-csv <dir>')
    .description('write node and relationship files for neo4j-admin database import, and print the command')
    .requiredOption('--to <dir>', 'directory for the import files (replaced atomically)')
    .option('--database <name>', 'database name in the printed neo4j-admin command', 'neo4j')
    .action((dir: string, options: { to: string; database: string }) => runExportNeo4jCsv(dir, options, io));
}
