import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { evaluate, f1Of, MissingPredictionsError, pairsOf, scores, type Labelling } from '../../../bench/lib/metrics.js';

/** Labelling from [record, label] pairs. */
const labels = (entries: Record<string, string>): Labelling => new Map(Object.entries(entries));

/** Random small labellings: a truth over r0..r(n-1), a prediction over the same records plus extras. */
const labellings = fc.integer({ min: 0, max: 24 }).chain((n) =>
  fc.record({
    truth: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
    predicted: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
    extra: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }),
  }),
);

function toMaps(sample: { truth: number[]; predicted: number[]; extra: number[] }) {
  const truth = new Map(sample.truth.map((label, i) => [`r${i}`, `t${label}`]));
  const predicted = new Map(sample.predicted.map((label, i) => [`r${i}`, `p${label}`]));
  // Records the truth does not know: they must not change anything.
  sample.extra.forEach((label, i) => predicted.set(`x${i}`, `p${label}`));
  return { truth, predicted };
}

/** The naive oracle: look at every pair of truth records. */
function naivePairs(truth: number[], predicted: number[]) {
  let truePairs = 0;
  let predictedPairs = 0;
  let truePositives = 0;
  for (let i = 0; i < truth.length; i++) {
    for (let j = i + 1; j < truth.length; j++) {
      const sameTruth = truth[i] === truth[j];
      const samePredicted = predicted[i] === predicted[j];
      if (sameTruth) truePairs++;
      if (samePredicted) predictedPairs++;
      if (sameTruth && samePredicted) truePositives++;
    }
  }
  return { truePairs, predictedPairs, truePositives };
}

/** The naive B-cubed oracle: per record, compare its two clusters as sets. */
function naiveBcubed(truth: number[], predicted: number[]) {
  if (truth.length === 0) return { precision: 1, recall: 1 };
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < truth.length; i++) {
    const trueCluster = truth.flatMap((label, j) => (label === truth[i] ? [j] : []));
    const predictedCluster = predicted.flatMap((label, j) => (label === predicted[i] ? [j] : []));
    const both = trueCluster.filter((j) => predictedCluster.includes(j)).length;
    precision += both / predictedCluster.length;
    recall += both / trueCluster.length;
  }
  return { precision: precision / truth.length, recall: recall / truth.length };
}

