// Driver values to plain JSON values for printing.
import neo4j from 'neo4j-driver';
import { describe, expect, test } from 'vitest';
import { toPlain } from '../../src/neo4j/plain-values.js';

describe('toPlain', () => {
  describe('should keep plain values', () => {
    test.each([[null], [undefined], [true], [1.5], ['s'], [[1, 'a', null]], [{ a: { b: [1] } }]])('for %j', (value) => {
      expect(toPlain(value)).toStrictEqual(value === undefined ? null : value);
    });
  });

  describe('should turn driver values into plain ones', () => {
    test('for integers: a number in the safe range, a string beyond it', () => {
      expect([toPlain(neo4j.int(42)), toPlain(neo4j.int('9007199254740993')), toPlain(12n), toPlain(2n ** 60n)]).toStrictEqual([42, '9007199254740993', 12, '1152921504606846976']);
    });

    test('for a node, a relationship and a path', () => {
      const a = new neo4j.types.Node(neo4j.int(1), ['Identifier'], { key: 'email:a', records: neo4j.int(2) }, 'e1');
      const b = new neo4j.types.Node(neo4j.int(2), ['Record'], { key: 'record:s/1' }, 'e2');
      const r = new neo4j.types.Relationship(neo4j.int(3), neo4j.int(2), neo4j.int(1), 'LINKED', { weight: 1 }, 'e3', 'e2', 'e1');
      const path = new neo4j.types.Path(b, a, [new neo4j.types.PathSegment(b, r, a)]);
      expect(toPlain({ a, r, path })).toStrictEqual({
        a: { labels: ['Identifier'], properties: { key: 'email:a', records: 2 } },
        r: { type: 'LINKED', properties: { weight: 1 } },
        path: {
          nodes: [{ labels: ['Record'], properties: { key: 'record:s/1' } }, { labels: ['Identifier'], properties: { key: 'email:a', records: 2 } }],
          relationships: [{ type: 'LINKED', properties: { weight: 1 } }],
        },
      });
    });

    test('for temporal values: their ISO text', () => {
      expect(toPlain(new neo4j.types.Date(2024, 1, 2))).toBe('2024-01-02');
    });
  });
});
