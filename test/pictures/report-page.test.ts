import { describe, expect, test } from 'vitest';
import { nodeKey } from '../../src/identifiers/index.js';
import type { RunReport } from '../../src/output/report.js';
import type { ResolutionCounts } from '../../src/resolve/index.js';
import { MAX_JUNK_ROWS, renderReportPage, type LargestCustomerEntry } from '../../src/pictures/report-page.js';

const REPORT: RunReport = {
  headline: 'Consent enforced (enforce): merges needed the permissions of DESIGN rule 1.',
  consent: 'enforce',
  fuzzy: true,
  pseudonymised: false,
  inputs: [{ file: 'in/shop.csv', rows: 1200, rejected: 3 }],
  rows: { read: 1200, resolved: 1197, rejected: 3, accountedFor: true },
  rejectedByCode: { MISSING_RECORD_ID: 3, JUNK_VALUE: 10 },
  counts: {
    records: 1197,
    customers: 800,
    identifiers: 1500,
    identifiersWithoutCustomer: 0,
    linksApplied: 2000,
    fuzzyLinksApplied: 40,
    fuzzyCandidates: 90,
    refusedByRule: { consent: 30, limit: 4, conflict: 2, junk: 1 },
    invalidValues: 5,
    junkValues: 1,
    permissionLevels: { '1': 500, '2': 200, '3': 100 },
    clusterSizes: { '1': 600, '2': 150, '3': 40, '9': 10 },
    // The page reads only these counts; the cast keeps this test out of the way of new counters.
  } satisfies Partial<ResolutionCounts> as unknown as ResolutionCounts,
  largestCustomers: [{ customerId: 'cus_aaaaaaaaaaaaaaaa', records: 9 }],
  junk: [{ key: nodeKey('email', 'test@test.de'), reason: 'placeholder', records: 10 }],
  timings: { read: 840, normalise: 120, resolve: 1500 },
};

const LARGEST: LargestCustomerEntry[] = [
  {
    customerId: 'cus_aaaaaaaaaaaaaaaa',
    records: 9,
    identifiers: 4,
    permissionLevel: 3,
    sources: ['crm', 'web'],
    picture: 'pictures/cus_aaaaaaaaaaaaaaaa.svg',
    drawnNodes: 13,
    totalNodes: 13,
  },
];

/** The `data-chart` ids of the inline charts, in page order. */
const charts = (html: string) => [...html.matchAll(/<svg [^>]*class="chart" data-chart="([^"]+)"/g)].map((match) => match[1]);

describe('renderReportPage', () => {
  describe('should render an empty run', () => {
    test('for no customers, no junk, no timings', () => {
      const html = renderReportPage(
        {
          ...REPORT,
          inputs: [],
          rejectedByCode: {},
          counts: { ...REPORT.counts, clusterSizes: {}, customers: 0 },
          largestCustomers: [],
          junk: [],
          timings: {},
        },
        [],
      );
      expect(charts(html)).toStrictEqual(['cluster-sizes', 'refused-by-rule', 'permission-levels', 'stage-timings']);
      expect(html).toContain('No customers in this run.');
      expect(html).toContain('No junk values in this run.');
      expect(html).toContain('Nothing rejected.');
    });
  });

  describe('should hold every section and chart', () => {
    test('for a typical run', () => {
      const html = renderReportPage(REPORT, LARGEST);
      expect(charts(html)).toStrictEqual(['cluster-sizes', 'refused-by-rule', 'permission-levels', 'stage-timings']);
      for (const id of ['summary', 'cluster-sizes', 'refused', 'permissions', 'junk', 'rejected', 'inputs', 'timings', 'largest']) {
        expect(html).toContain(`<section id="${id}">`);
      }
      expect(html).toContain('<div class="value">1,200</div><div class="label">rows read</div>');
      expect(html).toContain('<div class="value">37</div><div class="label">refused merges</div>');
      expect(html).toContain('<title>9 records: 10 customers</title>');
      expect(html).toContain('<title>consent: 30</title>');
      expect(html).toContain('<title>level 3: both: 100</title>');
      expect(html).toContain('<title>resolve: 1.50 s</title>');
      expect(html).toContain('Stage timings (2.46 s in total)');
      expect(html).toContain('<code>email:test@test.de</code>');
    });

    test('for the largest customers: a link and a preview of each picture', () => {
      const html = renderReportPage(REPORT, LARGEST);
      expect(html.match(/href="pictures\/cus_aaaaaaaaaaaaaaaa.svg"/g)).toHaveLength(3);
      expect(html).toContain('<img src="pictures/cus_aaaaaaaaaaaaaaaa.svg" alt="identity graph of cus_aaaaaaaaaaaaaaaa">');
    });

    test('for a capped picture: how many nodes it shows', () => {
      const html = renderReportPage(REPORT, [{ ...LARGEST[0]!, drawnNodes: 300, totalNodes: 1201 }]);
      expect(html).toContain('(300 of 1,201 nodes)');
    });
  });

  describe('should make the consent headline a warning', () => {
    test.each([
      ['ignore', true],
      ['enforce', false],
      ['strict', false],
    ] as const)('for --consent %s', (consent, warning) => {
      expect(renderReportPage({ ...REPORT, consent }, []).includes('class="headline warning"')).toBe(warning);
    });
  });

  describe('should flag a failed row accounting', () => {
    test('for accountedFor false', () => {
      const html = renderReportPage({ ...REPORT, rows: { ...REPORT.rows, accountedFor: false } }, []);
      expect(html).toContain('<div class="figure bad"><div class="value">NO</div>');
    });
  });

  describe('should list at most 100 junk values, the most frequent first', () => {
    test('for 150 junk values', () => {
      const junk = Array.from({ length: 150 }, (_, index) => ({ key: nodeKey('email', `j${index}@x.de`), reason: 'frequency' as const, records: 200 + index }));
      const html = renderReportPage({ ...REPORT, junk }, []);
      const listed = [...html.matchAll(/<code>email:(j\d+)@x.de<\/code>/g)].map((match) => match[1]);
      expect(listed).toHaveLength(MAX_JUNK_ROWS);
      expect(listed[0]).toBe('j149');
      expect(html).toContain('50 more junk values are listed in report.json.');
    });
  });

  describe('should load nothing from outside the run directory', () => {
    test('for a policy that forbids everything but inline styles and local images, and no script', () => {
      const html = renderReportPage(REPORT, LARGEST);
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' file:">`);
      expect(html).not.toMatch(/<script|<link |@import|url\(/i);
      expect(html.replaceAll('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:|\/\//);
    });
  });

  describe('should escape every value from the run', () => {
    test('for hostile file names, junk values, rejection codes, sources, stage names', () => {
      const html = renderReportPage(
        {
          ...REPORT,
          headline: '<h1>x</h1>',
          inputs: [{ file: '<img src=x onerror=alert(1)>.csv', rows: 1, rejected: 0 }],
          rejectedByCode: { '<b>': 1 },
          junk: [{ key: nodeKey('email', '"><script>alert(1)</script>'), reason: 'placeholder', records: 2 }],
          timings: { '<stage>': 5 },
        },
        [{ ...LARGEST[0]!, sources: ['<i>crm</i>'] }],
      );
      expect(html).not.toMatch(/<script|<img src=x|<b>|<i>|<stage>|<h1>x/);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.csv');
      expect(html).toContain('email:&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    });
  });
});