describe('evaluate', () => {
  describe('should handle edge cases', () => {
    test('for an empty truth: no pairs, every score 1', () => {
      expect(evaluate(new Map(), labels({ a: 'x' }))).toStrictEqual({
        records: 0,
        trueClusters: 0,
        predictedClusters: 0,
        pairs: { truePairs: 0, predictedPairs: 0, truePositives: 0 },
        pairwise: { precision: 1, recall: 1, f1: 1 },
        bcubed: { precision: 1, recall: 1, f1: 1 },
      });
    });

    test('for a single record: no pairs, every score 1', () => {
      const metrics = evaluate(labels({ a: '1' }), labels({ a: 'x' }));
      expect(metrics.pairs).toStrictEqual({ truePairs: 0, predictedPairs: 0, truePositives: 0 });
      expect(metrics.pairwise).toStrictEqual({ precision: 1, recall: 1, f1: 1 });
      expect(metrics.bcubed).toStrictEqual({ precision: 1, recall: 1, f1: 1 });
    });

    test('for all-singleton predictions: precision 1 (nothing claimed), recall 0', () => {
      const metrics = evaluate(labels({ a: '1', b: '1' }), labels({ a: 'x', b: 'y' }));
      expect(metrics.pairwise).toStrictEqual({ precision: 1, recall: 0, f1: 0 });
      // per record: precision 1/1, recall 1/2
      expect(metrics.bcubed.precision).toBe(1);
      expect(metrics.bcubed.recall).toBe(0.5);
      expect(metrics.bcubed.f1).toBeCloseTo(2 / 3, 12);
    });

    test('for a truth without pairs and one predicted cluster: recall 1 (nothing to find), precision 0', () => {
      const metrics = evaluate(labels({ a: '1', b: '2', c: '3' }), labels({ a: 'x', b: 'x', c: 'x' }));
      expect(metrics.pairs).toStrictEqual({ truePairs: 0, predictedPairs: 3, truePositives: 0 });
      expect(metrics.pairwise).toStrictEqual({ precision: 0, recall: 1, f1: 0 });
      expect(metrics.bcubed.precision).toBeCloseTo(1 / 3, 12);
      expect(metrics.bcubed.recall).toBe(1);
      expect(metrics.bcubed.f1).toBeCloseTo(0.5, 12);
    });

    test('for a truth record without prediction: throws MissingPredictionsError with the count', () => {
      const run = () => evaluate(labels({ a: '1', b: '1', c: '2' }), labels({ a: 'x' }));
      expect(run).toThrow(MissingPredictionsError);
      try {
        run();
      } catch (error) {
        expect((error as MissingPredictionsError).missingCount).toBe(2);
        expect((error as MissingPredictionsError).missing).toStrictEqual(['b', 'c']);
      }
    });

    test('for predicted records outside the truth: they are ignored', () => {
      const truth = labels({ a: '1', b: '2' });
      const plain = evaluate(truth, labels({ a: 'x', b: 'y' }));
      const withExtra = evaluate(truth, labels({ a: 'x', b: 'y', z: 'x', w: 'y' }));
      expect(withExtra).toStrictEqual(plain);
    });
  });

  describe('should match hand-computed values', () => {
    test('for truth {a,b,c}{d,e} vs prediction {a,b}{c,d,e}', () => {
      // true pairs 3+1, predicted 1+3; cells (1,X)=2 (1 pair), (1,Y)=1, (2,Y)=2 (1 pair): tp 2.
      // B-cubed precision = (4/2 + 1/3 + 4/3)/5 = 11/15, recall = (4/3 + 1/3 + 4/2)/5 = 11/15.
      const metrics = evaluate(
        labels({ a: '1', b: '1', c: '1', d: '2', e: '2' }),
        labels({ a: 'X', b: 'X', c: 'Y', d: 'Y', e: 'Y' }),
      );
      expect(metrics.records).toBe(5);
      expect(metrics.trueClusters).toBe(2);
      expect(metrics.predictedClusters).toBe(2);
      expect(metrics.pairs).toStrictEqual({ truePairs: 4, predictedPairs: 4, truePositives: 2 });
      expect(metrics.pairwise).toStrictEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
      expect(metrics.bcubed.precision).toBeCloseTo(11 / 15, 12);
      expect(metrics.bcubed.recall).toBeCloseTo(11 / 15, 12);
      expect(metrics.bcubed.f1).toBeCloseTo(11 / 15, 12);
    });

    test('for an over-merge of two true pairs into one cluster', () => {
      // truth {a,b}{c,d}; prediction {a,b,c,d}: predicted 6 pairs, 2 of them true.
      const metrics = evaluate(labels({ a: '1', b: '1', c: '2', d: '2' }), labels({ a: 'X', b: 'X', c: 'X', d: 'X' }));
      expect(metrics.pairs).toStrictEqual({ truePairs: 2, predictedPairs: 6, truePositives: 2 });
      expect(metrics.pairwise.precision).toBeCloseTo(1 / 3, 12);
      expect(metrics.pairwise.recall).toBe(1);
      expect(metrics.pairwise.f1).toBeCloseTo(0.5, 12);
      expect(metrics.bcubed.precision).toBe(0.5);
      expect(metrics.bcubed.recall).toBe(1);
    });

    test('for a perfect prediction under other label names', () => {
      const metrics = evaluate(labels({ a: '1', b: '1', c: '2' }), labels({ a: 'q', b: 'q', c: 'r' }));
      expect(metrics.pairwise).toStrictEqual({ precision: 1, recall: 1, f1: 1 });
      expect(metrics.bcubed).toStrictEqual({ precision: 1, recall: 1, f1: 1 });
    });
  });

  describe('should agree with the all-pairs oracle', () => {
    test.prop([labellings])('for pair counts on random small labellings', (sample) => {
      const { truth, predicted } = toMaps(sample);
      expect(evaluate(truth, predicted).pairs).toStrictEqual(naivePairs(sample.truth, sample.predicted));
    });

    test.prop([labellings])('for B-cubed precision and recall on random small labellings', (sample) => {
      const { truth, predicted } = toMaps(sample);
      const { bcubed } = evaluate(truth, predicted);
      const oracle = naiveBcubed(sample.truth, sample.predicted);
      expect(bcubed.precision).toBeCloseTo(oracle.precision, 10);
      expect(bcubed.recall).toBeCloseTo(oracle.recall, 10);
    });
  });

  describe('should keep the metric laws', () => {
    test.prop([labellings])('for the truth against itself: every score 1', (sample) => {
      const { truth } = toMaps(sample);
      const metrics = evaluate(truth, truth);
      expect(metrics.pairwise).toStrictEqual({ precision: 1, recall: 1, f1: 1 });
      expect(metrics.bcubed.f1).toBeCloseTo(1, 12);
    });

    test.prop([labellings])('for swapped roles: precision and recall swap', (sample) => {
      const { truth, predicted } = toMaps(sample);
      const restricted = new Map([...predicted].filter(([id]) => truth.has(id)));
      const forward = evaluate(truth, restricted);
      const backward = evaluate(restricted, truth);
      expect(backward.pairwise.precision).toBe(forward.pairwise.recall);
      expect(backward.pairwise.recall).toBe(forward.pairwise.precision);
      expect(backward.bcubed.precision).toBeCloseTo(forward.bcubed.recall, 12);
      expect(backward.bcubed.recall).toBeCloseTo(forward.bcubed.precision, 12);
    });

    test.prop([labellings])('for any input: scores stay in [0, 1]', (sample) => {
      const { truth, predicted } = toMaps(sample);
      const { pairwise, bcubed } = evaluate(truth, predicted);
      for (const score of [pairwise.precision, pairwise.recall, pairwise.f1, bcubed.precision, bcubed.recall, bcubed.f1]) {
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1 + 1e-12);
      }
    });
  });
});

describe('pairsOf', () => {
  test.each([
    [0, 0],
    [1, 0],
    [2, 1],
    [5, 10],
  ])('should count the pairs among %i items as %i', (n, expected) => {
    expect(pairsOf(n)).toBe(expected);
  });
});

describe('scores', () => {
  test('should define precision 1 without predicted pairs and recall 1 without true pairs', () => {
    expect(scores({ truePairs: 0, predictedPairs: 0, truePositives: 0 })).toStrictEqual({ precision: 1, recall: 1, f1: 1 });
    expect(scores({ truePairs: 4, predictedPairs: 0, truePositives: 0 })).toStrictEqual({ precision: 1, recall: 0, f1: 0 });
  });
});

describe('f1Of', () => {
  test('should be 0 when precision and recall are both 0', () => {
    expect(f1Of(0, 0)).toBe(0);
  });
});
