// The run report: one object for report.json and the short text a person reads.
import type { ConsentMode, LimitsConfig } from '../config/index.js';
import type { StabilityStats } from '../ids/index.js';
import { ROW_REJECTION_CODES, type FileSummary, type Rejection, type RowRejectionCode } from '../input/index.js';
import type { JunkValue, ResolutionCounts } from '../resolve/index.js';

export interface RunReport {
  /** The report's first line, stated as text; names --consent ignore when consent was off. */
  readonly headline: string;
  readonly consent: ConsentMode;
  readonly fuzzy: boolean;
  readonly pseudonymised: boolean;
  readonly inputs: readonly FileSummary[];
  /** `carried`: records taken from the --previous run's state (resolved, but not read this run). */
  readonly rows: { readonly read: number; readonly resolved: number; readonly rejected: number; readonly carried?: number; readonly accountedFor: boolean };
  readonly rejectedByCode: Readonly<Record<string, number>>;
  readonly counts: ResolutionCounts;
  readonly largestCustomers: readonly { readonly customerId: string; readonly records: number }[];
  readonly junk: readonly JunkValue[];
  /** Milliseconds per stage, as measured by the caller. */
  readonly timings: Readonly<Record<string, number>>;
  /** Customer IDs against the --previous run (null on a first run). */
  readonly stability?: StabilityStats | null;
  /** The limits that protect the machine and the graph, with how often each was hit. */
  readonly limits?: LimitsReport;
}

/** Each configurable limit (config `limits`) with its value and how often it was hit in the run. */
export interface LimitsReport {
  /** Rows rejected as FIELD_TOO_LONG (a field over the limit) or ROW_TOO_LONG (a line over 4 × the limit). */
  readonly maxFieldLength: { readonly limit: number; readonly rowsRejected: number };
  /** Merges refused because the customer would hold more records than the limit. */
  readonly recordsPerCustomer: { readonly limit: number; readonly mergesRefused: number };
  /** Merges refused because the customer would hold more identifiers of one type than its limit. */
  readonly identifiersPerType: { readonly limit: Readonly<Record<string, number>>; readonly mergesRefused: number };
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
  /** Records carried from the --previous run's state (src/state/carry-records.ts). */
  readonly rowsCarried?: number;
  readonly stability?: StabilityStats | null;
  /** The run's limits; when given, the report says how often each was hit. */
  readonly limits?: LimitsConfig;
}

/** Builds the report; `rows.accountedFor` is the "nothing lost" check: resolved + rejected = read. */
export function buildReport(input: ReportInput): RunReport {
  const resolved = input.counts.records;
  const carried = input.rowsCarried ?? 0;
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
      ...(input.rowsCarried === undefined ? {} : { carried }),
      accountedFor: resolved - carried + input.rowRejections === input.rowsRead,
    },
    rejectedByCode,
    counts: input.counts,
    largestCustomers: input.largestCustomers,
    junk: input.junk,
    timings: input.timings,
    stability: input.stability ?? null,
    ...(input.limits === undefined ? {} : { limits: limitsReport(input.limits, input.rejections, input.counts) }),
  };
}

function limitsReport(limits: LimitsConfig, rejections: readonly Rejection[], counts: ResolutionCounts): LimitsReport {
  const rowsRejected = rejections.filter((rejection) => rejection.code === 'FIELD_TOO_LONG' || rejection.code === 'ROW_TOO_LONG').length;
  return {
    maxFieldLength: { limit: limits.maxFieldLength, rowsRejected },
    recordsPerCustomer: { limit: limits.recordsPerCustomer, mergesRefused: counts.limitHits.recordsPerCustomer },
    identifiersPerType: { limit: limits.identifiersPerType, mergesRefused: counts.limitHits.identifiersPerType },
  };
}

const number = (value: number) => value.toLocaleString('en-US');

