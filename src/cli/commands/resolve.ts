// `idgraph resolve`: read inputs, resolve, write the run directory, print the summary.
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { loadConfig, type ConsentMode } from '../../config/index.js';
import { errors, IdgraphError } from '../../errors/index.js';
import { stabiliseIds } from '../../ids/index.js';
import { buildReport, checkRunDirectoryTarget, renderReportText, writeRun, type RunManifest } from '../../output/index.js';
import { writeReportHtml } from '../../output/report-html.js';
import { createPseudonymiser, PSEUDONYM_KEY_VARIABLE } from '../../privacy/pseudonymise.js';
import { collectGarbage } from '../../memory/collect-garbage.js';
import { collectAndCompact } from '../../memory/compact-heap.js';
import { turnIncrementalMarkingOff } from '../../memory/incremental-marking.js';
import { readMemory, watchMemoryPressure } from '../../memory/memory-pressure.js';
import { indexThreadFor, writeQueryIndex } from '../../query/index-writer.js';
import { resolveInParallel, sourceDomainsOf, type Stage } from '../../resolve/index.js';
import { historyRow, partitionOf, pseudonymKeyCheck, remapCustomerIds, writeRunState, type StatePseudonymiser } from '../../state/index.js';
import type { CliIo } from '../io.js';
import { createStageLog, PROGRESS_MIN_BYTES } from '../progress.js';
import { readRunInput } from './resolve-input.js';

export interface ResolveCommandOptions {
  readonly out: string;
  readonly config?: string;
  readonly previous?: string;
  readonly pseudonymise?: boolean;
  readonly consent?: string;
  readonly fuzzy: boolean;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

function consentMode(value: string | undefined, fallback: ConsentMode): ConsentMode {
  if (value === undefined) return fallback;
  if (value === 'enforce' || value === 'strict' || value === 'ignore') return value;
  throw errors.usage(`--consent must be enforce, strict or ignore`);
}

/** Runs a resolution end to end, collecting garbage early when the machine runs short of memory. */
export async function runResolve(inputs: readonly string[], options: ResolveCommandOptions, io: CliIo): Promise<void> {
  const memory = watchMemoryPressure();
  let collections = 0;
  try {
    await resolveRun(inputs, options, io);
  } finally {
    collections = memory.stop();
  }
  if (collections > 0 && !options.quiet) io.stderr(`memory: ${collections} extra full garbage collection(s) ran when this machine's memory ran short\n`);
}

async function resolveRun(inputs: readonly string[], options: ResolveCommandOptions, io: CliIo): Promise<void> {
  const config = await loadConfig(options.config);
  const consent = consentMode(options.consent, config.consent);
  const fuzzy = options.fuzzy && config.fuzzy.enabled;
  const pseudonymised = options.pseudonymise === true;
  const key = io.env[PSEUDONYM_KEY_VARIABLE];
  if (pseudonymised && (key === undefined || key.length < 16)) {
    throw errors.missingSecret(PSEUDONYM_KEY_VARIABLE, '--pseudonymise (a key of at least 16 characters)');
  }
  const pseudonymise = pseudonymised ? createPseudonymiser(key!) : undefined;
  const keyCheck = pseudonymised ? pseudonymKeyCheck(key!) : null;
  // Refused before any work: --out must be missing, empty or an earlier run (the swap replaces it).
  await checkRunDirectoryTarget(options.out);

  const timings: Record<string, number> = {};
  let inputBytes = 0;
  const stages = createStageLog(io, () => !options.quiet && inputBytes >= PROGRESS_MIN_BYTES);
  let mark = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    timings[stage] = Math.round(now - mark);
    mark = now;
    stages.done(stage, timings[stage]!);
  };

  const statePseudonymiser: StatePseudonymiser | null =
    pseudonymise === undefined ? null : { pseudonymise, defaultRegion: config.phone.defaultRegion, extraJunk: new Set(config.junk.values) };
  const { previous, batch, carried, records, stateDraft, normalisedAhead } = await readRunInput(inputs, {
    config,
    consent,
    previousDir: options.previous,
    keyCheck,
    statePseudonymiser,
    io,
    quiet: options.quiet === true,
    onInputBytes: (total) => (inputBytes = total),
    lap,
  });
  // NOTE: the input records die with the normalise stage; unless collected there, the fuzzy stage
  // builds its profiles and keys on top of them: the run's peak at 1M records, 2.84 -> 2.67 GB
  // with a collection there (bench/RESULTS.md, "Flat strings, and collections that compact").
  const onStage = (stage: Stage) => {
    lap(stage);
    if (stage === 'normalise' && fuzzy) collectAndCompact();
  };
  // Any wait for the phones and emails normalised ahead counts in the normalise stage's time.
  const contentResult = await resolveInParallel(records, { config, consent, fuzzy, pseudonymise, onStage, normalisedAhead: await normalisedAhead });
  // NOTE: the engine's intermediates (normalised input, graph, fuzzy links) die as it returns:
  // collected here, before the ids stage builds on top of them; a plain collection before the
  // write stage then takes the ids stage's own garbage. With fuzzy matching on, the heap is also
  // compacted here: at 1M records the peak was in the ids stage, 2,495 -> 2,173 MiB; at 310k
  // unchanged (bench/RESULTS.md, "Collections placed after the engine"). With it off, compacting
  // cost ~1.9 s of a 1M-record run for ~110 MiB of peak, and nothing at 310k (bench/RESULTS.md,
  // "No compaction after the engine with fuzzy matching off").
  if (fuzzy) collectAndCompact();
  else collectGarbage();
  // The engine gives content IDs; the published IDs stay stable against the previous run (src/ids/stabilise.ts).
  const createdAt = new Date().toISOString();
  const assignment = stabiliseIds(partitionOf(contentResult), previous?.ids ?? null, createdAt);
  const result = remapCustomerIds(contentResult, assignment.idOf);
  lap('ids');

