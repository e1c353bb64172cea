// What `idgraph resolve` reads before resolving: the previous run's state, the inputs, and the state draft.
import type { Config, ConsentMode } from '../../config/index.js';
import { errors } from '../../errors/index.js';
import { readInputs, type InputBatch } from '../../input/index.js';
import { normaliseAhead, type NormaliseCaches } from '../../normalise/normalise-ahead.js';
import { RecordsHandOver } from '../../resolve/index.js';
import { carryRecords, checkPreviousCompatible, readPreviousState, StateDraft, type PreviousState, type StatePseudonymiser } from '../../state/index.js';
import type { CliIo } from '../io.js';
import { createProgress } from '../progress.js';

/** `value` without its records (a copy: the records are not reachable from it). */
const withoutRecords = <T extends { readonly records: unknown }>(value: T): Omit<T, 'records'> => {
  const { records: _records, ...rest } = value;
  return rest;
};

export interface RunInputOptions {
  readonly config: Config;
  readonly consent: ConsentMode;
  readonly previousDir: string | undefined;
  readonly keyCheck: string | null;
  readonly statePseudonymiser: StatePseudonymiser | null;
  readonly io: CliIo;
  readonly quiet: boolean;
  /** Called with the input's total size once known. */
  readonly onInputBytes: (total: number) => void;
  /** Called as each step ends: 'previous', 'read', 'state'. */
  readonly lap: (stage: string) => void;
}

/** A run's records, ready to resolve: the rest of what was read is kept, the records themselves only by the hand-over. */
export interface RunInput {
  readonly previous: Omit<PreviousState, 'records'> | null;
  readonly batch: Omit<InputBatch, 'records'>;
  /** Records taken from the previous run's state. */
  readonly carried: number;
  /** Every record of the run, for the engine (which frees them after its first stage). */
  readonly records: RecordsHandOver;
  /** The run's state, drafted from those records before they are freed. */
  readonly stateDraft: StateDraft;
  /** The records' phones and emails, normalised on a worker thread while the state was drafted (for the engine). */
  readonly normalisedAhead: Promise<NormaliseCaches>;
}

/**
 * Reads the previous run's state (when given) and the inputs, joins their records and drafts the
 * run's state from them. No reference to the records outlives this function but the hand-over's.
 */
export async function readRunInput(inputs: readonly string[], options: RunInputOptions): Promise<RunInput> {
  const { config, lap } = options;
  // The previous run is read whole before anything is written, so --previous may name the --out directory.
  const previousState = options.previousDir === undefined ? null : await readPreviousState(options.previousDir);
  if (previousState !== null) {
    checkPreviousCompatible(options.previousDir!, previousState.manifest, options.keyCheck);
    lap('previous');
  }
  const progress = createProgress(options.io, 'reading', !options.quiet);
  const batch = await readInputs(inputs, config, {
    onProgress: (done, total) => {
      options.onInputBytes(total);
      progress.update(done, total);
    },
  });
  progress.stop();
  lap('read');
  if (options.consent !== 'ignore' && !batch.consentColumnsSeen) throw errors.noConsentColumns();
  const carried = carryRecords(previousState?.records ?? [], batch.records);
  const normalisedAhead = normaliseAhead(carried.records, { defaultRegion: config.phone.defaultRegion });
  // A failure is reported when the caller awaits it: not an unhandled rejection meanwhile.
  normalisedAhead.catch(() => undefined);
  const stateDraft = await StateDraft.of(carried.records, options.statePseudonymiser);
  lap('state');
  return {
    previous: previousState === null ? null : withoutRecords(previousState),
    batch: withoutRecords(batch),
    carried: carried.carried,
    records: new RecordsHandOver(carried.records),
    stateDraft,
    normalisedAhead,
  };
}

