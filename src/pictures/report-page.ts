// The run report as one self-contained HTML page: figures, charts as inline SVG, tables, picture links.
import type { RunReport } from '../output/report.js';
import { clusterSizeBins, renderBarChart, renderLogColumnChart } from './charts/index.js';
import { escapeMarkup } from './escape.js';
import { formatCount, formatDuration } from './format.js';
import { EDGE_COLOURS } from './palette.js';

/** One of the largest customers, with its picture file relative to the page (null: none written). */
export interface LargestCustomerEntry {
  readonly customerId: string;
  readonly records: number;
  readonly identifiers: number;
  readonly permissionLevel: 1 | 2 | 3;
  readonly sources: readonly string[];
  readonly picture: string | null;
  /** Nodes drawn in the picture and nodes the customer has (they differ when the picture is capped). */
  readonly drawnNodes: number;
  readonly totalNodes: number;
}

/** At most this many junk values are listed in the page; the rest are in report.json. */
export const MAX_JUNK_ROWS = 100;

const REFUSAL_RULES = ['consent', 'limit', 'conflict', 'junk'] as const;
const PERMISSION_LABELS = { '1': 'level 1: none', '2': 'level 2: cookie or CRM', '3': 'level 3: both' } as const;
const PERMISSION_COLOURS = { '1': '#BBBBBB', '2': '#56B4E9', '3': '#0072B2' } as const;

