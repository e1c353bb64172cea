import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { exactSize } from '../../src/memory/exact-size.js';

describe('exactSize', () => {
  propTest.prop([fc.array(fc.string())])('should keep the elements in order, in an array that is not the grown one', (elements) => {
    const grown: string[] = [];
    for (const element of elements) grown.push(element);
    const exact = exactSize(grown);
    expect(exact).toStrictEqual(elements);
    if (elements.length > 0) expect(exact).not.toBe(grown);
  });
});
