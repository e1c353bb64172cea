import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { readInputs } from '../../src/input/index.js';
import { buildReport, type RunReport } from '../../src/output/report.js';
import { writeReportHtml } from '../../src/output/report-html.js';
import { resolve, sourceDomainsOf, type ResolutionResult } from '../../src/resolve/index.js';
import { generatedFiles } from '../helpers/generated-run.js';

let result: ResolutionResult;
let report: RunReport;

/** A run report as `idgraph resolve` builds it (ten largest customers by records). */
function reportOf(resolution: ResolutionResult, rowsRead: number): RunReport {
  const largestCustomers = [...resolution.customers]
    .sort((a, b) => b.records - a.records || (a.id < b.id ? -1 : 1))
    .slice(0, 10)
    .map((customer) => ({ customerId: customer.id, records: customer.records }));
  return buildReport({
    consent: 'enforce',
    fuzzy: true,
    pseudonymised: false,
    inputs: [],
    rowsRead,
    rowRejections: 0,
    rejections: resolution.rejections,
    counts: resolution.counts,
    largestCustomers,
    junk: resolution.junk,
    timings: { read: 10, resolve: 20 },
  });
}

beforeAll(async () => {
  const files = await generatedFiles(150, 9);
  const config = await loadConfig(files.config);
  const batch = await readInputs(files.inputs, config);
  result = resolve(batch.records, { config });
  report = reportOf(result, batch.records.length);
});

describe('writeReportHtml', () => {
  describe('should write the page without pictures', () => {
    test('for a run without records', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'idgraph-report-'));
      const empty = resolve([], { config: await loadConfig(undefined) });
      await writeReportHtml(dir, reportOf(empty, 0), empty, {});
      expect(readdirSync(dir)).toStrictEqual(['report.html']);
      expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('No customers in this run.');
    });

    test('for a largest customer the result does not hold: left out', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'idgraph-report-'));
      await writeReportHtml(dir, { ...report, largestCustomers: [{ customerId: 'cus_zzzzzzzzzzzzzzzz', records: 1 }] }, result, sourceDomainsOf(result.records));
      expect(readdirSync(dir)).toStrictEqual(['report.html']);
    });
  });

  describe('should write one picture per largest customer, linked from the page', () => {
    test('for the ten largest customers of a generated run', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'idgraph-report-'));
      await writeReportHtml(dir, report, result, sourceDomainsOf(result.records));
      const html = readFileSync(join(dir, 'report.html'), 'utf8');
      const expected = report.largestCustomers.map((customer) => `${customer.customerId}.svg`);
      expect(expected).toHaveLength(10);
      expect(readdirSync(join(dir, 'pictures')).sort()).toStrictEqual([...expected].sort());
      for (const { customerId, records } of report.largestCustomers) {
        expect(html).toContain(`<img src="pictures/${customerId}.svg"`);
        const svg = readFileSync(join(dir, 'pictures', `${customerId}.svg`), 'utf8');
        expect(svg).toContain(`<title>${customerId}</title>`);
        expect(svg.match(/<g class="node record (crm|online)">/g)).toHaveLength(records);
        expect(svg).toContain(`${records} records · `);
      }
    });
  });

  describe('should keep identifier values out of the page, except the junk values report.json lists', () => {
    test('for every identifier value of the run', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'idgraph-report-'));
      await writeReportHtml(dir, report, result, sourceDomainsOf(result.records));
      const html = readFileSync(join(dir, 'report.html'), 'utf8');
      const junk = new Set(report.junk.map((value) => value.key as string));
      const leaked = result.identifiers.filter((identifier) => identifier.value.length >= 6 && !junk.has(identifier.key) && html.includes(identifier.value));
      expect(leaked).toStrictEqual([]);
    });
  });

  describe('should give the same bytes for the same run', () => {
    test('for two writes of the same result', async () => {
      const [first, second] = [await mkdtemp(join(tmpdir(), 'idgraph-report-')), await mkdtemp(join(tmpdir(), 'idgraph-report-'))];
      await writeReportHtml(first, report, result, sourceDomainsOf(result.records));
      await writeReportHtml(second, report, result, sourceDomainsOf(result.records));
      expect(readFileSync(join(second, 'report.html'), 'utf8')).toBe(readFileSync(join(first, 'report.html'), 'utf8'));
      for (const file of readdirSync(join(first, 'pictures'))) {
        expect(readFileSync(join(second, 'pictures', file), 'utf8')).toBe(readFileSync(join(first, 'pictures', file), 'utf8'));
      }
    });
  });
});
