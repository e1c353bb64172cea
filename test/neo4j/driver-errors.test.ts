// Classifying neo4j-driver errors by code into one IdgraphError line.
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, test } from 'vitest';
import { driverFailure } from '../../src/neo4j/driver-errors.js';
import { IdgraphError } from '../../src/errors/index.js';
import type { Neo4jSettings } from '../../src/neo4j/connection.js';

const settings: Neo4jSettings = {
  uri: 'neo4j://analyst:Secret-123@db.example:7687',
  user: 'analyst',
  password: 'Secret-123',
  database: 'identity',
  connectionTimeoutMs: 1500,
  maxRetryTimeMs: 100,
};

const neo4jError = (code: string, message: string) => new Neo4jError(message, code as never, 'GQL00', 'description');

describe('driverFailure', () => {
  describe('should pass through what is not a driver error', () => {
    test('for an IdgraphError: the same object', () => {
      const error = new IdgraphError('USAGE', 'x');
      expect(driverFailure(error, settings, 'work')).toBe(error);
    });

    test('for anything else: rethrown (a bug, exit 2 by main)', () => {
      const bug = new TypeError('boom');
      expect(() => driverFailure(bug, settings, 'work')).toThrow(bug);
    });
  });

  describe('should classify by code', () => {
    test.each([
      [
        'ServiceUnavailable',
        'Failed to connect to server. Please ensure… Caused by: connect ECONNREFUSED 10.0.0.1:7687',
        'NEO4J_CONNECTION',
        'cannot reach Neo4j at neo4j://db.example:7687 (connect ECONNREFUSED 10.0.0.1:7687); check NEO4J_URI, that the server is running and that its Bolt port is open (waited 1500 ms; see --connection-timeout)',
      ],
      [
        'SessionExpired',
        'Could not perform discovery. Known routing table: neo4j://analyst:Secret-123@db.example:7687',
        'NEO4J_CONNECTION',
        'cannot reach Neo4j at neo4j://db.example:7687 (Could not perform discovery); check NEO4J_URI, that the server is running and that its Bolt port is open (waited 1500 ms; see --connection-timeout)',
      ],
      [
        'Neo.ClientError.Security.Unauthorized',
        'The client is unauthorized due to authentication failure.',
        'NEO4J_AUTH',
        'Neo4j at neo4j://db.example:7687 refused the credentials of user "analyst" (Neo.ClientError.Security.Unauthorized); check NEO4J_USER and NEO4J_PASSWORD',
      ],
      [
        'Neo.ClientError.Security.AuthenticationRateLimit',
        'too many attempts',
        'NEO4J_AUTH',
        'Neo4j at neo4j://db.example:7687 refused the credentials of user "analyst" (Neo.ClientError.Security.AuthenticationRateLimit); check NEO4J_USER and NEO4J_PASSWORD',
      ],
      [
        'Neo.ClientError.Database.DatabaseNotFound',
        'Database does not exist. Database name: identity.',
        'NEO4J_CONNECTION',
        'Neo4j at neo4j://db.example:7687 has no database "identity"; check NEO4J_DATABASE (default neo4j)',
      ],
      [
        'Neo.ClientError.Statement.SyntaxError',
        "Invalid input 'RETRUN': expected … (line 3, column 1 (offset: 40))\n\"RETRUN n\"\n ^",
        'NEO4J_QUERY',
        "Neo4j at neo4j://db.example:7687 failed work (Neo.ClientError.Statement.SyntaxError): Invalid input 'RETRUN': expected … (line 3, column 1 (offset: 40))",
      ],
      [
        'Neo.ClientError.Procedure.ProcedureNotFound',
        'There is no procedure with the name `gds.wcc.stream` registered for this database instance.',
        'NEO4J_QUERY',
        'Neo4j at neo4j://db.example:7687 failed work (Neo.ClientError.Procedure.ProcedureNotFound): There is no procedure with the name `gds.wcc.stream` registered for this database instance.; a gds.* procedure needs the Neo4j Graph Data Science plugin on the server',
      ],
      [
        'Neo.ClientError.Schema.ConstraintValidationFailed',
        "Node(3) already exists with label `Identifier` and property `key` = 'email:anna@example.org'",
        'NEO4J_QUERY',
        "Neo4j at neo4j://db.example:7687 failed work (Neo.ClientError.Schema.ConstraintValidationFailed): the server's message is not shown because it can quote data values; see the server's query log",
      ],
    ])('for %s', (code, message, idgraphCode, text) => {
      const failure = driverFailure(neo4jError(code, message), settings, 'work');
      expect({ code: failure.code, message: failure.message }).toStrictEqual({ code: idgraphCode, message: text });
      expect(failure.message).not.toContain('Secret-123');
    });
  });
});
