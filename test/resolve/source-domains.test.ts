// The source → domain map run.json keeps and the report's pictures colour records by.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Domain } from '../../src/config/index.js';
import { sourceDomainsOf } from '../../src/resolve/source-domains.js';

describe('sourceDomainsOf', () => {
  test('should name each source once with its domain, sources in code-unit order', () => {
    const records = [
      { source: 'web', domain: 'online' as Domain },
      { source: 'shop', domain: 'crm' as Domain },
      { source: 'web', domain: 'online' as Domain },
      { source: 'App', domain: 'online' as Domain },
    ];
    expect(Object.entries(sourceDomainsOf(records))).toStrictEqual([['App', 'online'], ['shop', 'crm'], ['web', 'online']]);
  });

  test.prop([fc.array(fc.record({ source: fc.constantFrom('a', 'b', 'c', 'constructor'), domain: fc.constantFrom<Domain>('online', 'crm') }))])(
    'should give the same map for the records in any order when each source has one domain',
    (records) => {
      const domainOf = (source: string) => (source.charCodeAt(0) % 2 === 0 ? 'online' : 'crm') as Domain;
      const consistent = records.map((record) => ({ ...record, domain: domainOf(record.source) }));
      expect(sourceDomainsOf([...consistent].reverse())).toStrictEqual(sourceDomainsOf(consistent));
      expect(Object.keys(sourceDomainsOf(consistent))).toStrictEqual([...new Set(consistent.map((r) => r.source))].sort());
    },
  );
});
