import { describe, expect, test } from 'vitest';
import { contentCustomerId, type CustomerId } from '../../src/ids/customer-id.js';
import type { InputRecord } from '../../src/input/index.js';
import { canonicalRecordOrder } from '../../src/resolve/index.js';
import { pseudonymiseRecord, type StatePseudonymiser } from '../../src/state/pseudonymise-record.js';
import { StateDraft, type PublishedRecord } from '../../src/state/state-draft.js';
import { encodeStateRecord } from '../../src/state/state-record.js';
import { shuffle } from '../helpers/shuffle.js';

/** Records of two sources with identifiers and attributes; ~250 characters of state each. */
function recordsOf(count: number): InputRecord[] {
  return Array.from({ length: count }, (_, index): InputRecord => ({
    file: index % 2 === 0 ? 'in/crm.csv' : 'in/web.ndjson',
    line: index + 2,
    recordId: `r${String(index).padStart(6, '0')}`,
    source: index % 2 === 0 ? 'crm' : 'web',
    domain: index % 2 === 0 ? 'crm' : 'online',
    timestamp: index % 3 === 0 ? null : 1_700_000_000_000 + index,
    identifiers: [
      { type: 'email', raw: `Person.${index}@Example.org` },
      { type: 'phone', raw: `+49 170 ${String(1_000_000 + index)}` },
    ],
    attributes: index % 5 === 0 ? {} : { first_name: `Ann\n"${index}"`, city: 'Köln' },
    cookiePermission: index % 4 === 0 ? 'granted' : null,
    crmPermission: index % 7 === 0 ? 'denied' : 'granted',
  }));
}

/** Each record published under an ID of its own, as the engine lists them: canonical order. */
const published = (records: readonly InputRecord[]): (PublishedRecord & { readonly record: InputRecord })[] =>
  canonicalRecordOrder(records).map((record) => ({ record, source: record.source, recordId: record.recordId, customerId: contentCustomerId([record.recordId]) }));

/** The draft's complete lines, split from its blocks (checking each block's line count). */
function linesOf(draft: StateDraft, records: readonly PublishedRecord[]): string[] {
  return [...draft.blocks(records)].flatMap((block) => {
    const lines = block.bytes.toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(block.lines);
    return lines;
  });
}

describe('StateDraft', () => {
  test('should complete to the lines encodeStateRecord writes, in canonical order, whatever the input order (several compressed chunks)', async () => {
    // 12,000 records of ~250 characters: ~3 MB of lines, so ~3 chunks of 1 Mi characters.
    const records = recordsOf(12_000);
    const expected = published(records).map(({ record, customerId }) => encodeStateRecord(record, customerId));
    const draft = await StateDraft.of(shuffle(records, 5), null);
    expect(draft.records).toBe(12_000);
    expect(draft.pseudonymised).toBe(false);
    expect(linesOf(draft, published(records))).toStrictEqual(expected);
  });

  test('should hold pseudonyms, never the raw identifiers, in a pseudonymised run', async () => {
    const pseudonymiser: StatePseudonymiser = {
      pseudonymise: (type, value) => `ps_${type}_${value.length}`,
      defaultRegion: 'DE',
      extraJunk: new Set(),
    };
    const records = recordsOf(50);
    const draft = await StateDraft.of(records, pseudonymiser);
    expect(draft.pseudonymised).toBe(true);
    const lines = linesOf(draft, published(records));
    expect(lines).toStrictEqual(published(records).map(({ record, customerId }) => encodeStateRecord(pseudonymiseRecord(record, pseudonymiser), customerId)));
    expect(lines.join('\n')).not.toContain('Example.org');
  });

  test('should refuse a result with another number of records', async () => {
    const records = recordsOf(10);
    const draft = await StateDraft.of(records, null);
    expect(() => linesOf(draft, published(records).slice(1))).toThrow(/record count differs/);
  });

  test('should refuse a result that lists the records in another order', async () => {
    const records = recordsOf(10);
    const swapped = published(records);
    [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
    const draft = await StateDraft.of(records, null);
    expect(() => linesOf(draft, swapped)).toThrow(/record order differs/);
  });

  test('should take record IDs of any length and any script', async () => {
    const records = recordsOf(3).map((record, index) => ({ ...record, recordId: `${'ß'.repeat(900 * index)}id-${index}` }));
    expect(linesOf(await StateDraft.of(records, null), published(records))).toStrictEqual(
      published(records).map(({ record, customerId }) => encodeStateRecord(record, customerId)),
    );
  });

  test('should give no line for a run without records', async () => {
    expect(linesOf(await StateDraft.of([], null), [])).toStrictEqual([]);
  });

  test('should keep every customer ID given, each on its own record', async () => {
    const records = recordsOf(3);
    const ids: CustomerId[] = ['cus_aaaaaaaaaaaaaaaa', 'cus_bbbbbbbbbbbbbbbb', 'cus_cccccccccccccccc'] as CustomerId[];
    const lines = linesOf(await StateDraft.of(records, null), published(records).map((record, index) => ({ ...record, customerId: ids[index]! })));
    expect(lines.map((line) => (JSON.parse(line) as { customerId: string }).customerId)).toStrictEqual(ids);
  });
});
