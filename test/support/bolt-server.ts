// A small Bolt 5.0 server for tests: the real neo4j-driver talks to it over TCP on 127.0.0.1, and
// every RUN is handed to a real Cypher engine (cypher-engine.ts). It records every message and
// groups the queries into transactions, so tests can check batching, parameters and outcomes.
//
// Protocol (see /work/shared/NEO4J.md): handshake `60 60 B0 17` + four proposals, answered with
// Bolt 5.0 (`00 00 00 05`; credentials come in HELLO); messages are PackStream structs sent in
// chunks (2-byte length, `00 00` ends a message); after a FAILURE every message but RESET and
// GOODBYE is answered IGNORED.
//
// NOTE: explicit transactions (BEGIN … COMMIT/ROLLBACK) run in a real engine transaction, so a
// ROLLBACK (or a RESET, or a dropped connection) undoes their data writes, but not their schema
// commands (see Known gaps in cypher-engine.ts). Auto-commit RUNs commit as they run.
// Not implemented: TLS, routing (ROUTE), Bolt ≥ 5.1 (LOGON is answered anyway), graph structs
// in RECORDs (nodes and paths go out as maps), temporal/spatial parameters (they fail the RUN).

import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import {
  CypherEngineError,
  type CypherEngine,
  type CypherResult,
  type CypherTransaction,
  type CypherWriteStats,
} from './cypher-engine.js';
import { pack, PackStruct, unpack, type PackValue } from './packstream.js';

/** Client message tags (Bolt 5.x). */
const CLIENT_TAGS = {
  0x01: 'HELLO',
  0x02: 'GOODBYE',
  0x0f: 'RESET',
  0x10: 'RUN',
  0x11: 'BEGIN',
  0x12: 'COMMIT',
  0x13: 'ROLLBACK',
  0x2f: 'DISCARD',
  0x3f: 'PULL',
  0x54: 'TELEMETRY',
  0x66: 'ROUTE',
  0x6a: 'LOGON',
  0x6b: 'LOGOFF',
} as const;

const SUCCESS = 0x70;
const RECORD = 0x71;
const IGNORED = 0x7e;
const FAILURE = 0x7f;

const MAGIC = 0x6060b017;
const REDACTED = '<redacted>';
const MAX_CHUNK = 0xffff;

export type BoltMessageType = (typeof CLIENT_TAGS)[keyof typeof CLIENT_TAGS] | 'UNKNOWN';

/** One message as the server received it (credentials redacted). */
export interface RecordedMessage {
  readonly type: BoltMessageType;
  readonly fields: readonly PackValue[];
  /** Which TCP connection sent it, numbered from 1. */
  readonly connection: number;
}

