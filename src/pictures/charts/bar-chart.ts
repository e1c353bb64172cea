// A horizontal bar chart with a linear axis, as inline SVG (refusals, permission levels, timings).
import { escapeMarkup } from '../escape.js';
import { coordinate, formatCount } from '../format.js';
import { CHART_COLOURS } from '../palette.js';

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Text shown after the bar; defaults to the value with thousands separators. */
  readonly valueLabel?: string;
  readonly colour?: string;
}

export interface BarChartOptions {
  /** Identifies the chart in the page (`data-chart`), for tests and anchors. */
  readonly id: string;
  /** Accessible description of the whole chart. */
  readonly description: string;
  readonly width?: number;
}

const ROW = 28;

/**
 * One bar per row, label on the left, value on the right; bars of value 0 keep their row.
 * Why not a chart library: see renderLogColumnChart (self-contained page, no runtime to bundle).
 */
export function renderBarChart(bars: readonly Bar[], options: BarChartOptions): string {
  const width = options.width ?? 640;
  const labelWidth = Math.min(220, 16 + 7 * Math.max(4, ...bars.map((bar) => bar.label.length)));
  const valueWidth = 16 + 7 * Math.max(4, ...bars.map((bar) => (bar.valueLabel ?? formatCount(bar.value)).length));
  const plotWidth = Math.max(40, width - labelWidth - valueWidth);
  const height = Math.max(1, bars.length) * ROW + 8;
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="${escapeMarkup(options.id)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeMarkup(options.description)}">`,
  ];
  if (bars.length === 0) {
    parts.push(`<text x="${width / 2}" y="${height / 2}" text-anchor="middle" dominant-baseline="central" font-size="13" fill="${CHART_COLOURS.muted}">no data</text>`);
  }
  bars.forEach((bar, index) => {
    const middle = 4 + index * ROW + ROW / 2;
    const length = max > 0 ? (plotWidth * Math.max(0, bar.value)) / max : 0;
    const valueLabel = bar.valueLabel ?? formatCount(bar.value);
    parts.push(
      `<g class="bar"><title>${escapeMarkup(`${bar.label}: ${valueLabel}`)}</title>`,
      `<text x="${labelWidth - 8}" y="${middle}" text-anchor="end" dominant-baseline="central" font-size="12" fill="#222">${escapeMarkup(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${coordinate(middle - ROW * 0.32)}" width="${coordinate(length)}" height="${coordinate(ROW * 0.64)}" fill="${bar.colour ?? CHART_COLOURS.bar}"/>`,
      `<text x="${coordinate(labelWidth + length + 6)}" y="${middle}" dominant-baseline="central" font-size="12" fill="#222">${escapeMarkup(valueLabel)}</text></g>`,
    );
  });
  parts.push(`<line x1="${labelWidth}" y1="4" x2="${labelWidth}" y2="${height - 4}" stroke="${CHART_COLOURS.axis}"/>`, '</svg>');
  return parts.join('');
}
