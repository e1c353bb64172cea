// `idgraph forget`: erase a person's records and identifiers (ref = type:value or customer_id).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CountryCode } from 'libphonenumber-js';
import type { Command } from 'commander';
import { errors } from '../../errors/index.js';
import { RUN_FILES } from '../../output/index.js';
import { parseForgetTarget, type ForgetRunSettings } from '../../privacy/forget.js';
import { createPseudonymiser, PSEUDONYM_KEY_VARIABLE } from '../../privacy/pseudonymise.js';
import { rewriteQueryIndex } from '../../query/index-writer.js';
import { eraseFromRun, type ErasureCounts } from '../../state/index.js';
import type { CliIo } from '../io.js';

export interface ForgetCommandOptions {
  readonly json?: boolean;
}

const MIN_KEY_LENGTH = 16;

/** The run's phone region and pseudonymisation, from its run.json. */
async function runSettings(dir: string, io: CliIo): Promise<ForgetRunSettings> {
  const text = await readFile(join(dir, RUN_FILES.manifest), 'utf8').catch(() => null);
  if (text === null) throw errors.runDirInvalid(dir, 'no run.json');
  let manifest: { format?: unknown; pseudonymised?: unknown; phoneRegion?: unknown };
  try {
    manifest = JSON.parse(text) as typeof manifest;
  } catch {
    throw errors.runDirInvalid(dir, 'run.json is not valid JSON');
  }
  if (manifest.format !== 'idgraph-run' || typeof manifest.phoneRegion !== 'string') throw errors.runDirInvalid(dir, 'run.json is not an idgraph run manifest');
  if (manifest.pseudonymised !== true) return { phoneRegion: manifest.phoneRegion as CountryCode, pseudonymise: null };
  // The key is needed only to pseudonymise a typed value; a customer ID or a copied pseudonym needs none.
  let pseudonymise: ReturnType<typeof createPseudonymiser> | null = null;
  return {
    phoneRegion: manifest.phoneRegion as CountryCode,
    pseudonymise: (type, value) => {
      if (pseudonymise === null) {
        const key = io.env[PSEUDONYM_KEY_VARIABLE];
        if (key === undefined || key.length < MIN_KEY_LENGTH) {
          throw errors.missingSecret(PSEUDONYM_KEY_VARIABLE, 'forgetting an identifier of a pseudonymised run (with the key it was resolved with)');
        }
        pseudonymise = createPseudonymiser(key);
      }
      return pseudonymise(type, value);
    },
  };
}

const plural = (count: number, word: string) => `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;

/** What was erased, as one line of counts (no values). */
export function renderErasure(dir: string, counts: ErasureCounts): string {
  return (
    `erased ${plural(counts.customers, 'customer')} from ${dir}: ${plural(counts.records, 'record')}, ${plural(counts.identifiers, 'identifier')}, ` +
    `${plural(counts.links, 'link')}, ${plural(counts.refused, 'refused merge')}, ${plural(counts.rejected, 'rejected row')}, ` +
    `${plural(counts.stateRecords, 'state record')}; id_history.csv records the erasure`
  );
}

/**
 * Erases what `ref` names from the run directory `dir` and prints the counts.
 * @throws IdgraphError NOT_FOUND (exit 1) when nothing in the run matches
 */
export async function runForget(dir: string, ref: string, options: ForgetCommandOptions, io: CliIo): Promise<void> {
  const settings = await runSettings(dir, io);
  const target = parseForgetTarget(ref, settings);
  if (target.kind === 'invalid') throw errors.usage(`forget: ${target.detail}; nothing was erased`);
  const counts = await eraseFromRun(dir, target, {
    at: new Date().toISOString(),
    settings,
    rewriteIndex: (staging) => rewriteQueryIndex(staging),
  });
  if (options.json) io.stdout(`${JSON.stringify(counts)}\n`);
  else io.stdout(`${renderErasure(dir, counts)}\n`);
}

export function registerForget(program: Command, io: CliIo): void {
  program
    .command('forget <dir> <ref>')
    .description("erase a person's records and identifiers (ref = type:value or customer_id)")
    .option('--json', 'print the erased counts as JSON')
    .addHelpText(
      'after',
      `
A customer ID erases that customer; type:value erases the customer holding the value and every
customer with a record carrying it. The run's outputs, state and query index are rewritten
atomically and id_history.csv gets one "erased" row per customer (no values). A later
--previous run does not bring the records back; the same records in a new input file do.`,
    )
    .action(async (dir: string, ref: string, options: ForgetCommandOptions) => runForget(dir, ref, options, io));
}
