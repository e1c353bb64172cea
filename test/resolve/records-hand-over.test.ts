import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadConfig, type Config } from '../../src/config/index.js';
import { readInputs, type InputRecord } from '../../src/input/index.js';
import { RecordsHandOver, resolve, resolveInParallel, type Stage } from '../../src/resolve/index.js';
import { generatedFiles } from '../helpers/generated-run.js';

let inputs: readonly string[];
let config: Config;

/** Fresh records read from the generated files: the test holds no other reference to them. */
const readRecords = async (): Promise<readonly InputRecord[]> => (await readInputs(inputs, config)).records;

/** A full collection (the flag is set at run time; `gc` is then found in a new context). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

beforeAll(async () => {
  const files = await generatedFiles(300, 29);
  inputs = files.inputs;
  config = await loadConfig(files.config);
});

describe('RecordsHandOver', () => {
  test('should give its records once, then refuse (a hand-over serves one run)', async () => {
    const records = await readRecords();
    const handOver = new RecordsHandOver(records);
    expect(handOver.take()).toBe(records);
    expect(() => handOver.take()).toThrow(/taken already/);
  });

  test('should resolve to the same result as the records themselves', async () => {
    const records = await readRecords();
    const expected = resolve(records, { config });
    expect(resolve(new RecordsHandOver(records), { config })).toStrictEqual(expected);
    expect(await resolveInParallel(new RecordsHandOver(records), { config }, { minProfiles: 0, cores: 2 })).toStrictEqual(expected);
  });

  /**
   * Watches one input record (and its identifier list) through a run: whether it can still be
   * reached once stage 1 is over, from the stage callback after 'match'.
   */
  async function recordAliveAfterStageOne(handOver: boolean): Promise<boolean> {
    // Made in a function of its own: a local of this (async) function would keep the records alive.
    const { input, watched } = await (async () => {
      const records = await readRecords();
      return { input: handOver ? new RecordsHandOver(records) : records, watched: new WeakRef(records[records.length - 1]!.identifiers) };
    })();
    let alive: boolean | null = null;
    const onStage = (stage: Stage) => {
      if (stage !== 'match') return;
      collectGarbage();
      alive = watched.deref() !== undefined;
    };
    await resolveInParallel(input, { config, onStage }, { minProfiles: 0, cores: 2 });
    return alive!;
  }

  test('should let the input records be freed after stage 1 when handed over', async () => {
    expect(await recordAliveAfterStageOne(true)).toBe(false);
  });

  test('should keep them while the caller passes the array itself (the reason for the hand-over)', async () => {
    expect(await recordAliveAfterStageOne(false)).toBe(true);
  });
});