export interface RecordedQuery {
  readonly query: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Queries grouped by transaction, in the order the transactions began. */
export interface RecordedTransaction {
  readonly mode: 'explicit' | 'auto';
  /** The `db` the client asked for, or null when it named none. */
  readonly database: string | null;
  readonly accessMode: 'read' | 'write';
  readonly queries: readonly RecordedQuery[];
  readonly outcome: 'committed' | 'rolled_back' | 'open';
  /** The FAILURE that ended it, if one did. */
  readonly error?: { readonly code: string; readonly message: string };
  readonly connection: number;
}

export interface BoltTestServerOptions {
  readonly engine: CypherEngine;
  /** The only credentials HELLO accepts (scheme `basic`). */
  readonly user: string;
  readonly password: string;
  /** `server` agent sent in the HELLO SUCCESS; default `Neo4j/5.0.0`. */
  readonly agent?: string;
}

export interface BoltTestServer {
  /** `bolt://127.0.0.1:<port>` */
  readonly uri: string;
  readonly port: number;
  /** Every message received, in order (a copy). */
  readonly messages: readonly RecordedMessage[];
  /** Every transaction, in the order it began (a copy). */
  readonly transactions: readonly RecordedTransaction[];
  /** Makes the next RUN fail with this FAILURE without running it. Calls queue up. */
  failNext(code: string, message: string): void;
  /** Closes every connection and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts a Bolt 5.0 server on 127.0.0.1 on a free port, answering with `engine`.
 *
 * @param options the engine and the credentials HELLO must carry.
 * @returns the running server; `close()` it in `afterAll`.
 * @example
 * const engine = createCypherEngine();
 * const server = await startBoltTestServer({ engine, user: 'neo4j', password: 's3cret' });
 * const driver = neo4j.driver(server.uri, neo4j.auth.basic('neo4j', 's3cret'));
 * await driver.executeQuery('CREATE (:Identifier {key: $key})', { key: 'email:a' });
 * await driver.close(); await server.close(); engine.close();
 */
export async function startBoltTestServer(options: BoltTestServerOptions): Promise<BoltTestServer> {
  const state: ServerState = {
    options,
    messages: [],
    transactions: [],
    failures: [],
    connections: new Set(),
    nextConnectionId: 1,
    nextBookmark: 1,
  };
  const server: Server = createServer((socket) => {
    const connection = new BoltConnection(socket, state, state.nextConnectionId++);
    state.connections.add(connection);
    socket.on('close', () => {
      connection.dropped();
      state.connections.delete(connection);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    port,
    get messages() {
      return [...state.messages];
    },
    get transactions() {
      return state.transactions.map((t) => ({ ...t, queries: [...t.queries] }));
    },
    failNext(code, message) {
      state.failures.push({ code, message });
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const connection of state.connections) connection.destroy();
      await closed;
    },
  };
}

interface ServerState {
  readonly options: BoltTestServerOptions;
  readonly messages: RecordedMessage[];
  readonly transactions: MutableTransaction[];
  readonly failures: Failure[];
  readonly connections: Set<BoltConnection>;
  nextConnectionId: number;
  nextBookmark: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MutableTransaction = Mutable<Omit<RecordedTransaction, 'queries'>> & { queries: RecordedQuery[] };

interface Failure {
  readonly code: string;
  readonly message: string;
}

interface OpenTransaction {
  readonly engineTx: CypherTransaction;
  readonly record: MutableTransaction;
  nextQid: number;
}

/** A result waiting for PULL or DISCARD. */
interface PendingResult {
  readonly result: CypherResult;
  readonly query: string;
  readonly database: string | null;
  readonly autoCommit: boolean;
  next: number;
}

/** Thrown inside a handler to answer FAILURE. */
class BoltFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

class BoltConnection {
  private phase: 'handshake' | 'open' | 'closed' = 'handshake';
  private authenticated = false;
  private failed = false;
  private pending: Buffer = Buffer.alloc(0);
  private messageParts: Buffer[] = [];
  private readonly queue: PackStruct[] = [];
  private processing = false;
  private tx: OpenTransaction | null = null;
  private readonly results = new Map<number, PendingResult>();
  private lastQid = -1;

  constructor(
    private readonly socket: Socket,
    private readonly server: ServerState,
    private readonly id: number,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (data) => this.receive(data));
    // A client that drops the connection (ECONNRESET) is normal here; 'close' follows.
    socket.on('error', () => undefined);
  }

  private isClosed(): boolean {
    return this.phase === 'closed' || this.socket.destroyed;
  }

  destroy(): void {
    this.phase = 'closed';
    this.socket.destroy();
  }

  /** The socket closed: an open transaction is rolled back, as a server does. */
  dropped(): void {
    this.phase = 'closed';
    this.rollbackOpenTransaction();
  }

  private receive(data: Buffer): void {
    if (this.phase === 'closed') return;
    this.pending = this.pending.length === 0 ? data : Buffer.concat([this.pending, data]);
    if (this.phase === 'handshake') {
      if (this.pending.length < 20) return;
      const chosen = chooseVersion(this.pending.subarray(0, 20));
      this.pending = this.pending.subarray(20);
      if (chosen === null) {
        this.socket.end(Buffer.alloc(4));
        this.phase = 'closed';
        return;
      }
      this.socket.write(Buffer.of(0, 0, chosen.minor, chosen.major));
      this.phase = 'open';
    }
    try {
      this.readChunks();
    } catch {
      // Not Bolt: drop the connection rather than crash the test process.
      this.destroy();
      return;
    }
    void this.process();
  }

  private readChunks(): void {
    let buf = this.pending;
    while (buf.length >= 2) {
      const size = buf.readUInt16BE(0);
      if (buf.length < 2 + size) break;
      if (size === 0) {
        // End of message; an empty message is a NOOP keep-alive.
        if (this.messageParts.length > 0) {
          const message = unpack(Buffer.concat(this.messageParts));
          this.messageParts = [];
          if (!(message instanceof PackStruct)) throw new RangeError('a Bolt message must be a struct');
          this.queue.push(message);
        }
      } else {
        this.messageParts.push(buf.subarray(2, 2 + size));
      }
      buf = buf.subarray(2 + size);
    }
    this.pending = buf;
  }

  /** Handles queued messages one at a time, in order: pipelined RUN + PULL stay in order. */
  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let message = this.queue.shift(); message; message = this.queue.shift()) {
        if (this.isClosed()) return;
        const replies = await this.handle(message);
        if (!this.isClosed()) this.socket.write(chunk(replies));
        if (CLIENT_TAGS[message.tag as keyof typeof CLIENT_TAGS] === 'GOODBYE') this.destroy();
      }
    } finally {
      this.processing = false;
    }
  }

