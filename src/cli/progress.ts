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
        bar.start(Math.ceil(total / 1e6), 0);
      }
      bar.update(Math.floor(done / 1e6));
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
