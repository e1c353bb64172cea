import { describe, expect, test } from 'vitest';
import { renderBarChart } from '../../../src/pictures/charts/bar-chart.js';

/** Widths of the bars, in row order. */
function barWidths(svg: string): number[] {
  return [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((match) => Number(match[1]));
}

describe('renderBarChart', () => {
  describe('should say there is no data', () => {
    test('for no bars', () => {
      expect(renderBarChart([], { id: 'x', description: 'x' })).toContain('>no data</text>');
    });
  });

  describe('should keep a row for a zero value', () => {
    test('for all zeros', () => {
      const svg = renderBarChart(
        [
          { label: 'consent', value: 0 },
          { label: 'limit', value: 0 },
        ],
        { id: 'refused', description: 'refused' },
      );
      expect(barWidths(svg)).toStrictEqual([0, 0]);
      expect(svg).toContain('<title>limit: 0</title>');
    });
  });

  describe('should draw bars proportional to their values', () => {
    test('for 50, 100, 25', () => {
      const widths = barWidths(
        renderBarChart(
          [
            { label: 'a', value: 50 },
            { label: 'b', value: 100 },
            { label: 'c', value: 25 },
          ],
          { id: 'x', description: 'x' },
        ),
      );
      expect(widths[0]! / widths[1]!).toBeCloseTo(0.5, 2);
      expect(widths[2]! / widths[1]!).toBeCloseTo(0.25, 2);
    });
  });

  describe('should show the value label and colour given', () => {
    test('for a timing', () => {
      const svg = renderBarChart([{ label: 'read', value: 840, valueLabel: '840 ms', colour: '#123456' }], { id: 'timings', description: 'timings' });
      expect(svg).toContain('>840 ms</text>');
      expect(svg).toContain('fill="#123456"');
      expect(svg).toContain('data-chart="timings"');
    });
  });

  describe('should escape labels', () => {
    test('for a label with markup', () => {
      const svg = renderBarChart([{ label: '<i>x</i>', value: 1 }], { id: 'x', description: 'x' });
      expect(svg).not.toContain('<i>');
      expect(svg).toContain('&lt;i&gt;x&lt;/i&gt;');
    });
  });
});