  private async handle(message: PackStruct): Promise<PackStruct[]> {
    const type: BoltMessageType = CLIENT_TAGS[message.tag as keyof typeof CLIENT_TAGS] ?? 'UNKNOWN';
    this.server.messages.push({ type, fields: redact(type, message.fields), connection: this.id });
    if (type === 'GOODBYE') {
      this.rollbackOpenTransaction();
      return [];
    }
    if (type === 'RESET') {
      this.rollbackOpenTransaction();
      this.results.clear();
      this.failed = false;
      return [success({})];
    }
    if (this.failed) return [new PackStruct(IGNORED, [])];
    try {
      return await this.dispatch(type, message.fields);
    } catch (error) {
      const failure =
        error instanceof BoltFailure ? error : new BoltFailure('Neo.DatabaseError.General.UnknownError', String(error));
      this.failed = true;
      if (this.tx) this.tx.record.error ??= { code: failure.code, message: failure.message };
      const reply = new PackStruct(FAILURE, [{ code: failure.code, message: failure.message }]);
      if (type === 'HELLO' || type === 'LOGON') {
        // A server closes the connection after a failed authentication.
        this.socket.end(chunk([reply]));
        this.phase = 'closed';
        return [];
      }
      return [reply];
    }
  }

  private async dispatch(type: BoltMessageType, fields: readonly PackValue[]): Promise<PackStruct[]> {
    if (type === 'HELLO' || type === 'LOGON') {
      this.authenticate(asMap(fields[0]));
      if (type === 'LOGON') return [success({})];
      return [success({ server: this.server.options.agent ?? 'Neo4j/5.0.0', connection_id: `bolt-${this.id}`, hints: {} })];
    }
    if (!this.authenticated) throw new BoltFailure('Neo.ClientError.Request.Invalid', `${type} before HELLO`);
    switch (type) {
      case 'BEGIN':
        return this.begin(asMap(fields[0]));
      case 'RUN':
        return this.run(fields);
      case 'PULL':
        return this.stream(asMap(fields[0]), true);
      case 'DISCARD':
        return this.stream(asMap(fields[0]), false);
      case 'COMMIT':
        return this.commit();
      case 'ROLLBACK':
        return this.rollback();
      case 'TELEMETRY':
        return [success({})];
      default:
        throw new BoltFailure('Neo.ClientError.Request.Invalid', `the Bolt test server does not support ${type}`);
    }
  }

  private authenticate(auth: { readonly [key: string]: PackValue }): void {
    const { user, password } = this.server.options;
    if (auth['scheme'] !== 'basic' || auth['principal'] !== user || auth['credentials'] !== password) {
      throw new BoltFailure(
        'Neo.ClientError.Security.Unauthorized',
        'The client is unauthorized due to authentication failure.',
      );
    }
    this.authenticated = true;
  }

  private begin(extra: { readonly [key: string]: PackValue }): PackStruct[] {
    if (this.tx) throw new BoltFailure('Neo.ClientError.Request.Invalid', 'a transaction is already open');
    const record: MutableTransaction = {
      mode: 'explicit',
      database: databaseOf(extra),
      accessMode: extra['mode'] === 'r' ? 'read' : 'write',
      queries: [],
      outcome: 'open',
      connection: this.id,
    };
    this.server.transactions.push(record);
    this.tx = { engineTx: this.server.options.engine.begin(), record, nextQid: 0 };
    this.results.clear();
    return [success({})];
  }

  private async run(fields: readonly PackValue[]): Promise<PackStruct[]> {
    const [query, params, extra] = fields;
    if (typeof query !== 'string') throw new BoltFailure('Neo.ClientError.Request.Invalid', 'RUN needs a query string');
    const parameters = asMap(params ?? {});
    const meta = asMap(extra ?? {});
    const recorded: RecordedQuery = { query, params: parameters };
    const tx = this.tx;
    let auto: MutableTransaction | null = null;
    if (tx) {
      tx.record.queries.push(recorded);
    } else {
      auto = {
        mode: 'auto',
        database: databaseOf(meta),
        accessMode: meta['mode'] === 'r' ? 'read' : 'write',
        queries: [recorded],
        outcome: 'open',
        connection: this.id,
      };
      this.server.transactions.push(auto);
    }
    let result: CypherResult;
    try {
      const injected = this.server.failures.shift();
      if (injected) throw new BoltFailure(injected.code, injected.message);
      assertNoStructs(parameters);
      result = tx ? await tx.engineTx.run(query, parameters) : await this.server.options.engine.run(query, parameters);
    } catch (error) {
      const failure = toBoltFailure(error);
      if (auto) {
        auto.outcome = 'rolled_back';
        auto.error = { code: failure.code, message: failure.message };
      }
      throw failure;
    }
    if (auto) auto.outcome = 'committed';
    const qid = tx ? tx.nextQid++ : -1;
    this.lastQid = qid;
    const database = tx ? tx.record.database : (auto?.database ?? null);
    this.results.set(qid, { result, query, database, autoCommit: !tx, next: 0 });
    return [success(tx ? { fields: result.fields, t_first: 0, qid } : { fields: result.fields, t_first: 0 })];
  }

