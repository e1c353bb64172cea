// Named queries: the header format, the shipped catalogue, and typed parameters.
import neo4j from 'neo4j-driver';
import { describe, expect, test } from 'vitest';
import { bindParams, loadNamedQueries, loadNamedQuery, namedQueryNames, parseNamedQuery } from '../../src/neo4j/named-queries.js';

const SAMPLE = [
  '// Query: sample',
  '// Answers: A question',
  '//   over two lines.',
  '// Param: key (string): the key',
  '// Param: limit (int, default 10): how many',
  '// Param: threshold (float, default 0.5): a weight',
  '// Param: strict (boolean, default false): a flag',
  '// Returns: key, n',
  '// Embedded: idgraph stats <dir>',
  'MATCH (n {key: $key}) WHERE n.w > $threshold OR $strict',
  'RETURN n.key AS key LIMIT $limit',
].join('\n');

describe('parseNamedQuery', () => {
  describe('should refuse a broken header (a broken installation: INTERNAL)', () => {
    test.each([
      ['another name', SAMPLE.replace('Query: sample', 'Query: other'), /must start with "\/\/ Query: sample"/],
      ['no Answers', SAMPLE.replace('// Answers: A question\n//   over two lines.\n', ''), /needs Answers and Returns/],
      ['a Param without type', SAMPLE.replace('key (string): the key', 'key: the key'), /is not "name \(type\[, default value\]\): description"/],
      ['an undeclared parameter', SAMPLE.replace('$threshold', '$cutoff'), /parameter \$cutoff has no Param line/],
      ['two statements', `${SAMPLE};\nRETURN 1`, /exactly one statement/],
      ['a stray comment line', SAMPLE.replace('// Returns', '//Returns'), /neither "\/\/ Field: text" nor its continuation/],
    ])('for %s', (_case, text, message) => {
      expect(() => parseNamedQuery('sample', text)).toThrow(expect.objectContaining({ code: 'INTERNAL', message: expect.stringMatching(message) }));
    });
  });

  describe('should read every field', () => {
    test('for the sample', () => {
      expect(parseNamedQuery('sample', SAMPLE)).toStrictEqual({
        name: 'sample',
        answers: 'A question over two lines.',
        params: [
          { name: 'key', type: 'string', defaultValue: null, description: 'the key' },
          { name: 'limit', type: 'int', defaultValue: '10', description: 'how many' },
          { name: 'threshold', type: 'float', defaultValue: '0.5', description: 'a weight' },
          { name: 'strict', type: 'boolean', defaultValue: 'false', description: 'a flag' },
        ],
        returns: 'key, n',
        embedded: 'idgraph stats <dir>',
        requires: null,
        statement: 'MATCH (n {key: $key}) WHERE n.w > $threshold OR $strict\nRETURN n.key AS key LIMIT $limit',
      });
    });
  });
});

describe('the shipped catalogue', () => {
  test('should parse every file of graph/queries, names matching files', async () => {
    const queries = await loadNamedQueries();
    expect(queries.map((q) => q.name)).toStrictEqual(await namedQueryNames());
    expect(queries.length).toBeGreaterThanOrEqual(12);
  });

  test('should hold the queries the README and issue 11 promise', async () => {
    expect(await namedQueryNames()).toEqual(
      expect.arrayContaining([
        'customer-by-identifier',
        'customer-360',
        'path-between-identifiers',
        'largest-customers',
        'identifiers-shared-by-many-customers',
        'refused-merges-by-rule',
        'customers-by-permission-level',
        'over-merge-suspects',
        'gds-project-identity-graph',
        'gds-wcc-component-sizes',
      ]),
    );
  });

  test('should refuse an unknown or path-like name with USAGE listing the queries', async () => {
    for (const name of ['nope', '../schema', 'Largest-Customers']) {
      await expect(loadNamedQuery(name)).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('the queries are cluster-sizes, customer-360') });
    }
  });
});

describe('bindParams', () => {
  const query = parseNamedQuery('sample', SAMPLE);

  describe('should refuse with USAGE', () => {
    test.each([
      [[], /^sample needs --param key=<string>: the key$/],
      [['key=a', 'key=b'], /^--param key: given twice$/],
      [['=a'], /^--param =a: write name=value$/],
      [['key=a', 'top=1'], /^--param top: sample has the parameters key, limit, threshold, strict$/],
      [['key=a', 'limit=1.5'], /^--param limit: must be a whole number$/],
      [['key=a', 'limit=99999999999999999999'], /^--param limit: must be a whole number$/],
      [['key=a', 'threshold=high'], /^--param threshold: must be a number$/],
      [['key=a', 'strict=yes'], /^--param strict: must be true or false$/],
    ])('for %j', (assignments, message) => {
      expect(() => bindParams(query, assignments)).toThrow(expect.objectContaining({ code: 'USAGE', message: expect.stringMatching(message) }));
    });
  });

  describe('should type the values by the header', () => {
    test('for defaults: int as a Cypher INTEGER, float as a number, boolean', () => {
      const params = bindParams(query, ['key=email:a=b@example.org']);
      expect(params['key']).toBe('email:a=b@example.org');
      expect(neo4j.isInt(params['limit'])).toBe(true);
      expect(String(params['limit'])).toBe('10');
      expect([params['threshold'], params['strict']]).toStrictEqual([0.5, false]);
    });

    test('for given values, negative and zero included', () => {
      const params = bindParams(query, ['key=', 'limit=-3', 'threshold=0', 'strict=true']);
      expect([params['key'], String(params['limit']), params['threshold'], params['strict']]).toStrictEqual(['', '-3', 0, true]);
    });
  });
});