/** One line with the rejected rows by code (row-level codes only), or null when none was rejected. */
function renderRejectedRows(report: RunReport): string | null {
  const parts = (Object.keys(ROW_REJECTION_CODES) as RowRejectionCode[])
    .filter((code) => (report.rejectedByCode[code] ?? 0) > 0)
    .map((code) => `${code} ${number(report.rejectedByCode[code]!)}`);
  return parts.length === 0 ? null : `rejected rows by reason: ${parts.join(', ')}`;
}

/** One line naming every limit that was hit, or null when none was. */
function renderLimits(report: RunReport): string | null {
  const limits = report.limits;
  if (limits === undefined) return null;
  const hits = [
    limits.maxFieldLength.rowsRejected > 0 ? `limits.maxFieldLength (${number(limits.maxFieldLength.limit)}) rejected ${number(limits.maxFieldLength.rowsRejected)} row(s)` : null,
    limits.recordsPerCustomer.mergesRefused > 0 ? `limits.recordsPerCustomer (${number(limits.recordsPerCustomer.limit)}) refused ${number(limits.recordsPerCustomer.mergesRefused)} merge(s)` : null,
    limits.identifiersPerType.mergesRefused > 0 ? `limits.identifiersPerType refused ${number(limits.identifiersPerType.mergesRefused)} merge(s)` : null,
  ].filter((hit) => hit !== null);
  return hits.length === 0 ? null : `limits hit: ${hits.join('; ')} (rejected.csv, refused.csv)`;
}

/** One line on customer IDs against the previous run. */
function renderStability(report: RunReport): string {
  const stability = report.stability ?? null;
  if (stability === null) return 'IDs: first run (no --previous); every ID derived from its records';
  const { customers: c, churn } = stability;
  const share = `${(churn.share * 100).toFixed(2)}%`;
  return `IDs vs --previous: kept ${number(c.kept)}, grown ${number(c.grown)}, merged ${number(c.merged)}, split ${number(c.split)}, new ${number(c.new)}; churn ${share} of ${number(churn.previousRecords)} previous records changed ID (merge ${number(churn.causes.merged)}, split ${number(churn.causes.split)}); ${number(stability.retired)} ID(s) retired (id_history.csv)`;
}

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
    `rows: ${number(rows.read)} read from ${report.inputs.length} file(s); ${number(rows.resolved)} resolved, ${number(rows.rejected)} rejected (rejected.csv)${(rows.carried ?? 0) > 0 ? `; ${number(rows.carried!)} carried from --previous` : ''}${rows.accountedFor ? '' : ' — ACCOUNTING MISMATCH'}`,
    renderStability(report),
    `customers: ${number(counts.customers)} (permission level 1: ${number(counts.permissionLevels['1'])}, 2: ${number(counts.permissionLevels['2'])}, 3: ${number(counts.permissionLevels['3'])}); largest has ${number(largest)} records`,
    `identifiers: ${number(counts.identifiers)}; values not used: ${number(counts.invalidValues)} invalid, ${number(counts.junkValues)} junk (rejected.csv)`,
    `links applied: ${number(counts.linksApplied)} (fuzzy ${number(counts.fuzzyLinksApplied)}${report.fuzzy ? '' : ', fuzzy stage off'}); refused merges: consent ${number(refused.consent)}, limit ${number(refused.limit)}, conflict ${number(refused.conflict)}, junk ${number(refused.junk)} (refused.csv)`,
    ...[renderRejectedRows(report), renderLimits(report)].filter((line) => line !== null),
    ...(report.fuzzy ? [`fuzzy: ${number(counts.fuzzyCandidates)} candidate pairs compared, ${number(counts.fuzzyLinksFound ?? 0)} links above the threshold; ${number(counts.fuzzyOversizedBlocks ?? 0)} oversized blocks skipped (fuzzy.maxBlockSize)`] : []),
    `time: ${timing}`,
  ].join('\n');
}
