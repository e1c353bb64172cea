import { describe, expect, test } from 'vitest';
import { renderLogColumnChart } from '../../../src/pictures/charts/log-column-chart.js';

const OPTIONS = { id: 'sizes', description: 'customers by size', xTitle: 'records', yTitle: 'customers' };

/** The heights of the drawn bars, in column order. */
function barHeights(svg: string): number[] {
  return [...svg.matchAll(/<g class="bar"><title>[^<]*<\/title><rect [^>]*height="([\d.]+)"/g)].map((match) => Number(match[1]));
}

describe('renderLogColumnChart', () => {
  describe('should say there is no data', () => {
    test.each([[[]], [[{ label: '1', value: 0 }]]])('for %j', (columns) => {
      const svg = renderLogColumnChart(columns, OPTIONS);
      expect(svg).toContain('>no data</text>');
      expect(svg).toContain('data-chart="sizes"');
    });
  });

  describe('should draw a visible column for a value of 1', () => {
    test('for a single column', () => {
      const heights = barHeights(renderLogColumnChart([{ label: '1', value: 1 }], OPTIONS));
      expect(heights).toHaveLength(1);
      expect(heights[0]).toBeGreaterThan(10);
    });
  });

  describe('should leave a zero column empty but keep its place and label', () => {
    test('for 100, 0, 1', () => {
      const svg = renderLogColumnChart(
        [
          { label: 'a', value: 100 },
          { label: 'b', value: 0 },
          { label: 'c', value: 1 },
        ],
        OPTIONS,
      );
      expect(barHeights(svg)).toHaveLength(2);
      expect(svg).toContain('<g class="bar empty"><title>b: 0</title></g>');
      expect(svg).toContain('>b</text>');
    });
  });

  describe('should scale logarithmically', () => {
    test('for 1, 10, 100, 1000: equal steps per decade', () => {
      const heights = barHeights(
        renderLogColumnChart(
          ['1', '10', '100', '1000'].map((value) => ({ label: value, value: Number(value) })),
          OPTIONS,
        ),
      );
      const steps = heights.slice(1).map((height, index) => height - heights[index]!);
      expect(steps[0]).toBeGreaterThan(10);
      for (const step of steps) expect(Math.abs(step - steps[0]!)).toBeLessThan(0.5);
    });

    test('for ticks at each power of ten up to the value', () => {
      const svg = renderLogColumnChart([{ label: '1', value: 2500 }], OPTIONS);
      const ticks = [...svg.matchAll(/text-anchor="end"[^>]*>([\d,]+)<\/text>/g)].map((match) => match[1]);
      expect(ticks).toStrictEqual(['1', '10', '100', '1,000', '10,000']);
    });
  });

  describe('should escape every text', () => {
    test('for labels, titles and axis titles with markup', () => {
      const svg = renderLogColumnChart([{ label: '<b>', value: 3, title: '"t"&' }], { ...OPTIONS, xTitle: '<x>', description: '"d"' });
      expect(svg).not.toMatch(/<b>|<x>/);
      expect(svg).toContain('&lt;b&gt;');
      expect(svg).toContain('<title>&quot;t&quot;&amp;</title>');
      expect(svg).toContain('aria-label="&quot;d&quot;"');
    });
  });
});
