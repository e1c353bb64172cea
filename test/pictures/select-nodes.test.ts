import { describe, expect, test } from 'vitest';
import { buildIdentityGraph } from '../../src/identity-graph/index.js';
import { selectNodes } from '../../src/pictures/select-nodes.js';
import type { LinkEdge } from '../../src/resolve/index.js';

const link = (from: string, to: string): LinkEdge => ({ from, to, matcher: 'exact-email', weight: 1, evidence: 'e' });

/** A hub email held by records r1..r4, plus a separate record–phone pair. */
const LINKS = [
  link('record:shop/r3', 'email:hub@x.de'),
  link('record:shop/r1', 'email:hub@x.de'),
  link('record:shop/r4', 'email:hub@x.de'),
  link('record:shop/r2', 'email:hub@x.de'),
  link('record:shop/r1', 'phone:+491'),
  link('record:web/w9', 'cookie_id:c9'),
];

describe('selectNodes', () => {
  describe('should select nothing', () => {
    test('for an empty graph', () => {
      expect(selectNodes(buildIdentityGraph([]), 10)).toStrictEqual({ nodes: [], truncated: false });
    });
  });

  describe('should visit every node breadth-first from the best-connected node', () => {
    test('for a hub and a separate pair', () => {
      expect(selectNodes(buildIdentityGraph(LINKS), 100)).toStrictEqual({
        nodes: [
          'email:hub@x.de',
          'record:shop/r1',
          'record:shop/r2',
          'record:shop/r3',
          'record:shop/r4',
          'phone:+491',
          'cookie_id:c9',
          'record:web/w9',
        ],
        truncated: false,
      });
    });

    test('for isolated nodes (a record without links)', () => {
      expect(selectNodes(buildIdentityGraph([], ['record:b/2', 'record:a/1']), 5)).toStrictEqual({ nodes: ['record:a/1', 'record:b/2'], truncated: false });
    });
  });

  describe('should cut at maxNodes and say so', () => {
    test('for 3 of 8 nodes: the hub neighbourhood', () => {
      expect(selectNodes(buildIdentityGraph(LINKS), 3)).toStrictEqual({ nodes: ['email:hub@x.de', 'record:shop/r1', 'record:shop/r2'], truncated: true });
    });
  });

  describe('should not depend on link order', () => {
    test('for the links reversed', () => {
      expect(selectNodes(buildIdentityGraph([...LINKS].reverse()), 100)).toStrictEqual(selectNodes(buildIdentityGraph(LINKS), 100));
    });
  });
});
