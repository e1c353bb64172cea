// Disjoint sets over integer node ids: the batch path's component structure.
//
// NOTE: graphology-components builds components from a full Graph object; at 1M records and
// 2.5M links that costs ~33 s and 2.5 GB (issue 6). Resolution also needs to check rules
// *before* each union, which a components pass after the fact cannot do. So the engine keeps
// this typed-array structure and builds graphology graphs only per customer (explain, SVG,
// queries). test/resolve/union-find.test.ts checks it against graphology-components.

export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(count: number) {
    this.parent = new Int32Array(count);
    this.size = new Int32Array(count).fill(1);
    for (let index = 0; index < count; index++) this.parent[index] = index;
  }

  get count(): number {
    return this.parent.length;
  }

  /** The representative of `node`'s set (with path halving). */
  find(node: number): number {
    const parent = this.parent;
    let current = node;
    while (parent[current] !== current) {
      const grand = parent[parent[current]!]!;
      parent[current] = grand;
      current = grand;
    }
    return current;
  }

  /** Joins the sets of two roots; returns the surviving root (the larger set, ties: the smaller id). */
  unionRoots(rootA: number, rootB: number): number {
    if (rootA === rootB) return rootA;
    const sizeA = this.size[rootA]!;
    const sizeB = this.size[rootB]!;
    const [winner, loser] = sizeA > sizeB || (sizeA === sizeB && rootA < rootB) ? [rootA, rootB] : [rootB, rootA];
    this.parent[loser] = winner;
    this.size[winner] = sizeA + sizeB;
    return winner;
  }
}
