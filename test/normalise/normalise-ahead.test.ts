// Tests for normalising phones and emails ahead of the engine, on a worker thread.
import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect } from 'vitest';
import { loadConfig, type Config } from '../../src/config/index.js';
import { readInputs, type InputRecord } from '../../src/input/index.js';
import { cacheOf, COSTLY_TYPES, normaliseAhead, normaliseColumn, type CostlyType } from '../../src/normalise/normalise-ahead.js';
import { normaliseIdentifier } from '../../src/normalise/identifier.js';
import { resolve, resolveInParallel } from '../../src/resolve/index.js';
import { normaliseStage } from '../../src/resolve/normalise-stage.js';
import { generatedFiles } from '../helpers/generated-run.js';
import { shuffle } from '../helpers/shuffle.js';

/** Phone-like and email-like values, valid and not, with repeats. */
const phoneLike = fc.oneof(
  fc.stringMatching(/^\+?[0-9 ()/-]{0,16}$/),
  fc.constantFrom('0171 1234567', '+49 171 1234567', '(030) 123456', '00491711234567', 'n/a', ''),
);
const emailLike = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9.+_-]{0,8}@?[A-Za-z0-9.-]{0,8}$/),
  fc.constantFrom('Anna.Muller@Example.COM', ' bob@example.org ', 'no-at-sign', 'ünï@exämple.de'),
);
const valuesOf = (type: CostlyType) => fc.array(type === 'phone' ? phoneLike : emailLike, { maxLength: 40 });

const directly = (type: CostlyType, raws: readonly string[]) =>
  new Map([...new Set(raws)].map((raw) => [raw, normaliseIdentifier(type, raw, { defaultRegion: 'DE' })]));

const withIdentifiers = (identifiers: InputRecord['identifiers'], at: number): InputRecord => ({
  file: 'f.csv', line: at + 2, recordId: `r${at}`, source: 'shop', domain: 'crm', timestamp: null,
  identifiers, attributes: {}, cookiePermission: null, crmPermission: null,
});

describe('normaliseColumn and cacheOf', () => {
  test.prop([fc.constantFrom(...COSTLY_TYPES).chain((type) => fc.tuple(fc.constant(type), valuesOf(type)))])(
    'should give each distinct value the result of its normaliser, once, in first-seen order',
    ([type, raws]) => {
      const column = normaliseColumn(type, raws, 'DE');
      expect(column.raws).toStrictEqual([...new Set(raws)]);
      expect(cacheOf(column)).toStrictEqual(directly(type, raws));
    },
  );
});

describe('normaliseAhead', () => {
  const phones = ['0171 1234567', '+49 171 1234567', 'n/a', '0171 1234567'];
  const emails = ['Anna@Example.com', 'no-at-sign'];
  const records = [
    withIdentifiers([{ type: 'phone', raw: phones[0]! }, { type: 'email', raw: emails[0]! }, { type: 'login', raw: 'anna' }], 0),
    withIdentifiers([{ type: 'phone', raw: phones[1]! }, { type: 'phone', raw: phones[2]! }], 1),
    withIdentifiers([{ type: 'phone', raw: phones[3]! }, { type: 'email', raw: emails[1]! }], 2),
    // A pseudonym from a pseudonymised run's state is not normalised again.
    withIdentifiers([{ type: 'email', raw: 'c2VjcmV0', pseudonymised: true }], 3),
  ];

  test('should normalise every phone and email on the worker as the normalisers do', async () => {
    const caches = await normaliseAhead(records, { defaultRegion: 'DE', minValues: 0, cores: 2 });
    expect(caches.get('phone')).toStrictEqual(directly('phone', phones));
    expect(caches.get('email')).toStrictEqual(directly('email', emails));
  });

  test.each([
    ['fewer values than minValues', { minValues: 7, cores: 2 }],
    ['one core', { minValues: 0, cores: 1 }],
    ['no room for the values in memory', { minValues: 0, cores: 2, memory: { rss: 1 << 30, heapUsed: 1 << 29, available: 1000, total: 2 << 30 } }],
  ])('should start no worker and give empty caches with %s', async (_name, options) => {
    const caches = await normaliseAhead(records, { defaultRegion: 'DE', ...options });
    expect([...caches.keys()]).toStrictEqual([...COSTLY_TYPES]);
    expect([...caches.values()].map((cache) => cache.size)).toStrictEqual([0, 0]);
  });
});

describe('the engine given phones and emails normalised ahead', () => {
  let generated: InputRecord[] = [];
  let config: Config;

  beforeAll(async () => {
    const files = await generatedFiles(600, 17);
    config = await loadConfig(files.config);
    generated = [...(await readInputs(files.inputs, config)).records];
  });

  test.prop([fc.integer()], { numRuns: 2 })('should give the result it gives without them, whatever the row order', async (seed) => {
    const input = shuffle(generated, seed);
    const ahead = await normaliseAhead(input, { defaultRegion: config.phone.defaultRegion, minValues: 0, cores: 2 });
    expect(ahead.get('phone')!.size).toBeGreaterThan(0);
    const result = await resolveInParallel(input, { config, normalisedAhead: ahead }, { minProfiles: 0, cores: 2 });
    expect(result).toStrictEqual(resolve(generated, { config }));
  });

  test('should take its phone results from the caches it is given, and empty them after', () => {
    const record = withIdentifiers([{ type: 'phone', raw: '0171 1234567' }, { type: 'phone', raw: '0171 7654321' }], 0);
    // A result no normaliser gives for that value: seen only if the stage reads the cache.
    const phone = new Map([['0171 1234567', { ok: true, value: '+490000000001' } as const]]);
    const caches = new Map([['phone', phone], ['email', new Map()]] as const);
    const normalised = normaliseStage([record], config, undefined, caches);
    expect(normalised.identifierNodes.map((node) => node.value)).toStrictEqual(['+490000000001', '+491717654321']);
    expect(phone.size).toBe(0);
  });
});
