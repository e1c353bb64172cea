// The in-process Cypher engine wrapper: plain values, errors with a GQLSTATUS, transactions.

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createCypherEngine, CypherEngineError, type CypherEngine } from './cypher-engine.js';

let engine: CypherEngine;

beforeEach(() => {
  engine = createCypherEngine();
});

afterEach(() => {
  engine.close();
});

async function caught(promise: Promise<unknown>): Promise<CypherEngineError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof CypherEngineError) return error;
  throw new Error(`expected a CypherEngineError, got ${String(error)}`);
}

describe('createCypherEngine', () => {
  describe('should raise a CypherEngineError with the GQLSTATUS', () => {
    test.each([
      ['a syntax error', 'RETURN 1 +', '42001'],
      ['an undefined variable', 'MATCH (n) RETURN m', '42002'],
      ['a missing parameter', 'RETURN $nope AS x', '42002'],
      ['a division by zero', 'RETURN 1 / 0 AS x', '22012'],
      ['a keyword relationship type (a known gap)', 'MATCH ()-[r:IN]->() RETURN r', '42001'],
      ['CALL … IN TRANSACTIONS (a known gap)', 'UNWIND [1] AS x CALL { WITH x CREATE (:T) } IN TRANSACTIONS', '42001'],
    ])('for %s', async (_name, query, status) => {
      expect((await caught(engine.run(query))).gqlStatus).toBe(status);
    });
  });

  describe('should return plain values', () => {
    test('for an empty result: the fields, no rows, zero counters', async () => {
      expect(await engine.run('MATCH (n:Nothing) RETURN n.key AS key')).toStrictEqual({
        fields: ['key'],
        rows: [],
        stats: {
          nodesCreated: 0,
          nodesDeleted: 0,
          relationshipsCreated: 0,
          relationshipsDeleted: 0,
          propertiesSet: 0,
          labelsAdded: 0,
          labelsRemoved: 0,
        },
      });
    });

    test('for scalars, lists and maps; integers as numbers, bigint only past 2^53', async () => {
      const { fields, rows } = await engine.run(
        'RETURN 7 AS i, 9007199254740993 AS big, 2.5 AS f, 1.0 AS integral_float, "s" AS s, null AS n, ' +
          '[1, [true]] AS l, {a: {b: "c"}} AS m, date("2024-01-02") AS d',
      );
      expect(fields).toStrictEqual(['i', 'big', 'f', 'integral_float', 's', 'n', 'l', 'm', 'd']);
      // Known gap: 1.0 comes back as the integer 1; dates as ISO strings.
      expect(rows).toStrictEqual([[7, 9007199254740993n, 2.5, 1, 's', null, [1, [true]], { a: { b: 'c' } }, '2024-01-02']]);
    });

    test('for a node, relationship and path: maps, not graph structs (a known gap)', async () => {
      await engine.run('CREATE (:Identifier {key: "a"})-[:LINKED {weight: 0.5}]->(:Identifier {key: "b"})');
      const { rows } = await engine.run('MATCH p = (a)-[r]->(b) RETURN a, r, p');
      expect(rows[0]?.[0]).toStrictEqual({ _id: 0, _labels: ['Identifier'], key: 'a' });
      expect(rows[0]?.[1]).toStrictEqual({ _id: 0, _source: 0, _target: 1, _type: 'LINKED', weight: 0.5 });
      expect(Object.keys(rows[0]?.[2] as object)).toStrictEqual(['nodes', 'edges']);
    });
  });

  describe('should isolate transactions', () => {
    test('for a rollback: data writes undone, other readers never saw them', async () => {
      const tx = engine.begin();
      await tx.run('CREATE (:Identifier {key: $key})', { key: 'a' });
      expect((await tx.run('MATCH (n) RETURN count(n) AS c')).rows).toStrictEqual([[1]]);
      expect((await engine.run('MATCH (n) RETURN count(n) AS c')).rows).toStrictEqual([[0]]);
      tx.rollback();
      expect((await engine.run('MATCH (n) RETURN count(n) AS c')).rows).toStrictEqual([[0]]);
    });

    test('for a commit: writes visible, counters reported', async () => {
      const tx = engine.begin();
      const { stats } = await tx.run('UNWIND $keys AS k MERGE (:Identifier {key: k})', { keys: ['a', 'b', 'a'] });
      tx.commit();
      expect(stats).toMatchObject({ nodesCreated: 2, labelsAdded: 2 });
      expect((await engine.run('MATCH (n) RETURN count(n) AS c')).rows).toStrictEqual([[2]]);
    });
  });

  describe('should shuffle unordered rows on request', () => {
    test('for shuffleUnordered: some order differs from insertion order, ORDER BY still holds', async () => {
      const shuffled = createCypherEngine({ shuffleUnordered: true });
      try {
        await shuffled.run('UNWIND range(1, 20) AS i CREATE (:N {i: i})');
        const runs = await Promise.all(Array.from({ length: 5 }, () => shuffled.run('MATCH (n:N) RETURN n.i AS i')));
        const inOrder = Array.from({ length: 20 }, (_, i) => i + 1);
        expect(runs.some(({ rows }) => rows.flat().join() !== inOrder.join())).toBe(true);
        expect((await shuffled.run('MATCH (n:N) RETURN n.i AS i ORDER BY i')).rows.flat()).toStrictEqual(inOrder);
      } finally {
        shuffled.close();
      }
    });
  });
});