  const largestCustomers = [...result.customers]
    .sort((a, b) => b.records - a.records || (a.id < b.id ? -1 : 1))
    .slice(0, 10)
    .map((customer) => ({ customerId: customer.id, records: customer.records }));
  const report = buildReport({
    consent,
    fuzzy,
    pseudonymised,
    inputs: batch.files,
    rowsRead: batch.rowsRead,
    rowRejections: batch.rejections.length,
    rejections: [...batch.rejections, ...result.rejections],
    counts: result.counts,
    largestCustomers,
    junk: result.junk,
    timings,
    ...(previous === null ? {} : { rowsCarried: carried }),
    stability: previous === null ? null : assignment.stats,
    limits: config.limits,
  });
  if (!report.rows.accountedFor) {
    throw new IdgraphError('INTERNAL', `row accounting failed: ${report.rows.read} read, ${report.rows.resolved} resolved, ${report.rows.rejected} rejected`);
  }
  const manifest: RunManifest = {
    format: 'idgraph-run',
    version: 1,
    createdAt,
    consent,
    fuzzy,
    pseudonymised,
    phoneRegion: config.phone.defaultRegion,
    sourceDomains: sourceDomainsOf(result.records),
  };
  collectGarbage();
  const indexThread = indexThreadFor(readMemory());
  if (indexThread === 'this-thread') {
    // A heap this large is what incremental marking handles worst (src/memory/incremental-marking.ts).
    turnIncrementalMarkingOff();
    if (!options.quiet) {
      io.stderr(`memory: the query index is written on the main thread: this machine has too little memory left for its worker's copy of the result\n`);
    }
  }
  stages.writing(options.out);
  await writeRun(options.out, {
    manifest,
    result,
    rejections: [...batch.rejections, ...result.rejections],
    idHistory: [...(previous?.history ?? []), ...assignment.history].map(historyRow),
    report: { ...report, timings: { ...timings } },
    extraWriters: [
      // The state first: its work is mostly gzip on libuv's thread pool, which then runs beside this thread's hand-over to the index worker.
      (staging) => writeRunState(staging, { createdAt, draft: stateDraft, result, assignment, keyCheck }),
      (staging, runFilesWritten) => writeQueryIndex(staging, result, runFilesWritten, indexThread),
      (staging) => writeReportHtml(staging, report, result, manifest.sourceDomains),
    ],
  });
  lap('write');
  const finalReport = { ...report, timings: { ...timings } };
  // Junk values are identifier values: they stay in report.json (an output file), not on stdout.
  if (options.json) io.stdout(`${JSON.stringify({ ...finalReport, junk: `${finalReport.junk.length} values, listed in report.json` })}\n`);
  if (!options.quiet) io.stderr(`${renderReportText(finalReport)}\nwrote ${options.out}\n`);
}

export function registerResolve(program: Command, io: CliIo): void {
  program
    .command('resolve')
    .description('resolve input files into customers and write a run directory')
    .argument('<input...>', 'input files (.csv, .ndjson, .jsonl)')
    .requiredOption('--out <dir>', 'output directory of this run (replaced atomically)')
    .option('--config <file>', 'configuration file (JSON or YAML)')
    .option('--previous <dir>', 'output directory of the previous run, to keep customer IDs stable')
    .option('--pseudonymise', 'replace identifiers by HMAC-SHA256 pseudonyms (key from IDGRAPH_PSEUDONYM_KEY)')
    .option('--consent <mode>', 'enforce (default), strict or ignore')
    .option('--no-fuzzy', 'turn the fuzzy matching stage off')
    .option('--json', 'print the run report as JSON on stdout')
    .option('--quiet', 'print nothing but errors')
    .action(async (inputs: string[], options: ResolveCommandOptions) => runResolve(inputs, options, io));
}
