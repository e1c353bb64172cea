// `idgraph export neo4j` when things go wrong: one clear line, the right exit code, no stack
// trace, never the password, and nothing half-done hidden.
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { exportToNeo4j } from '../../src/neo4j/export.js';
import { neo4jSettings } from '../../src/neo4j/connection.js';
import { IdgraphError } from '../../src/errors/index.js';
import { cli, engineRows, PASSWORD, resolvedRun, spawnCli, startTestNeo4j, type CliResult, type ResolvedRun, type TestNeo4j } from './neo4j-fixture.js';

let run: ResolvedRun;
let neo: TestNeo4j;

beforeAll(async () => {
  run = await resolvedRun(30, 7);
});

afterAll(async () => {
  await run?.remove();
});

beforeEach(async () => {
  neo = await startTestNeo4j();
});

afterEach(async () => {
  await neo.close();
});

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** One line on stderr, nothing on stdout, no stack frame, no password. */
function expectOneLine(result: CliResult, code: number, pattern: RegExp): void {
  expect({ code: result.code, stdout: result.stdout }).toStrictEqual({ code, stdout: '' });
  const lines = result.stderr.trimEnd().split('\n').filter((line) => !line.startsWith('export neo4j: '));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toContain(PASSWORD);
}

async function nodeCount(): Promise<number> {
  return Number((await engineRows(neo.engine, 'MATCH (n) RETURN count(n) AS c'))[0]!['c']);
}

