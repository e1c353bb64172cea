// A progress display on stderr for big inputs (cli-progress), silent for small ones.
import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

/** Inputs larger than this (about 100k rows of typical customer data) get a progress display. */
export const PROGRESS_MIN_BYTES = 10 * 1024 * 1024;

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** A byte-based progress bar for reading input; a no-op below PROGRESS_MIN_BYTES or when disabled. */
export function createProgress(io: CliIo, label: string, enabled: boolean): Progress {
  let bar: cliProgress.SingleBar | null = null;
  let totalMb = 0;
  return {
    update(done, total) {
      if (!enabled || total < PROGRESS_MIN_BYTES) return;
      if (bar === null) {
        bar = new cliProgress.SingleBar(
          {
            format: `${label} [{bar}] {percentage}% | {value}/{total} MB | eta {eta}s`,
            stream: process.stderr,
            noTTYOutput: !io.stderrIsTty,
            notTTYSchedule: 5000,
            hideCursor: io.stderrIsTty,
          },
          cliProgress.Presets.shades_classic,
        );
        totalMb = Math.ceil(total / 1e6);
        bar.start(totalMb, 0);
      }
      bar.update(Math.floor(done / 1e6));
    },
    stop() {
      // Reading ends at 100 %, whatever the last chunk event reported.
      bar?.update(totalMb);
      bar?.stop();
      bar = null;
    },
  };
}

/** One line per finished stage of a big run, so a long run never sits silent after the reading bar. */
export interface StageLog {
  /** Notes that `stage` ended after `ms` milliseconds. */
  done(stage: string, ms: number): void;
  /** Notes that the run directory is being written (the last and often longest stage). */
  writing(dir: string): void;
}

/**
 * Stage lines on stderr (`normalise done in 13.2 s`) once the input has proven big (the reading
 * bar was shown, see PROGRESS_MIN_BYTES); silent otherwise. Names only stages and the output
 * directory the user gave, never data.
 * @param isBig asked at each line: whether the input reached the progress threshold
 */
export function createStageLog(io: CliIo, isBig: () => boolean): StageLog {
  return {
    done(stage, ms) {
      if (isBig()) io.stderr(`${stage} done in ${(ms / 1000).toFixed(1)} s\n`);
    },
    writing(dir) {
      if (isBig()) io.stderr(`writing ${dir} (CSV files, query index, state, report)\n`);
    },
  };
}
