// `idgraph export neo4j`: loads a run directory into Neo4j through neo4j-driver, batched and idempotent.
import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { cypherStatements } from './cypher-script.js';
import { displayUri, openDriver, type Neo4jSettings } from './connection.js';
import { driverFailure } from './driver-errors.js';
import { readGraphFile } from './graph-assets.js';
import { LOAD_PLAN, type LoadStep } from './load-plan.js';
import type { RunManifest } from '../output/index.js';
import { readRunManifest } from './run-directory.js';
import { errors, IdgraphError } from '../errors/index.js';

/** Rows per write transaction unless --batch-size says otherwise (Neo4j's advice: 1k-10k). */
export { DEFAULT_BATCH_SIZE } from './defaults.js';
import { DEFAULT_BATCH_SIZE } from './defaults.js';

export interface ExportOptions {
  /** Rows per UNWIND batch, one write transaction each. */
  readonly batchSize: number;
  /** Called after the schema, after every batch and at the end of every step. */
  readonly onProgress?: (event: ExportProgress) => void;
}

export type ExportProgress =
  | { readonly kind: 'schema'; readonly statements: number }
  | { readonly kind: 'batch'; readonly step: string; readonly rows: number; readonly batches: number }
  | { readonly kind: 'step'; readonly step: string; readonly rows: number; readonly batches: number };

export interface ExportedStep {
  readonly step: string;
  readonly source: string;
  readonly rows: number;
  readonly batches: number;
}

export interface ExportSummary {
  /** The server URI without credentials. */
  readonly uri: string;
  readonly database: string;
  readonly schemaStatements: number;
  readonly steps: readonly ExportedStep[];
}

/**
 * Exports the run in `dir` to the Neo4j of `settings`: checks the run, verifies connectivity,
 * runs graph/schema.cypher (one statement per transaction, before any data), then every step of
 * LOAD_PLAN with its graph/load/ statement, in batches of `options.batchSize` rows, one
 * `executeWrite` transaction per batch. Rows are streamed from the run's CSV files and reach
 * the server only as the `$rows` parameter. Every statement MERGEs on a unique key, so exporting
 * the same run again changes nothing.
 *
 * @param dir a run directory written by `idgraph resolve`.
 * @param settings server, credentials, database and timeouts (see connection.ts).
 * @param options batch size and a progress callback.
 * @returns what was sent, step by step.
 * @throws IdgraphError RUN_DIR_INVALID, NEO4J_CONNECTION, NEO4J_AUTH or NEO4J_QUERY (see driver-errors.ts).
 * @example
 * const summary = await exportToNeo4j('out/run', neo4jSettings(process.env, {}, 'export neo4j'), { batchSize: 5000 });
 */
export async function exportToNeo4j(dir: string, settings: Neo4jSettings, options: ExportOptions): Promise<ExportSummary> {
  if (!Number.isSafeInteger(options.batchSize) || options.batchSize < 1) throw errors.usage('--batch-size must be a whole number of at least 1');
  const manifest = await readRunManifest(dir);
  const schema = cypherStatements(await readGraphFile('schema.cypher'));
  const statements = new Map<string, string>();
  for (const step of LOAD_PLAN) statements.set(step.name, onlyStatement(await readGraphFile(`load/${step.name}.cypher`), step.name));

  const driver = openDriver(settings);
  try {
    await guarded(settings, 'the connectivity check', () => driver.verifyConnectivity({ database: settings.database }));
    const session = driver.session({ database: settings.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      for (const [index, statement] of schema.entries()) {
        await guarded(settings, `statement ${index + 1} of graph/schema.cypher`, () => session.executeWrite((tx) => tx.run(statement)));
      }
      options.onProgress?.({ kind: 'schema', statements: schema.length });
      const steps: ExportedStep[] = [];
      for (const step of LOAD_PLAN) steps.push(await loadStep(session, dir, manifest, step, statements.get(step.name)!, settings, options));
      return { uri: displayUri(settings.uri), database: settings.database, schemaStatements: schema.length, steps };
    } finally {
      await session.close();
    }
  } finally {
    await closeQuietly(driver);
  }
}

/** Streams one step's rows in batches; each batch is one write transaction. */
async function loadStep(session: Session, dir: string, manifest: RunManifest, step: LoadStep, statement: string, settings: Neo4jSettings, options: ExportOptions): Promise<ExportedStep> {
  let rows = 0;
  let batches = 0;
  let matched = 0;
  let batch: Record<string, unknown>[] = [];
  const what = `the load statement graph/load/${step.name}.cypher`;
  const flush = async () => {
    const params = { rows: batch };
    const result = await guarded(settings, what, () => session.executeWrite((tx) => tx.run(statement, params)));
    matched += toNumber(result.records[0]?.get('rows'));
    rows += batch.length;
    batches++;
    batch = [];
    options.onProgress?.({ kind: 'batch', step: step.name, rows, batches });
  };
  for await (const row of step.rows(dir, manifest)) {
    batch.push(withIntegers(row as Record<string, unknown>, step.integers));
    if (batch.length >= options.batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  if (matched !== rows) {
    throw errors.runDirInvalid(dir, `${rows - matched} of ${rows} rows of ${step.source} name a node the run does not hold (step ${step.name}); the graph in Neo4j is incomplete`);
  }
  options.onProgress?.({ kind: 'step', step: step.name, rows, batches });
  return { step: step.name, source: step.source, rows, batches };
}

/** The one statement of a graph/load/ file. */
function onlyStatement(text: string, name: string): string {
  const statements = cypherStatements(text);
  if (statements.length !== 1) throw new IdgraphError('INTERNAL', `graph/load/${name}.cypher must hold exactly one statement; reinstall idgraph`);
  return statements[0]!;
}

/** Integer properties as Cypher INTEGER: the driver sends every JavaScript number as FLOAT. */
function withIntegers(row: Record<string, unknown>, integers: readonly string[]): Record<string, unknown> {
  if (integers.length === 0) return row;
  const out: Record<string, unknown> = { ...row };
  for (const name of integers) out[name] = neo4j.int(row[name] as number);
  return out;
}

function toNumber(value: unknown): number {
  return neo4j.isInt(value) ? value.toNumber() : typeof value === 'number' ? value : 0;
}

/** Runs a driver call and turns its failure into one IdgraphError. */
async function guarded<T>(settings: Neo4jSettings, what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw driverFailure(error, settings, what);
  }
}

async function closeQuietly(driver: Driver): Promise<void> {
  try {
    await driver.close();
  } catch {
    // Closing a driver that never connected can fail; the first error is the one to report.
  }
}
