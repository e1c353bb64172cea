// A real Cypher engine in-process for tests: a thin wrapper over @grafeo-db/js that answers
// with plain JS values (null, booleans, numbers, strings, lists, maps).
//
// Test-only: @grafeo-db/js is a devDependency and must never reach the product's runtime path.
//
// How grafeo answers (checked by experiment on @grafeo-db/js 0.6.0):
// - `db.executeCypher(query, params)` resolves to a QueryResult: `columns` (string[]), `rows()`
//   (values by position; used here because `toArray()` keys rows by column name) and `counters`
//   (`nodesCreated`, `edgesCreated`, `propertiesSet`, …). Errors are `Error`s carrying
//   `gqlStatus` (`42001` syntax, `42002` semantic, `42000`, `22012` division by zero,
//   `G2000` constraint violation, `40000` write conflict).
// - Integers are JS numbers, and `bigint` past 2^53 (kept as `bigint` here: never lose digits).
// - `db.beginTransaction()` gives a real transaction (snapshot isolation, read-your-writes,
//   rollback undoes data writes), so explicit Bolt transactions map onto it.
//
// Known gaps (differences from Neo4j 5 found by experiment; write queries that avoid them, or
// say so in the skip message of a test that needs them):
// - Integral floats come back as integers: `RETURN 1.0`, `toFloat(3)`, a weight stored as 1.0
//   all read back as the number 1, so over Bolt they arrive as INT (a neo4j `Integer`), where
//   Neo4j would send FLOAT. Read numbers with `neo4j.isInt(v) ? v.toNumber() : v`, or create
//   the driver with `disableLosslessIntegers: true`.
// - A uniqueness constraint does not create an index: MERGE on the key scans the label until
//   `CREATE INDEX … IF NOT EXISTS FOR (n:L) ON (n.p)` is run. The scan makes a batch quadratic:
//   one UNWIND MERGE of 1,000 / 2,000 rows took 0.3 / 1.0 s here without the index (8,000:
//   about 16-20 s), and 8,000 rows took 0.15 s with it, through Bolt.
// - A relationship type that is a keyword (`:IN`, …) is a syntax error unless backticked
//   (`:\`IN\``); Neo4j accepts it bare.
// - Not supported (syntax or semantic error): `CALL { … } IN TRANSACTIONS`, `gds.*` and other
//   Neo4j procedures (`db.labels()` and `db.relationshipTypes()` do work), relationship
//   property indexes (`FOR ()-[r:T]-() ON (r.p)`), quantified path patterns and `SHORTEST k`,
//   the `CYPHER 5` version prefix.
// - Schema commands (`CREATE CONSTRAINT`/`INDEX`) inside a transaction apply at once and are
//   not undone by a rollback; Neo4j refuses to mix schema and data writes in one transaction.
// - A failing query does not end a grafeo transaction; the Bolt test server rolls it back.
// - Two transactions writing the same entity: the second write fails at once (GQLSTATUS
//   40000, sent as a Neo.TransientError, so the driver retries), where Neo4j makes it wait
//   for the lock.
// - Nodes, relationships and paths come back as maps (`{_id, _labels, …props}`,
//   `{_id, _source, _target, _type, …props}`, `{nodes, edges}`), not as graph structs: return
//   properties, lists and maps (`[n IN nodes(p) | n.key]`) instead.
// - Column names of unaliased expressions differ (`RETURN "x"` gives `'x'`, `null` gives
//   `NULL`): alias every returned expression.
// - Temporal values come back as ISO strings; float overflow gives null, not Infinity.
// - Write counters have no `indexesAdded` / `constraintsAdded`.
//
// Why not a real Neo4j: none can run on these machines (see /work/shared/NEO4J.md).

import grafeo from '@grafeo-db/js';
import type { QueryResult, Transaction, WriteCounters } from '@grafeo-db/js';

const { GrafeoDB } = grafeo;

/** A value as the engine returns it and as the Bolt test server sends it. */
export type CypherValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | readonly CypherValue[]
  | { readonly [key: string]: CypherValue };

/** What a write changed, in grafeo's terms. */
export interface CypherWriteStats {
  readonly nodesCreated: number;
  readonly nodesDeleted: number;
  readonly relationshipsCreated: number;
  readonly relationshipsDeleted: number;
  readonly propertiesSet: number;
  readonly labelsAdded: number;
  readonly labelsRemoved: number;
}