/**
 * No request may leave the page: styles are inline, there is no script, and images come only from
 * the run directory itself (the customer pictures beside the page).
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' file:";

const STYLE = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 8px; }
h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
p.note { color: #555; font-size: 13px; margin: 4px 0 12px; }
.headline { padding: 10px 14px; border-left: 4px solid #0072B2; background: #fff; margin: 8px 0 16px; }
.headline.warning { border-left-color: #D62728; background: #fff2f2; font-weight: bold; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 12px; }
.figure { background: #fff; border: 1px solid #e3e3e3; border-radius: 6px; padding: 10px 12px; }
.figure .value { font-size: 22px; font-weight: 600; }
.figure .label { font-size: 12px; color: #555; }
.figure.bad { border-color: #D62728; background: #fff2f2; }
.panel { background: #fff; border: 1px solid #e3e3e3; border-radius: 6px; padding: 12px; overflow-x: auto; }
svg.chart { max-width: 100%; height: auto; display: block; }
table { border-collapse: collapse; font-size: 13px; background: #fff; }
th, td { text-align: left; padding: 4px 10px; border-bottom: 1px solid #eee; vertical-align: top; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
code { font-size: 12px; word-break: break-all; }
.pictures { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 12px; margin-top: 12px; }
.pictures figure { margin: 0; background: #fff; border: 1px solid #e3e3e3; border-radius: 6px; padding: 8px; }
.pictures img { width: 100%; height: auto; display: block; }
.pictures figcaption { font-size: 12px; color: #444; margin-top: 6px; }
footer { margin-top: 40px; font-size: 12px; color: #666; }
`;

function figure(label: string, value: string, bad = false): string {
  return `<div class="figure${bad ? ' bad' : ''}"><div class="value">${escapeMarkup(value)}</div><div class="label">${escapeMarkup(label)}</div></div>`;
}

function table(headers: readonly (readonly [string, 'text' | 'number'])[], rows: readonly (readonly string[])[], id: string): string {
  const head = headers.map(([text, kind]) => `<th${kind === 'number' ? ' class="number"' : ''}>${escapeMarkup(text)}</th>`).join('');
  const body = rows
    .map((cells) => `<tr>${cells.map((cell, index) => `<td${headers[index]?.[1] === 'number' ? ' class="number"' : ''}>${cell}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table id="${id}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function headlineFigures(report: RunReport): string {
  const { counts, rows } = report;
  const refused = REFUSAL_RULES.reduce((sum, rule) => sum + (counts.refusedByRule[rule] ?? 0), 0);
  return [
    '<div class="figures">',
    figure('rows read', formatCount(rows.read)),
    figure('records resolved', formatCount(rows.resolved)),
    figure('rows rejected', formatCount(rows.rejected), rows.rejected > 0),
    figure('customers', formatCount(counts.customers)),
    figure('identifiers', formatCount(counts.identifiers)),
    figure(`links applied (${formatCount(counts.fuzzyLinksApplied)} fuzzy)`, formatCount(counts.linksApplied)),
    figure('refused merges', formatCount(refused)),
    figure('values not used (invalid + junk)', formatCount(counts.invalidValues + counts.junkValues)),
    figure('every row accounted for', rows.accountedFor ? 'yes' : 'NO', !rows.accountedFor),
    '</div>',
  ].join('\n');
}

function largestSection(largest: readonly LargestCustomerEntry[]): string {
  if (largest.length === 0) return '<p class="note">No customers in this run.</p>';
  const rows = largest.map((entry, index) => [
    String(index + 1),
    entry.picture === null ? `<code>${escapeMarkup(entry.customerId)}</code>` : `<a href="${escapeMarkup(entry.picture)}"><code>${escapeMarkup(entry.customerId)}</code></a>`,
    formatCount(entry.records),
    formatCount(entry.identifiers),
    String(entry.permissionLevel),
    escapeMarkup(entry.sources.join(', ')),
    entry.picture === null ? '' : `<a href="${escapeMarkup(entry.picture)}">picture</a>${entry.drawnNodes < entry.totalNodes ? ` (${formatCount(entry.drawnNodes)} of ${formatCount(entry.totalNodes)} nodes)` : ''}`,
  ]);
  const figures = largest
    .filter((entry) => entry.picture !== null)
    .map(
      (entry) =>
        `<figure id="picture-${escapeMarkup(entry.customerId)}"><a href="${escapeMarkup(entry.picture!)}"><img src="${escapeMarkup(entry.picture!)}" alt="identity graph of ${escapeMarkup(entry.customerId)}"></a><figcaption><code>${escapeMarkup(entry.customerId)}</code>: ${formatCount(entry.records)} records, ${formatCount(entry.identifiers)} identifiers</figcaption></figure>`,
    );
  return [
    table(
      [
        ['#', 'number'],
        ['customer', 'text'],
        ['records', 'number'],
        ['identifiers', 'number'],
        ['permission level', 'number'],
        ['sources', 'text'],
        ['picture', 'text'],
      ],
      rows,
      'largest-customers',
    ),
    `<div class="pictures">${figures.join('\n')}</div>`,
  ].join('\n');
}

function junkSection(report: RunReport): string {
  if (report.junk.length === 0) return '<p class="note">No junk values in this run.</p>';
  const sorted = [...report.junk].sort((a, b) => b.records - a.records || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const shown = sorted.slice(0, MAX_JUNK_ROWS);
  const more = sorted.length - shown.length;
  return [
    table(
      [
        ['identifier', 'text'],
        ['reason', 'text'],
        ['records', 'number'],
      ],
      shown.map((junk) => [`<code>${escapeMarkup(junk.key)}</code>`, escapeMarkup(junk.reason), formatCount(junk.records)]),
      'junk-values',
    ),
    more > 0 ? `<p class="note">${formatCount(more)} more junk values are listed in report.json.</p>` : '',
  ].join('\n');
}

/**
 * Renders the page. Every value from the run (file names, identifiers, details) is escaped.
 * The only personal data on the page are the junk values, exactly as report.json lists them;
 * customer pictures (which show identifier values) are separate files linked from it.
 * @param report the run report (report.json)
 * @param largest the largest customers with their picture files
 */
