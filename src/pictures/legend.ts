// The legend of a customer picture: one swatch and label per kind of node and edge drawn.
import { escapeMarkup } from './escape.js';
import { coordinate } from './format.js';

export type LegendSwatch =
  | { readonly shape: 'circle'; readonly fill: string; readonly dashed?: boolean }
  | { readonly shape: 'square'; readonly fill: string }
  | { readonly shape: 'line'; readonly stroke: string; readonly dashed?: boolean };

export interface LegendItem {
  readonly label: string;
  readonly swatch: LegendSwatch;
}

/** Rough width of a character at `fontSize` in a sans-serif font; only used to wrap the legend. */
const CHARACTER_WIDTH = 0.6;

function swatchMarkup(swatch: LegendSwatch, x: number, y: number): string {
  switch (swatch.shape) {
    case 'circle':
      return `<circle cx="${coordinate(x + 6)}" cy="${coordinate(y)}" r="5" fill="${swatch.fill}" stroke="#333" stroke-width="1"${swatch.dashed ? ' stroke-dasharray="2 2"' : ''}/>`;
    case 'square':
      return `<rect x="${coordinate(x + 1)}" y="${coordinate(y - 5)}" width="10" height="10" fill="${swatch.fill}" stroke="#333" stroke-width="1"/>`;
    case 'line':
      return `<line x1="${coordinate(x)}" y1="${coordinate(y)}" x2="${coordinate(x + 14)}" y2="${coordinate(y)}" stroke="${swatch.stroke}" stroke-width="2"${swatch.dashed ? ' stroke-dasharray="4 3"' : ''}/>`;
    default: {
      const unreachable: never = swatch;
      return unreachable;
    }
  }
}

/**
 * Lays the items out left to right, wrapping at `width`.
 * @returns the SVG markup (a `<g class="legend">`) and the height it takes
 */
export function renderLegend(items: readonly LegendItem[], x: number, y: number, width: number, fontSize = 11): { svg: string; height: number } {
  const lineHeight = fontSize + 8;
  let cursorX = x;
  let cursorY = y + lineHeight / 2;
  const parts: string[] = [];
  for (const item of items) {
    const itemWidth = 20 + item.label.length * fontSize * CHARACTER_WIDTH + 14;
    if (cursorX > x && cursorX + itemWidth > x + width) {
      cursorX = x;
      cursorY += lineHeight;
    }
    parts.push(
      `<g class="legend-item">${swatchMarkup(item.swatch, cursorX, cursorY)}<text x="${coordinate(cursorX + 18)}" y="${coordinate(cursorY)}" dominant-baseline="central" font-size="${fontSize}">${escapeMarkup(item.label)}</text></g>`,
    );
    cursorX += itemWidth;
  }
  const height = items.length === 0 ? 0 : cursorY - y + lineHeight / 2;
  return { svg: `<g class="legend">${parts.join('')}</g>`, height };
}
