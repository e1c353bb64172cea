// Turns what neo4j-driver throws into one IdgraphError line: which server, what failed, what to check.
import { Neo4jError, error as neo4jErrorCodes } from 'neo4j-driver';
import { errors, isIdgraphError, type IdgraphError } from '../errors/index.js';
import { displayUri, type Neo4jSettings } from './connection.js';

/**
 * Status codes whose server message names only the query text (ours, with parameters, never
 * data values), so it may be shown. Other messages can quote stored values (a constraint
 * violation names the duplicate key), so they are not.
 */
const MESSAGE_IS_SAFE = new Set([
  'Neo.ClientError.Statement.SyntaxError',
  'Neo.ClientError.Statement.ParameterMissing',
  'Neo.ClientError.Procedure.ProcedureNotFound',
  'Neo.ClientError.Statement.NotSystemDatabaseError',
]);

/**
 * Classifies a failure of the driver. Errors classified by code (as the driver does), never by
 * parsing message text.
 *
 * @param error what the driver threw.
 * @param settings the connection, for the URI (shown without credentials), user and database.
 * @param what what was being done, e.g. `the load statement graph/load/identifiers.cypher`.
 * @returns an IdgraphError: NEO4J_CONNECTION (exit 1) for an unreachable server or a missing
 *   database, NEO4J_AUTH (exit 1) for refused credentials, NEO4J_QUERY (exit 2) for a query the
 *   server failed. Anything that is not a Neo4jError is returned as is (an IdgraphError) or
 *   rethrown (a bug).
 */
export function driverFailure(error: unknown, settings: Neo4jSettings, what: string): IdgraphError {
  if (isIdgraphError(error)) return error;
  if (!(error instanceof Neo4jError)) throw error;
  const uri = displayUri(settings.uri);
  const code = error.code;
  if (code === neo4jErrorCodes.SERVICE_UNAVAILABLE || code === neo4jErrorCodes.SESSION_EXPIRED) {
    return errors.neo4jUnreachable(uri, connectionCause(error.message, settings), settings.connectionTimeoutMs);
  }
  if (code.startsWith('Neo.ClientError.Security.')) return errors.neo4jAuth(uri, settings.user, code);
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') return errors.neo4jDatabase(uri, settings.database);
  let detail: string;
  if (code === 'Neo.ClientError.Procedure.ProcedureNotFound') {
    detail = `${firstLine(error.message, settings)}; a gds.* procedure needs the Neo4j Graph Data Science plugin on the server`;
  } else if (MESSAGE_IS_SAFE.has(code)) {
    detail = firstLine(error.message, settings);
  } else {
    detail = "the server's message is not shown because it can quote data values; see the server's query log";
  }
  return errors.neo4jQuery(uri, what, code || 'no status code', detail);
}

/**
 * The first non-blank line, at most 300 characters, with any URI user info removed and the
 * password masked should it appear (a driver message may echo the URI).
 */
function firstLine(text: string, settings: Neo4jSettings): string {
  const line = (text.split('\n').find((part) => part.trim().length > 0) ?? '').trim().slice(0, 300);
  const withoutUserInfo = line.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s]*@/gi, '$1');
  // NOTE: a very short password would also match ordinary words; those cannot be masked blindly.
  const masked = settings.password.length >= 6 ? withoutUserInfo.split(settings.password).join('***') : withoutUserInfo;
  return masked || 'no detail';
}

/**
 * Why the driver could not connect, short: the socket error after "Caused by:" when there is
 * one (`connect ECONNREFUSED 127.0.0.1:7687`), else the first sentence.
 */
function connectionCause(text: string, settings: Neo4jSettings): string {
  const line = firstLine(text, settings);
  const cause = /Caused by: (.+)$/.exec(line);
  if (cause) return cause[1]!.trim();
  const sentence = /^(.+?)\.(?: |$)/.exec(line);
  return sentence ? sentence[1]! : line;
}
