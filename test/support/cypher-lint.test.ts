// The offline Cypher linter wrapper over Neo4j's own parser.

import { afterEach, describe, expect, test, vi } from 'vitest';
import { lintCypher } from './cypher-lint.js';

const SCHEMA = {
  labels: ['Identifier', 'Customer'],
  relationshipTypes: ['LINKED', 'BELONGS_TO'],
  propertyKeys: ['key', 'type', 'id', 'weight', 'matcher'],
};

describe('lintCypher', () => {
  describe('should report nothing', () => {
    test.each([
      ['an empty text', ''],
      ['a schema command', 'CREATE CONSTRAINT identifier_key IF NOT EXISTS FOR (n:Identifier) REQUIRE n.key IS UNIQUE'],
      ['an index command', 'CREATE INDEX identifier_key_index IF NOT EXISTS FOR (n:Identifier) ON (n.key)'],
      ['a batched MERGE', 'UNWIND $rows AS r MERGE (n:Identifier {key: r.key}) SET n.type = r.type'],
      [
        'a shortest path projected to plain values',
        'MATCH p = shortestPath((a:Identifier {key: $from})-[:LINKED*..10]-(b:Identifier {key: $to})) ' +
          'RETURN [n IN nodes(p) | n.key] AS keys, [r IN relationships(p) | r.weight] AS weights',
      ],
      ['two statements', 'MATCH (n) RETURN count(n) AS c; MATCH ()-[r]->() RETURN count(r) AS c'],
    ])('for %s', (_name, query) => {
      expect(lintCypher(query, SCHEMA)).toStrictEqual({ errors: [], warnings: [] });
    });
  });

  describe('should report errors', () => {
    test('for a syntax error, with its position', () => {
      const { errors } = lintCypher('MATCH (n:Identifier RETURN n');
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]).toMatch(/^Invalid input 'RETURN'.* \(1:21\)$/);
    });

    test('for an undefined variable', () => {
      expect(lintCypher('MATCH (n) RETURN m').errors).toStrictEqual(['Variable `m` not defined (1:18)']);
    });

    test('for a parameter missing from the given parameters, and only then', () => {
      const query = 'UNWIND $rows AS r MERGE (n:Identifier {key: r.key})';
      expect(lintCypher(query).errors).toStrictEqual([]);
      expect(lintCypher(query, { parameters: { rows: [] } }).errors).toStrictEqual([]);
      expect(lintCypher(query, { parameters: { batch: [] } }).errors).toStrictEqual(['Parameter $rows is not defined. (1:8)']);
    });
  });

  describe('should report warnings', () => {
    test('for a label, relationship type or property typo when a schema is given', () => {
      const query = 'MATCH (n:Identifer)-[:LINKD]-(m:Identifier) RETURN n.kye';
      expect(lintCypher(query)).toStrictEqual({ errors: [], warnings: [] });
      const { errors, warnings } = lintCypher(query, SCHEMA);
      expect(errors).toStrictEqual([]);
      expect(warnings).toHaveLength(3);
      expect(warnings[0]).toMatch(/^Label Identifer is not present in the database/);
      expect(warnings[1]).toMatch(/^Relationship type LINKD is not present in the database/);
      expect(warnings[2]).toMatch(/^kye is not present in the database/);
    });
  });

  describe('should read both result shapes of lintCypherQuery', () => {
    afterEach(() => {
      vi.doUnmock('@neo4j-cypher/language-support');
      vi.resetModules();
    });

    test('for an older prerelease that returns a bare array', async () => {
      vi.resetModules();
      vi.doMock('@neo4j-cypher/language-support', () => ({
        isNotParamError: (d: { message: string }) => !d.message.startsWith('Parameter'),
        lintCypherQuery: () => [
          { message: 'bad', severity: 1, range: { start: { line: 0, character: 4 } } },
          { message: 'Parameter $x is not defined.', severity: 1 },
          { message: 'odd', severity: 2 },
        ],
      }));
      const { lintCypher: lintWithOldShape } = await import('./cypher-lint.js');
      expect(lintWithOldShape('RETURN $x')).toStrictEqual({ errors: ['bad (1:5)'], warnings: ['odd'] });
    });
  });
});
