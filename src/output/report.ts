// The run report: one object for report.json and the short text a person reads.
import type { ConsentMode } from '../config/index.js';
import type { FileSummary, Rejection } from '../input/index.js';
import type { JunkValue, ResolutionCounts } from '../resolve/index.js';

export interface RunReport {
  /** The report's first line, stated as text; names --consent ignore when consent was off. */
  readonly headline: string;
  readonly consent: ConsentMode;
  readonly fuzzy: boolean;
  readonly pseudonymised: boolean;
  readonly inputs: readonly FileSummary[];
  readonly rows: { readonly read: number; readonly resolved: number; readonly rejected: number; readonly accountedFor: boolean };
  readonly rejectedByCode: Readonly<Record<string, number>>;
  readonly counts: ResolutionCounts;
  readonly largestCustomers: readonly { readonly customerId: string; readonly records: number }[];
  readonly junk: readonly JunkValue[];
  /** Milliseconds per stage, as measured by the caller. */
  readonly timings: Readonly<Record<string, number>>;
}

export interface ReportInput {
  readonly consent: ConsentMode;
  readonly fuzzy: boolean;
  readonly pseudonymised: boolean;
  readonly inputs: readonly FileSummary[];
  readonly rowsRead: number;
  readonly rowRejections: number;
  readonly rejections: readonly Rejection[];
  readonly counts: ResolutionCounts;
  readonly largestCustomers: readonly { readonly customerId: string; readonly records: number }[];
  readonly junk: readonly JunkValue[];
  readonly timings: Readonly<Record<string, number>>;
}

/** Builds the report; `rows.accountedFor` is the "nothing lost" check: resolved + rejected = read. */
export function buildReport(input: ReportInput): RunReport {
  const resolved = input.counts.records;
  const rejectedByCode: Record<string, number> = {};
  for (const rejection of input.rejections) rejectedByCode[rejection.code] = (rejectedByCode[rejection.code] ?? 0) + 1;
  const headline =
    input.consent === 'ignore'
      ? 'CONSENT NOT ENFORCED: this run used --consent ignore; merges were made without checking cookie or CRM permission.'
      : `Consent enforced (${input.consent}): merges needed the permissions of DESIGN rule 1.`;
  return {
    headline,
    consent: input.consent,
    fuzzy: input.fuzzy,
    pseudonymised: input.pseudonymised,
    inputs: input.inputs,
    rows: {
      read: input.rowsRead,
      resolved,
      rejected: input.rowRejections,
      accountedFor: resolved + input.rowRejections === input.rowsRead,
    },
    rejectedByCode,
    counts: input.counts,
    largestCustomers: input.largestCustomers,
    junk: input.junk,
    timings: input.timings,
  };
}

const number = (value: number) => value.toLocaleString('en-US');

/** The report as a few lines of text (printed on stderr and written to report.txt). */
export function renderReportText(report: RunReport): string {
  const { counts, rows } = report;
  const refused = counts.refusedByRule;
  const sizes = Object.entries(counts.clusterSizes)
    .map(([size, customers]) => [Number(size), customers] as const)
    .sort((a, b) => a[0] - b[0]);
  const largest = sizes.length > 0 ? sizes[sizes.length - 1]![0] : 0;
  const timing = Object.entries(report.timings)
    .map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(2)} s`)
    .join(', ');
  return [
    report.headline,
    `rows: ${number(rows.read)} read from ${report.inputs.length} file(s); ${number(rows.resolved)} resolved, ${number(rows.rejected)} rejected (rejected.csv)${rows.accountedFor ? '' : ' — ACCOUNTING MISMATCH'}`,
    `customers: ${number(counts.customers)} (permission level 1: ${number(counts.permissionLevels['1'])}, 2: ${number(counts.permissionLevels['2'])}, 3: ${number(counts.permissionLevels['3'])}); largest has ${number(largest)} records`,
    `identifiers: ${number(counts.identifiers)}; values not used: ${number(counts.invalidValues)} invalid, ${number(counts.junkValues)} junk (rejected.csv)`,
    `links applied: ${number(counts.linksApplied)} (fuzzy ${number(counts.fuzzyLinksApplied)}${report.fuzzy ? '' : ', fuzzy stage off'}); refused merges: consent ${number(refused.consent)}, limit ${number(refused.limit)}, conflict ${number(refused.conflict)}, junk ${number(refused.junk)} (refused.csv)`,
    `time: ${timing}`,
  ].join('\n');
}
