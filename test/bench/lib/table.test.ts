import { describe, expect, test } from 'vitest';
import { markdownTable } from '../../../bench/lib/table.js';

describe('markdownTable', () => {
  test('should reject a row whose length differs from the header', () => {
    expect(() => markdownTable(['a', 'b'], [['1']])).toThrow(RangeError);
  });

  test('should render a header-only table', () => {
    expect(markdownTable(['a'], [])).toBe('| a   |\n| --- |');
  });

  test('should pad columns, right-align numbers and escape pipes', () => {
    expect(markdownTable(['dataset', 'F1'], [['febrl3', '0.9871'], ['a|b', '1.0000']], ['left', 'right'])).toBe(
      [
        '| dataset |     F1 |',
        '| ------- | -----: |',
        '| febrl3  | 0.9871 |',
        '| a\\|b    | 1.0000 |',
      ].join('\n'),
    );
  });
});
