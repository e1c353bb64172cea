import { describe, expect, test } from 'vitest';
import { iterationsFor, layoutNodes } from '../../src/pictures/layout.js';

const STAR = {
  nodes: ['hub', 'a', 'b', 'c', 'd', 'e'],
  edges: ['a', 'b', 'c', 'd', 'e'].map((leaf) => ({ source: 'hub', target: leaf, weight: 1 })),
};

describe('layoutNodes', () => {
  describe('should handle tiny graphs', () => {
    test('for no nodes', () => {
      expect(layoutNodes([], [])).toStrictEqual(new Map());
    });

    test('for one node: the origin', () => {
      expect(layoutNodes(['x'], [])).toStrictEqual(new Map([['x', { x: 0, y: 0 }]]));
    });

    test('for a self-loop and a duplicate edge: ignored', () => {
      const positions = layoutNodes(['a', 'b'], [
        { source: 'a', target: 'a', weight: 1 },
        { source: 'a', target: 'b', weight: 1 },
        { source: 'b', target: 'a', weight: 1 },
      ]);
      expect([...positions.keys()]).toStrictEqual(['a', 'b']);
    });
  });

  describe('should give every node a finite, distinct position', () => {
    test('for a star', () => {
      const positions = layoutNodes(STAR.nodes, STAR.edges);
      expect([...positions.keys()]).toStrictEqual(STAR.nodes);
      for (const { x, y } of positions.values()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect(new Set([...positions.values()].map(({ x, y }) => `${x.toFixed(3)},${y.toFixed(3)}`)).size).toBe(STAR.nodes.length);
    });
  });

  describe('should be deterministic', () => {
    test('for the same input twice', () => {
      expect(layoutNodes(STAR.nodes, STAR.edges)).toStrictEqual(layoutNodes(STAR.nodes, STAR.edges));
    });
  });

  describe('should put the hub of a star nearer the centre than its leaves', () => {
    test('for a star of five leaves', () => {
      const positions = layoutNodes(STAR.nodes, STAR.edges);
      const points = [...positions.values()];
      const centre = { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length };
      const distance = (key: string) => Math.hypot(positions.get(key)!.x - centre.x, positions.get(key)!.y - centre.y);
      for (const leaf of ['a', 'b', 'c', 'd', 'e']) expect(distance('hub')).toBeLessThan(distance(leaf));
    });
  });
});

describe('iterationsFor', () => {
  describe('should use fewer iterations for bigger graphs', () => {
    test.each([
      [2, 300],
      [60, 300],
      [61, 200],
      [150, 200],
      [300, 100],
    ])('for %d nodes', (order, iterations) => {
      expect(iterationsFor(order)).toBe(iterations);
    });
  });
});
