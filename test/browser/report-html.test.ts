// In a real browser: report.html and a customer picture of a fixture run render offline, without errors.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readCsvFile } from '../helpers/csv.js';
import { generatedFiles } from '../helpers/generated-run.js';
import { runCli } from '../helpers/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const BROWSER_MISSING = !existsSync(CHROMIUM);
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (BROWSER_MISSING) {
  console.warn(`test/browser/report-html.test.ts: SKIPPED, no browser at ${CHROMIUM} (install it with: apt-get install -y chromium)`);
}

interface PageVisit {
  readonly page: Page;
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
  /** Every URL the page asked for. */
  readonly requests: string[];
  readonly failedRequests: string[];
}

let browser: Browser;
let runDir: string;
let screenshotDir: string;

async function visit(path: string): Promise<PageVisit> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const visited: PageVisit = { page, errors: [], requests: [], failedRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') visited.errors.push(message.text());
  });
  page.on('pageerror', (error) => visited.errors.push(error.message));
  page.on('request', (request) => visited.requests.push(request.url()));
  page.on('requestfailed', (request) => visited.failedRequests.push(request.url()));
  await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
  return visited;
}

describe.skipIf(BROWSER_MISSING)(`report.html in headless Chromium (needs ${CHROMIUM})`, () => {
  beforeAll(async () => {
    const data = await generatedFiles(200, 3);
    runDir = join(await mkdtemp(join(tmpdir(), 'idgraph-browser-')), 'run');
    const run = runCli(['resolve', ...data.inputs, '--config', data.config, '--out', runDir, '--quiet']);
    if (run.code !== 0) throw new Error(`resolve failed (${run.code}): ${run.stderr}`);
    screenshotDir = await mkdtemp(join(tmpdir(), 'idgraph-screenshots-'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  describe('should render the report offline without errors', () => {
    test('for the fixture run: charts drawn, pictures loaded, no request outside the run directory', async () => {
      const { page, errors, requests, failedRequests } = await visit(join(runDir, 'report.html'));
      const charts = await page.locator('svg.chart').evaluateAll((elements) =>
        elements.map((element) => {
          const box = element.getBoundingClientRect();
          return { chart: element.getAttribute('data-chart'), visible: box.width > 100 && box.height > 40, bars: element.querySelectorAll('g.bar rect').length };
        }),
      );
      expect(charts).toStrictEqual([
        { chart: 'cluster-sizes', visible: true, bars: expect.any(Number) },
        { chart: 'refused-by-rule', visible: true, bars: 4 },
        { chart: 'permission-levels', visible: true, bars: 3 },
        { chart: 'stage-timings', visible: true, bars: expect.any(Number) },
      ]);
      expect(charts[0]!.bars).toBeGreaterThan(1);
      expect(charts[3]!.bars).toBeGreaterThan(2);
      expect(await page.locator('#largest-customers tbody tr').count()).toBe(10);
      const images = await page.locator('.pictures img').evaluateAll((elements) =>
        elements.map((element) => {
          const image = element as unknown as { readonly complete: boolean; readonly naturalWidth: number };
          return image.complete && image.naturalWidth > 0;
        }),
      );
      expect(images).toStrictEqual(Array.from({ length: 10 }, () => true));
      expect(errors).toStrictEqual([]);
      expect(failedRequests).toStrictEqual([]);
      const runUrl = pathToFileURL(runDir).href;
      expect(requests.filter((url) => !url.startsWith(`${runUrl}/`))).toStrictEqual([]);
      expect(requests).toHaveLength(11);

      const screenshot = join(screenshotDir, 'report.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      expect(statSync(screenshot).size).toBeGreaterThan(50_000);
      console.info(`report.html screenshot: ${screenshot}`);
      await page.close();
    });
  });

  describe('should show a customer picture with its identifiers and links', () => {
    test('for the largest customer of the fixture run', async () => {
      const report = JSON.parse(readFileSync(join(runDir, 'report.json'), 'utf8')) as { largestCustomers: { customerId: string }[] };
      const customerId = report.largestCustomers[0]!.customerId;
      const values = readCsvFile(join(runDir, 'identifiers.csv'))
        .filter((row) => row.customer_id === customerId)
        .map((row) => row.value!);
      const { page, errors, requests } = await visit(join(runDir, 'pictures', `${customerId}.svg`));
      expect(await page.locator(':root').evaluate((root) => root.localName)).toBe('svg');
      expect(await page.locator('parsererror').count()).toBe(0);
      const titles = await page.locator('g.node > title').allTextContents();
      for (const value of values) expect(titles.some((title) => title.includes(value))).toBe(true);
      const linkTitles = await page.locator('g.link > title').allTextContents();
      expect(linkTitles.length).toBeGreaterThan(0);
      expect(linkTitles.every((title) => /^[a-z_-]+ (1|[01]\.\d\d): /.test(title))).toBe(true);
      const box = await page.locator('svg').boundingBox();
      expect(box!.width).toBeGreaterThan(500);
      expect(errors).toStrictEqual([]);
      expect(requests).toHaveLength(1);
      await page.screenshot({ path: join(screenshotDir, `${customerId}.png`) });
      await page.close();
    });
  });
});
