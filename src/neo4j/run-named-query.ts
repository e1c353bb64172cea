// Runs one named query on the configured Neo4j and returns its rows as plain values.
import neo4j from 'neo4j-driver';
import { openDriver, type Neo4jSettings } from './connection.js';
import { driverFailure } from './driver-errors.js';
import type { NamedQuery } from './named-queries.js';
import { toPlain, type PlainValue } from './plain-values.js';

export interface QueryRows {
  /** Column names in RETURN order. */
  readonly fields: readonly string[];
  /** One object per row, keyed by column. */
  readonly rows: readonly Record<string, PlainValue>[];
}

/**
 * Runs `query` with `params` as a read (routed to a reader in a cluster) on `settings.database`.
 *
 * @param settings server, credentials, database and timeouts.
 * @param query a named query of graph/queries.
 * @param params typed parameters (see bindParams).
 * @returns the columns and rows, with driver values turned into plain ones.
 * @throws IdgraphError NEO4J_CONNECTION, NEO4J_AUTH or NEO4J_QUERY (see driver-errors.ts).
 */
export async function runNamedQuery(settings: Neo4jSettings, query: NamedQuery, params: Record<string, unknown>): Promise<QueryRows> {
  const driver = openDriver(settings);
  try {
    try {
      await driver.verifyConnectivity({ database: settings.database });
      const { keys, records } = await driver.executeQuery(query.statement, params, {
        database: settings.database,
        routing: neo4j.routing.READ,
      });
      const fields = keys.map(String);
      return { fields, rows: records.map((record) => Object.fromEntries(fields.map((field) => [field, toPlain(record.get(field))]))) };
    } catch (error) {
      throw driverFailure(error, settings, `the named query ${query.name} (graph/queries/${query.name}.cypher)`);
    }
  } finally {
    await driver.close().catch(() => undefined);
  }
}
