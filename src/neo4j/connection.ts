// Where and how idgraph connects to Neo4j: settings from the environment (and flags), and the driver.
import neo4j, { type Driver } from 'neo4j-driver';
import { errors } from '../errors/index.js';

/** The environment variables idgraph reads for Neo4j. Credentials come only from here, never from argv. */
export const NEO4J_ENV = {
  uri: 'NEO4J_URI',
  user: 'NEO4J_USER',
  password: 'NEO4J_PASSWORD',
  database: 'NEO4J_DATABASE',
  connectionTimeout: 'NEO4J_CONNECTION_TIMEOUT_MS',
  maxRetryTime: 'NEO4J_MAX_RETRY_TIME_MS',
} as const;

/** How long to wait for a TCP connection / Bolt handshake before calling the server unreachable. */
export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
/**
 * How long the driver retries a transaction after a transient error (deadlock, leader switch).
 * NOTE: short on purpose: the driver also retries an unreachable server this long, and a batch
 * export wants to fail fast and say so rather than hang.
 */
export const DEFAULT_MAX_RETRY_TIME_MS = 10_000;

export interface Neo4jSettings {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  readonly connectionTimeoutMs: number;
  readonly maxRetryTimeMs: number;
}

/** Flags that override the environment (milliseconds). */
export interface Neo4jOverrides {
  readonly connectionTimeoutMs?: number | undefined;
  readonly maxRetryTimeMs?: number | undefined;
}

/**
 * Reads the Neo4j settings from `env`; NEO4J_URI and NEO4J_PASSWORD are required, NEO4J_USER
 * defaults to neo4j, NEO4J_DATABASE to neo4j.
 *
 * @param env the environment (process.env, or a test's own).
 * @param overrides timeouts from command-line flags, which win over the environment.
 * @param command the command name for messages, e.g. `export neo4j`.
 * @throws IdgraphError USAGE when a required variable is missing or a timeout is not a number.
 */
export function neo4jSettings(env: NodeJS.ProcessEnv, overrides: Neo4jOverrides, command: string): Neo4jSettings {
  const required = (variable: string): string => {
    const value = env[variable];
    if (value === undefined || value === '') throw errors.neo4jNotConfigured(variable, command);
    return value;
  };
  const uri = required(NEO4J_ENV.uri);
  const password = required(NEO4J_ENV.password);
  return {
    uri,
    user: env[NEO4J_ENV.user] || 'neo4j',
    password,
    database: env[NEO4J_ENV.database] || 'neo4j',
    connectionTimeoutMs:
      overrides.connectionTimeoutMs ?? milliseconds(env[NEO4J_ENV.connectionTimeout], NEO4J_ENV.connectionTimeout, DEFAULT_CONNECTION_TIMEOUT_MS),
    maxRetryTimeMs: overrides.maxRetryTimeMs ?? milliseconds(env[NEO4J_ENV.maxRetryTime], NEO4J_ENV.maxRetryTime, DEFAULT_MAX_RETRY_TIME_MS),
  };
}

/**
 * Parses a duration in milliseconds (a whole number ≥ 0) from a flag or variable.
 * @throws IdgraphError USAGE naming `name` when it is not one.
 */
export function milliseconds(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw errors.usage(`${name} must be a whole number of milliseconds`);
  return value;
}

/** The URI as shown in messages: no user info, query or fragment (a URI may carry credentials). */
export function displayUri(uri: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)(?:[^/?#]*@)?([^/?#]*)/i.exec(uri.trim());
  return match ? `${match[1]}${match[2]}` : '(NEO4J_URI)';
}

/**
 * Creates a driver for `settings` (it connects lazily: call verifyConnectivity first).
 * @throws IdgraphError USAGE when NEO4J_URI is not a URI the driver accepts.
 */
export function openDriver(settings: Neo4jSettings): Driver {
  try {
    return neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
      connectionTimeout: settings.connectionTimeoutMs,
      maxTransactionRetryTime: settings.maxRetryTimeMs,
      connectionAcquisitionTimeout: Math.max(settings.connectionTimeoutMs, 1_000) * 2,
      userAgent: 'idgraph/0.1.0',
    });
  } catch {
    throw errors.neo4jUriInvalid(displayUri(settings.uri));
  }
}