  private stream(extra: { readonly [key: string]: PackValue }, pull: boolean): PackStruct[] {
    const n = typeof extra['n'] === 'number' ? extra['n'] : -1;
    const requested = typeof extra['qid'] === 'number' ? extra['qid'] : -1;
    const qid = requested === -1 ? this.lastQid : requested;
    const pending = this.results.get(qid);
    if (!pending) throw new BoltFailure('Neo.ClientError.Request.Invalid', `no result to ${pull ? 'PULL' : 'DISCARD'}`);
    const { rows } = pending.result;
    const end = n < 0 ? rows.length : Math.min(rows.length, pending.next + n);
    const replies: PackStruct[] = [];
    if (pull) for (let i = pending.next; i < end; i++) replies.push(new PackStruct(RECORD, [rows[i] as PackValue[]]));
    pending.next = pull ? end : rows.length;
    if (pending.next < rows.length) {
      replies.push(success({ has_more: true }));
      return replies;
    }
    this.results.delete(qid);
    const summary: Record<string, PackValue> = {
      type: queryType(pending.query, pending.result),
      t_last: 0,
      db: pending.database ?? 'neo4j',
    };
    const stats = toBoltStats(pending.result.stats);
    if (stats) summary['stats'] = stats;
    if (pending.autoCommit) summary['bookmark'] = this.newBookmark();
    replies.push(success(summary));
    return replies;
  }

  private commit(): PackStruct[] {
    const tx = this.requireTransaction('COMMIT');
    this.tx = null;
    this.results.clear();
    try {
      tx.engineTx.commit();
    } catch (error) {
      tx.engineTx.rollback();
      tx.record.outcome = 'rolled_back';
      const failure = toBoltFailure(error);
      tx.record.error = { code: failure.code, message: failure.message };
      throw failure;
    }
    tx.record.outcome = 'committed';
    return [success({ bookmark: this.newBookmark() })];
  }

  private rollback(): PackStruct[] {
    this.requireTransaction('ROLLBACK');
    this.rollbackOpenTransaction();
    return [success({})];
  }

  private requireTransaction(type: string): OpenTransaction {
    if (!this.tx) throw new BoltFailure('Neo.ClientError.Request.Invalid', `${type} without a transaction`);
    return this.tx;
  }

  private rollbackOpenTransaction(): void {
    const tx = this.tx;
    if (!tx) return;
    this.tx = null;
    this.results.clear();
    tx.record.outcome = 'rolled_back';
    try {
      tx.engineTx.rollback();
    } catch {
      // A query of this transaction is still running (the socket closed under it): the
      // engine drops the transaction with the engine.
    }
  }

  private newBookmark(): string {
    return `idgraph-test:bookmark:${this.server.nextBookmark++}`;
  }
}

/** Picks Bolt 5.0 from the four proposals, or null when the client offers no 5.x range that holds 5.0. */
function chooseVersion(handshake: Buffer): { major: number; minor: number } | null {
  if (handshake.readUInt32BE(0) !== MAGIC) return null;
  for (let offset = 4; offset < 20; offset += 4) {
    const range = handshake[offset + 1] as number;
    const minor = handshake[offset + 2] as number;
    const major = handshake[offset + 3] as number;
    if (major === 5 && minor - range <= 0) return { major: 5, minor: 0 };
  }
  return null;
}

/** Messages → chunks of at most 65,535 bytes, each message ended by `00 00`. */
function chunk(messages: readonly PackStruct[]): Buffer {
  const parts: Buffer[] = [];
  for (const message of messages) {
    const body = pack(message);
    for (let offset = 0; offset < body.length; offset += MAX_CHUNK) {
      const piece = body.subarray(offset, offset + MAX_CHUNK);
      const header = Buffer.alloc(2);
      header.writeUInt16BE(piece.length, 0);
      parts.push(header, piece);
    }
    parts.push(Buffer.alloc(2));
  }
  return Buffer.concat(parts);
}

function success(metadata: Record<string, PackValue>): PackStruct {
  return new PackStruct(SUCCESS, [metadata]);
}

function asMap(value: PackValue | undefined): { readonly [key: string]: PackValue } {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof PackStruct || value instanceof Uint8Array) {
    throw new BoltFailure('Neo.ClientError.Request.Invalid', 'expected a map');
  }
  return value as { readonly [key: string]: PackValue };
}

