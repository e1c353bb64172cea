import { describe, expect, test } from 'vitest';
import { renderLegend } from '../../src/pictures/legend.js';

describe('renderLegend', () => {
  describe('should take no height', () => {
    test('for no items', () => {
      expect(renderLegend([], 0, 0, 500)).toStrictEqual({ svg: '<g class="legend"></g>', height: 0 });
    });
  });

  describe('should draw one swatch per item', () => {
    test('for a circle, a square, a dashed line', () => {
      const { svg } = renderLegend(
        [
          { label: 'email', swatch: { shape: 'circle', fill: '#0072B2' } },
          { label: 'crm record', swatch: { shape: 'square', fill: '#333' } },
          { label: 'refused merge', swatch: { shape: 'line', stroke: '#D62728', dashed: true } },
        ],
        0,
        0,
        800,
      );
      expect(svg.match(/class="legend-item"/g)).toHaveLength(3);
      expect(svg).toContain('<circle');
      expect(svg).toContain('<rect');
      expect(svg).toMatch(/<line [^>]*stroke="#D62728"[^>]*stroke-dasharray/);
    });
  });

  describe('should wrap onto a second line when the width is used up', () => {
    test('for ten items in 300 px', () => {
      const items = Array.from({ length: 10 }, (_, index) => ({ label: `item ${index}`, swatch: { shape: 'square', fill: '#000' } as const }));
      const one = renderLegend(items.slice(0, 1), 0, 0, 300).height;
      expect(renderLegend(items, 0, 0, 300).height).toBeGreaterThan(2 * one);
    });
  });

  describe('should escape labels', () => {
    test('for a label with markup', () => {
      expect(renderLegend([{ label: '<x>', swatch: { shape: 'square', fill: '#000' } }], 0, 0, 100).svg).toContain('&lt;x&gt;');
    });
  });
});
