// Splitting Cypher files into statements: comments dropped, semicolons inside strings kept.
import { describe, expect, test } from 'vitest';
import { cypherStatements } from '../../src/neo4j/cypher-script.js';

describe('cypherStatements', () => {
  describe('should return no statement', () => {
    test.each([[''], ['   \n'], ['// only a comment; with a semicolon\n'], ['/* block; comment */'], [';;\n;']])('for %j', (text) => {
      expect(cypherStatements(text)).toStrictEqual([]);
    });
  });

  describe('should keep what only looks like a separator or a comment', () => {
    test.each([
      ["RETURN 'a;b' AS s", ["RETURN 'a;b' AS s"]],
      ['RETURN "x // y" AS s', ['RETURN "x // y" AS s']],
      ['MATCH (n:`odd;label`) RETURN n', ['MATCH (n:`odd;label`) RETURN n']],
      ["RETURN 'it\\'s; fine' AS s; RETURN 2", ["RETURN 'it\\'s; fine' AS s", 'RETURN 2']],
      ["RETURN 'http://example.org' AS url", ["RETURN 'http://example.org' AS url"]],
    ])('for %j', (text, expected) => {
      expect(cypherStatements(text)).toStrictEqual(expected);
    });
  });

  describe('should split and clean a file', () => {
    test('for statements with header, inline and block comments', () => {
      const text = [
        '// Schema; applied first',
        'CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.k IS UNIQUE; // trailing',
        '',
        '/* a block',
        '   comment; spanning lines */',
        'MATCH (n)',
        '// between lines',
        'RETURN n',
      ].join('\n');
      expect(cypherStatements(text)).toStrictEqual(['CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.k IS UNIQUE', 'MATCH (n)\nRETURN n']);
    });
  });
});