describe('idgraph export neo4j', () => {
  describe('should exit 1 before connecting when the setup is wrong', () => {
    test.each([
      ['no NEO4J_URI', { NEO4J_PASSWORD: PASSWORD }, /^idgraph: export neo4j needs the environment variable NEO4J_URI; set NEO4J_URI \(e\.g\. neo4j:\/\/localhost:7687\)/],
      ['no NEO4J_PASSWORD', { NEO4J_URI: 'bolt://127.0.0.1:1' }, /^idgraph: export neo4j needs the environment variable NEO4J_PASSWORD;/],
      ['an http:// URI', { NEO4J_URI: 'http://neo4j:secret@db.example:7474', NEO4J_PASSWORD: PASSWORD }, /^idgraph: NEO4J_URI http:\/\/db\.example:7474: not a Neo4j URI; use bolt:\/\/host:7687/],
      ['a bad timeout', { NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: PASSWORD, NEO4J_CONNECTION_TIMEOUT_MS: 'soon' }, /^idgraph: NEO4J_CONNECTION_TIMEOUT_MS must be a whole number of milliseconds$/],
    ])('for %s', async (_case, env, pattern) => {
      const result = await cli(['export', 'neo4j', run.dir], env);
      expectOneLine(result, 1, pattern);
      expect(result.stderr).not.toContain('secret');
      expect(neo.server.messages).toStrictEqual([]);
    });

    test.each([
      [['--batch-size', '0'], /^idgraph: --batch-size must be a whole number of at least 1$/],
      [['--batch-size', '1.5'], /^idgraph: --batch-size must be a whole number of at least 1$/],
      [['--connection-timeout', '-1'], /^idgraph: --connection-timeout must be a whole number of milliseconds$/],
    ])('for %j', async (flags, pattern) => {
      expectOneLine(await cli(['export', 'neo4j', run.dir, ...flags], neo.env), 1, pattern);
      expect(neo.server.messages).toStrictEqual([]);
    });

    test('for a directory that is not a run: RUN_DIR_INVALID, the server never contacted', async () => {
      expectOneLine(await cli(['export', 'neo4j', `${run.dir}-missing`], neo.env), 1, /^idgraph: .*-missing: not an idgraph run directory \(no such directory\)/);
      expect(neo.server.messages).toStrictEqual([]);
    });
  });

  describe('should exit 1 with one line for connection and authentication problems', () => {
    test('for an unreachable server: ServiceUnavailable, the URI without credentials, within the timeout', async () => {
      const port = await closedPort();
      const started = Date.now();
      const result = await cli(['export', 'neo4j', run.dir, '--connection-timeout', '1000', '--max-retry-time', '500'], {
        ...neo.env,
        NEO4J_URI: `bolt://neo4j:${PASSWORD}@127.0.0.1:${port}`,
      });
      expectOneLine(result, 1, new RegExp(`^idgraph: cannot reach Neo4j at bolt://127\\.0\\.0\\.1:${port} \\(.+\\); check NEO4J_URI, that the server is running and that its Bolt port is open \\(waited 1000 ms; see --connection-timeout\\)$`));
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    test('for a wrong password: Unauthorized, naming the user and the variables to check, neither password shown', async () => {
      const result = await cli(['export', 'neo4j', run.dir], { ...neo.env, NEO4J_PASSWORD: 'wrong-Zk9-password' });
      expectOneLine(result, 1, /^idgraph: Neo4j at bolt:\/\/127\.0\.0\.1:\d+ refused the credentials of user "neo4j" \(Neo\.ClientError\.Security\.Unauthorized\); check NEO4J_USER and NEO4J_PASSWORD$/);
      expect(result.stderr).not.toContain('wrong-Zk9-password');
      expect(JSON.stringify(neo.server.messages)).not.toContain('wrong-Zk9-password');
      expect(await nodeCount()).toBe(0);
    });

    test('for a database the server does not have: exit 1 naming NEO4J_DATABASE', async () => {
      neo.server.failNext('Neo.ClientError.Database.DatabaseNotFound', 'Database does not exist. Database name: \'crm\'.');
      const result = await cli(['export', 'neo4j', run.dir], { ...neo.env, NEO4J_DATABASE: 'crm' });
      expectOneLine(result, 1, /^idgraph: Neo4j at bolt:\/\/127\.0\.0\.1:\d+ has no database "crm"; check NEO4J_DATABASE \(default neo4j\)$/);
    });

    test('for the real binary, spawned with a wrong password: the same line, exit 1', async () => {
      const result = await spawnCli(['export', 'neo4j', run.dir], { ...neo.env, NEO4J_PASSWORD: 'wrong-Zk9-password' });
      expectOneLine(result, 1, /^idgraph: Neo4j at bolt:\/\/127\.0\.0\.1:\d+ refused the credentials of user "neo4j"/);
      expect(result.stderr).not.toContain('wrong-Zk9-password');
    });
  });

  describe('should exit 2 with one line for a query the server fails', () => {
    test('for a syntax error in the schema: the statement named, the server message shown (it quotes only our query)', async () => {
      neo.server.failNext('Neo.ClientError.Statement.SyntaxError', 'Invalid input \'CREATE\' (line 1, column 1)');
      const result = await cli(['export', 'neo4j', run.dir], neo.env);
      expectOneLine(result, 2, /^idgraph: Neo4j at bolt:\/\/127\.0\.0\.1:\d+ failed statement 1 of graph\/schema\.cypher \(Neo\.ClientError\.Statement\.SyntaxError\): Invalid input 'CREATE' \(line 1, column 1\)$/);
      expect(await nodeCount()).toBe(0);
    });

    test('for a failure in a data batch: the load statement named, the server message withheld (it can quote data)', async () => {
      const leaking = "Node(7) already exists with label `Identifier` and property `key` = 'email:anna.private@example.org'";
      const settings = neo4jSettings(neo.env, {}, 'export neo4j');
      const error = await exportToNeo4j(run.dir, settings, {
        batchSize: 5000,
        onProgress: (event) => {
          if (event.kind === 'schema') neo.server.failNext('Neo.ClientError.Schema.ConstraintValidationFailed', leaking);
        },
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(IdgraphError);
      expect({ code: (error as IdgraphError).code, exitCode: (error as IdgraphError).exitCode }).toStrictEqual({ code: 'NEO4J_QUERY', exitCode: 2 });
      expect((error as IdgraphError).message).toMatch(
        /^Neo4j at bolt:\/\/127\.0\.0\.1:\d+ failed the load statement graph\/load\/identifiers\.cypher \(Neo\.ClientError\.Schema\.ConstraintValidationFailed\): the server's message is not shown because it can quote data values; see the server's query log$/,
      );
      expect((error as IdgraphError).message).not.toContain('anna');
    });
  });

  describe('should retry what the driver retries', () => {
    test('for a transient error in a batch: the batch is sent again and the export completes with the same graph', async () => {
      expect((await cli(['export', 'neo4j', run.dir], neo.env)).code).toBe(0);
      const before = await engineRows(neo.engine, 'MATCH (n) RETURN count(n) AS nodes');
      const settings = neo4jSettings(neo.env, {}, 'export neo4j');
      let injected = false;
      const summary = await exportToNeo4j(run.dir, settings, {
        batchSize: 5000,
        onProgress: (event) => {
          if (event.kind === 'schema' && !injected) {
            injected = true;
            neo.server.failNext('Neo.TransientError.Transaction.DeadlockDetected', 'injected deadlock');
          }
        },
      });
      expect(summary.steps[0]).toMatchObject({ step: 'identifiers', batches: 1 });
      const transactions = neo.server.transactions;
      const failed = transactions.findIndex((t) => t.error?.code === 'Neo.TransientError.Transaction.DeadlockDetected');
      expect(transactions.filter((t) => t.error !== undefined)).toHaveLength(1);
      const [retried, again] = [transactions[failed]!, transactions[failed + 1]!];
      expect(retried.queries[0]!.query).toMatch(/^UNWIND \$rows AS row\nMERGE \(i:Identifier/);
      expect([retried.outcome, again.queries[0]!.query, again.outcome]).toStrictEqual(['rolled_back', retried.queries[0]!.query, 'committed']);
      expect(await engineRows(neo.engine, 'MATCH (n) RETURN count(n) AS nodes')).toStrictEqual(before);
    });
  });
});