export function renderReportPage(report: RunReport, largest: readonly LargestCustomerEntry[]): string {
  const { counts } = report;
  const bins = clusterSizeBins(counts.clusterSizes);
  const clusterChart = renderLogColumnChart(
    bins.map((bin) => ({ label: bin.label, value: bin.customers, title: `${bin.label} records: ${formatCount(bin.customers)} customers` })),
    { id: 'cluster-sizes', description: 'customers by number of records, log scale', xTitle: 'records per customer', yTitle: 'customers (log scale)' },
  );
  const refusedChart = renderBarChart(
    REFUSAL_RULES.map((rule) => ({ label: rule, value: counts.refusedByRule[rule] ?? 0, colour: EDGE_COLOURS.refused })),
    { id: 'refused-by-rule', description: 'refused merges by rule' },
  );
  const permissionChart = renderBarChart(
    (['1', '2', '3'] as const).map((level) => ({ label: PERMISSION_LABELS[level], value: counts.permissionLevels[level] ?? 0, colour: PERMISSION_COLOURS[level] })),
    { id: 'permission-levels', description: 'customers by permission level' },
  );
  const timings = Object.entries(report.timings);
  const totalMs = timings.reduce((sum, [, ms]) => sum + ms, 0);
  const timingChart = renderBarChart(
    timings.map(([stage, ms]) => ({ label: stage, value: ms, valueLabel: formatDuration(ms) })),
    { id: 'stage-timings', description: 'time per stage' },
  );
  const rejectedRows = Object.entries(report.rejectedByCode)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([code, count]) => [`<code>${escapeMarkup(code)}</code>`, formatCount(count)]);
  const inputRows = report.inputs.map((input) => [`<code>${escapeMarkup(input.file)}</code>`, formatCount(input.rows), formatCount(input.rejected)]);
  const flags = [
    `consent: ${report.consent}`,
    `fuzzy matching: ${report.fuzzy ? 'on' : 'off'}`,
    `identifiers ${report.pseudonymised ? 'pseudonymised' : 'in clear'}`,
  ].join(' · ');

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>idgraph run report</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>idgraph run report</h1>
<div class="headline${report.consent === 'ignore' ? ' warning' : ''}" id="headline">${escapeMarkup(report.headline)}</div>
<p class="note">${escapeMarkup(flags)}</p>
<section id="summary"><h2>Headline figures</h2>
${headlineFigures(report)}
</section>
<section id="cluster-sizes"><h2>Cluster sizes</h2>
<p class="note">How many customers have how many records. Log scale: a few very large customers stand out (possible over-merging).</p>
<div class="panel">${clusterChart}</div>
</section>
<section id="refused"><h2>Refused merges by rule</h2>
<p class="note">Every refused merge is listed in refused.csv with its two sides and detail.</p>
<div class="panel">${refusedChart}</div>
</section>
<section id="permissions"><h2>Customers by permission level</h2>
<div class="panel">${permissionChart}</div>
</section>
<section id="junk"><h2>Junk values found (${formatCount(report.junk.length)})</h2>
<p class="note">Placeholders and values shared by implausibly many records; they never link records.</p>
${junkSection(report)}
</section>
<section id="rejected"><h2>Rejected rows and values</h2>
${rejectedRows.length === 0 ? '<p class="note">Nothing rejected.</p>' : table([['code', 'text'], ['count', 'number']], rejectedRows, 'rejected-by-code')}
</section>
<section id="inputs"><h2>Inputs</h2>
${table([['file', 'text'], ['rows', 'number'], ['rejected', 'number']], inputRows, 'inputs-table')}
</section>
<section id="timings"><h2>Stage timings (${escapeMarkup(formatDuration(totalMs))} in total)</h2>
<div class="panel">${timingChart}</div>
</section>
<section id="largest"><h2>Largest customers</h2>
<p class="note">Each picture shows the customer's records (squares, by domain), identifiers (circles, by type), links with matcher and weight, and refused merges (dashed red). Pictures are files in pictures/ beside this page and show identifier values.</p>
${largestSection(largest)}
</section>
<footer>Written by idgraph. The files of this run (records.csv, customers.csv, links.csv, refused.csv, rejected.csv, report.json) are beside this page.</footer>
</main>
</body>
</html>
`;
}