/** One query's answer: column names and rows of values by position. */
export interface CypherResult {
  readonly fields: string[];
  readonly rows: CypherValue[][];
  readonly stats: CypherWriteStats;
}

/** Something that runs Cypher: the engine itself (auto-commit) or one of its transactions. */
export interface CypherRunner {
  run(query: string, params?: Record<string, unknown>): Promise<CypherResult>;
}

/** An explicit engine transaction. */
export interface CypherTransaction extends CypherRunner {
  commit(): void;
  rollback(): void;
}

/** An in-memory Cypher engine. */
export interface CypherEngine extends CypherRunner {
  /** Starts an explicit transaction (snapshot isolation; see Known gaps for schema commands). */
  begin(): CypherTransaction;
  close(): void;
}

/** An error the engine raised, with grafeo's GQLSTATUS (`42001` for a syntax error). */
export class CypherEngineError extends Error {
  override readonly name = 'CypherEngineError';
  constructor(
    message: string,
    readonly gqlStatus: string | undefined,
  ) {
    super(message);
  }
}

export interface CypherEngineOptions {
  /**
   * Return the rows of every query without ORDER BY in random order (grafeo's
   * `shuffleUnordered`): finds code that relies on a row order Neo4j does not promise.
   */
  readonly shuffleUnordered?: boolean;
}

/**
 * Creates a fresh, empty in-memory engine.
 *
 * @param options `shuffleUnordered` to randomise the order of unordered rows.
 * @returns an engine; `close()` it when done.
 * @example
 * const engine = createCypherEngine();
 * await engine.run('CREATE (:Identifier {key: $key})', { key: 'email:a@example.com' });
 * const { fields, rows } = await engine.run('MATCH (n) RETURN count(n) AS c'); // ['c'], [[1]]
 */
export function createCypherEngine(options: CypherEngineOptions = {}): CypherEngine {
  const db = GrafeoDB.create(null, { shuffleUnordered: options.shuffleUnordered ?? false });
  return {
    run: (query, params) => execute(() => db.executeCypher(query, params ?? {})),
    begin: () => wrapTransaction(db.beginTransaction()),
    close: () => db.close(),
  };
}

function wrapTransaction(tx: Transaction): CypherTransaction {
  return {
    run: (query, params) => execute(() => tx.executeCypher(query, params ?? {})),
    commit: () => {
      try {
        tx.commit();
      } catch (error) {
        throw toEngineError(error);
      }
    },
    rollback: () => {
      if (tx.isActive) tx.rollback();
    },
  };
}

async function execute(call: () => Promise<QueryResult>): Promise<CypherResult> {
  let result: QueryResult;
  try {
    result = await call();
  } catch (error) {
    throw toEngineError(error);
  }
  return {
    fields: [...result.columns],
    rows: result.rows().map((row) => row.map(toPlain)),
    stats: toStats(result.counters),
  };
}

function toEngineError(error: unknown): CypherEngineError {
  if (error instanceof Error) {
    const status = (error as Error & { gqlStatus?: unknown }).gqlStatus;
    return new CypherEngineError(error.message, typeof status === 'string' ? status : undefined);
  }
  return new CypherEngineError(String(error), undefined);
}

function toStats(counters: WriteCounters): CypherWriteStats {
  return {
    nodesCreated: counters.nodesCreated,
    nodesDeleted: counters.nodesDeleted,
    relationshipsCreated: counters.edgesCreated,
    relationshipsDeleted: counters.edgesDeleted,
    propertiesSet: counters.propertiesSet,
    labelsAdded: counters.labelsAdded,
    labelsRemoved: counters.labelsRemoved,
  };
}

/** grafeo values → plain values. `bigint` stays only past 2^53, where a number would lose digits. */
function toPlain(value: unknown): CypherValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
    case 'number':
    case 'string':
      return value;
    case 'bigint':
      return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(value)
        : value;
    case 'object':
      break;
    default:
      return String(value);
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value)) {
    // A vector (Float32Array) or bytes (Buffer): a list of numbers.
    return Array.from(value as unknown as ArrayLike<number>, Number);
  }
  const term = value as { termType?: unknown; value?: unknown };
  if (typeof term.termType === 'string' && typeof term.value === 'string') return term.value;
  const out: Record<string, CypherValue> = {};
  for (const [key, item] of Object.entries(value)) out[key] = toPlain(item);
  return out;
}
