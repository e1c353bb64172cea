import { describe, expect, test } from 'vitest';
import { fc, test as propTest } from '@fast-check/vitest';
import { UndirectedGraph } from 'graphology';
import { connectedComponents } from 'graphology-components';
import { UnionFind } from '../../src/resolve/union-find.js';

/** Components as sorted lists of sorted members: a canonical form both implementations can be compared in. */
function canonical(groups: number[][]): number[][] {
  return groups.map((group) => [...group].sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
}

function unionFindComponents(count: number, edges: readonly (readonly [number, number])[]): number[][] {
  const sets = new UnionFind(count);
  for (const [a, b] of edges) sets.unionRoots(sets.find(a), sets.find(b));
  const groups = new Map<number, number[]>();
  for (let node = 0; node < count; node++) {
    const root = sets.find(node);
    groups.set(root, [...(groups.get(root) ?? []), node]);
  }
  return canonical([...groups.values()]);
}

describe('UnionFind', () => {
  describe('should handle degenerate inputs', () => {
    test('for no nodes', () => {
      expect(unionFindComponents(0, [])).toStrictEqual([]);
    });
    test('for a singleton', () => {
      expect(unionFindComponents(1, [])).toStrictEqual([[0]]);
    });
    test('for a self-link', () => {
      expect(unionFindComponents(2, [[1, 1]])).toStrictEqual([[0], [1]]);
    });
  });

  describe('should keep the larger set as root', () => {
    test('for a union of a pair with a singleton', () => {
      const sets = new UnionFind(3);
      const pair = sets.unionRoots(0, 1);
      expect(sets.unionRoots(2, pair)).toBe(pair);
    });
  });

  // Oracle: graphology-components on the same random graph must give the same partition.
  propTest.prop([
    fc.integer({ min: 1, max: 60 }).chain((count) =>
      fc.tuple(fc.constant(count), fc.array(fc.tuple(fc.nat(count - 1), fc.nat(count - 1)), { maxLength: 120 })),
    ),
  ])('should agree with graphology-components on random graphs', ([count, edges]) => {
    const graph = new UndirectedGraph({ allowSelfLoops: true });
    for (let node = 0; node < count; node++) graph.addNode(String(node));
    for (const [a, b] of edges) graph.mergeEdge(String(a), String(b));
    const expected = canonical(connectedComponents(graph).map((group) => group.map(Number)));
    expect(unionFindComponents(count, edges)).toStrictEqual(expected);
  });
});