function databaseOf(extra: { readonly [key: string]: PackValue }): string | null {
  return typeof extra['db'] === 'string' ? extra['db'] : null;
}

/** HELLO and LOGON carry the password: never record it. */
function redact(type: BoltMessageType, fields: readonly PackValue[]): readonly PackValue[] {
  if (type !== 'HELLO' && type !== 'LOGON') return fields;
  return fields.map((field, index) => {
    if (index !== 0 || field === null || typeof field !== 'object' || Array.isArray(field)) return field;
    const copy: Record<string, PackValue> = { ...(field as Record<string, PackValue>) };
    if ('credentials' in copy) copy['credentials'] = REDACTED;
    return copy;
  });
}

/** Temporal and spatial parameters arrive as structs; the engine cannot take them. */
function assertNoStructs(value: unknown): void {
  if (value instanceof PackStruct) {
    throw new BoltFailure(
      'Neo.ClientError.Statement.TypeError',
      `the Bolt test server does not accept struct parameters (tag 0x${value.tag.toString(16)}): pass strings or numbers`,
    );
  }
  if (Array.isArray(value)) value.forEach(assertNoStructs);
  else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) Object.values(value).forEach(assertNoStructs);
}

/**
 * The Neo4j status code a Neo4j server would give for an engine error, from grafeo's GQLSTATUS.
 * `Neo.ClientError.*` is never retried by the driver; `Neo.TransientError.*` is.
 */
export function neo4jCodeFor(error: CypherEngineError): string {
  const status = error.gqlStatus ?? '';
  if (status === 'G2000' || /constraint violation/i.test(error.message)) return 'Neo.ClientError.Schema.ConstraintValidationFailed';
  if (/missing parameter/i.test(error.message)) return 'Neo.ClientError.Statement.ParameterMissing';
  if (/unknown procedure/i.test(error.message)) return 'Neo.ClientError.Procedure.ProcedureNotFound';
  // Neo4j reports semantic errors (undefined variable, unknown function) as SyntaxError too.
  if (status.startsWith('42')) return 'Neo.ClientError.Statement.SyntaxError';
  if (status === '22012' || status === '22003') return 'Neo.ClientError.Statement.ArithmeticError';
  if (status.startsWith('40')) return 'Neo.TransientError.Transaction.DeadlockDetected';
  return 'Neo.ClientError.Statement.ExecutionFailed';
}

function toBoltFailure(error: unknown): BoltFailure {
  if (error instanceof BoltFailure) return error;
  if (error instanceof CypherEngineError) return new BoltFailure(neo4jCodeFor(error), error.message);
  return new BoltFailure('Neo.DatabaseError.General.UnknownError', error instanceof Error ? error.message : String(error));
}

const STAT_KEYS: ReadonlyArray<readonly [keyof CypherWriteStats, string]> = [
  ['nodesCreated', 'nodes-created'],
  ['nodesDeleted', 'nodes-deleted'],
  ['relationshipsCreated', 'relationships-created'],
  ['relationshipsDeleted', 'relationships-deleted'],
  ['propertiesSet', 'properties-set'],
  ['labelsAdded', 'labels-added'],
  ['labelsRemoved', 'labels-removed'],
];

/** Neo4j sends only the non-zero counters, under hyphenated keys; none at all for a pure read. */
function toBoltStats(stats: CypherWriteStats): Record<string, PackValue> | null {
  const out: Record<string, PackValue> = {};
  for (const [key, wire] of STAT_KEYS) if (stats[key] > 0) out[wire] = stats[key];
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * The query type in the PULL summary. Neo4j takes it from the plan; this approximates it from
 * the text: `s` for schema commands, `w`/`rw` when a write clause appears, else `r`.
 */
function queryType(query: string, result: CypherResult): 'r' | 'w' | 'rw' | 's' {
  if (/^\s*(CREATE|DROP)\s+(\w+\s+)?(CONSTRAINT|INDEX)\b/i.test(query)) return 's';
  if (/\b(CREATE|MERGE|SET|DELETE|REMOVE|FOREACH)\b/i.test(query)) return result.fields.length > 0 ? 'rw' : 'w';
  return 'r';
}
