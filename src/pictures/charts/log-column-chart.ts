// A column chart with a logarithmic value axis, as inline SVG (the cluster-size distribution).
import { escapeMarkup } from '../escape.js';
import { coordinate, formatCount } from '../format.js';
import { CHART_COLOURS } from '../palette.js';

export interface Column {
  readonly label: string;
  readonly value: number;
  /** Hover text; defaults to `label: value`. */
  readonly title?: string;
}

export interface LogColumnChartOptions {
  /** Identifies the chart in the page (`data-chart`), for tests and anchors. */
  readonly id: string;
  /** Accessible description of the whole chart. */
  readonly description: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly width?: number;
  readonly height?: number;
}

/** The log axis starts half a decade below 1, so a column of value 1 is still visible. */
const AXIS_FLOOR = 0.5;

/**
 * Renders columns on a log10 value axis with a tick per power of ten. Columns of value 0 are
 * left empty (log 0 does not exist) but keep their place and label.
 * Why not a chart library (Vega-Lite, Chart.js, D3): report.html must work offline from one
 * file; a CDN is forbidden and bundling a library's runtime into every report costs hundreds of
 * kilobytes for four simple charts, so they are drawn as hand-written SVG.
 */
export function renderLogColumnChart(columns: readonly Column[], options: LogColumnChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 280;
  const margin = { top: 20, right: 16, bottom: 48, left: 64 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const open = `<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="${escapeMarkup(options.id)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeMarkup(options.description)}">`;
  const max = Math.max(0, ...columns.map((column) => column.value));
  if (columns.length === 0 || max <= 0) {
    return `${open}<text x="${width / 2}" y="${height / 2}" text-anchor="middle" font-size="13" fill="${CHART_COLOURS.muted}">no data</text></svg>`;
  }
  const decades = Math.max(1, Math.ceil(Math.log10(max) + 1e-9));
  const top = 10 ** decades;
  const low = Math.log10(AXIS_FLOOR);
  const y = (value: number) => margin.top + plotHeight * (1 - (Math.log10(value) - low) / (Math.log10(top) - low));
  const parts: string[] = [open];
  for (let power = 0; power <= decades; power++) {
    const tick = 10 ** power;
    const at = coordinate(y(tick));
    parts.push(
      `<line x1="${margin.left}" y1="${at}" x2="${width - margin.right}" y2="${at}" stroke="${CHART_COLOURS.grid}"/>`,
      `<text x="${margin.left - 6}" y="${at}" text-anchor="end" dominant-baseline="central" font-size="11" fill="${CHART_COLOURS.muted}">${formatCount(tick)}</text>`,
    );
  }
  const band = plotWidth / columns.length;
  const barWidth = Math.max(1, band * 0.8);
  const labelEvery = Math.max(1, Math.ceil(columns.length / Math.max(1, Math.floor(plotWidth / 34))));
  const baseline = margin.top + plotHeight;
  columns.forEach((column, index) => {
    const x = margin.left + band * index + (band - barWidth) / 2;
    const centre = coordinate(margin.left + band * index + band / 2);
    const title = escapeMarkup(column.title ?? `${column.label}: ${formatCount(column.value)}`);
    if (column.value > 0) {
      const barTop = y(column.value);
      parts.push(
        `<g class="bar"><title>${title}</title><rect x="${coordinate(x)}" y="${coordinate(barTop)}" width="${coordinate(barWidth)}" height="${coordinate(baseline - barTop)}" fill="${CHART_COLOURS.bar}"/></g>`,
      );
      if (columns.length <= 24) {
        parts.push(`<text x="${centre}" y="${coordinate(barTop - 4)}" text-anchor="middle" font-size="10" fill="#222">${formatCount(column.value)}</text>`);
      }
    } else {
      parts.push(`<g class="bar empty"><title>${title}</title></g>`);
    }
    if (index % labelEvery === 0) {
      parts.push(`<text x="${centre}" y="${baseline + 14}" text-anchor="middle" font-size="11" fill="#222">${escapeMarkup(column.label)}</text>`);
    }
  });
  parts.push(
    `<line x1="${margin.left}" y1="${baseline}" x2="${width - margin.right}" y2="${baseline}" stroke="${CHART_COLOURS.axis}"/>`,
    `<line x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${baseline}" stroke="${CHART_COLOURS.axis}"/>`,
    `<text x="${coordinate(margin.left + plotWidth / 2)}" y="${height - 8}" text-anchor="middle" font-size="12" fill="#222">${escapeMarkup(options.xTitle)}</text>`,
    `<text transform="translate(16 ${coordinate(margin.top + plotHeight / 2)}) rotate(-90)" text-anchor="middle" font-size="12" fill="#222">${escapeMarkup(options.yTitle)}</text>`,
    '</svg>',
  );
  return parts.join('');
}
