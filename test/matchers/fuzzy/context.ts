// A scoring context for matcher unit tests: a weight model measured on a small synthetic population.
import type { ScoreContext } from '../../../src/matchers/fuzzy/matcher.js';
import { buildWeightModel } from '../../../src/matchers/weight-model.js';
import { profile } from '../../helpers/match-records.js';

const FIRST = ['anna', 'peter', 'jonas', 'lena', 'paul', 'maria', 'stefan', 'julia', 'max', 'sabine'];
const LAST = ['mueller', 'schmidt', 'schneider', 'fischer', 'weber', 'meyer', 'wagner', 'becker', 'hoffmann', 'koch', 'richter', 'klein'];

/** 600 unrelated people with names, birth dates, addresses, emails and phones. */
export const POPULATION = Array.from({ length: 600 }, (_, i) =>
  profile(i, {
    firstName: FIRST[i % FIRST.length]!,
    lastName: LAST[(i * 7) % LAST.length]!,
    birthDate: `19${50 + (i % 50)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 3) % 28)).padStart(2, '0')}`,
    street: `strasse${i % 97} ${1 + (i % 60)}`,
    postalCode: String(10000 + ((i * 13) % 400)),
    city: `stadt${i % 40}`,
    emails: [`user${i}@mail${i % 5}.de`],
    phones: [`+49170${String(1000000 + i * 7919).slice(0, 7)}`],
  }),
);

const thresholds = { name: 0.88, text: 0.8 };

/** Default thresholds, the population's weight model, threshold 0.8. */
export const CONTEXT: ScoreContext = {
  thresholds,
  model: buildWeightModel(POPULATION, { thresholds, duplicatesPerRecord: 4, sampleSize: 20_000, swapBits: -2 }),
  threshold: 0.8,
};
