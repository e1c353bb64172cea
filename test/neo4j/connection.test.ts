// Neo4j settings from the environment and flags; URIs shown without credentials.
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONNECTION_TIMEOUT_MS, DEFAULT_MAX_RETRY_TIME_MS, displayUri, neo4jSettings, openDriver } from '../../src/neo4j/connection.js';

describe('neo4jSettings', () => {
  describe('should refuse with USAGE', () => {
    test.each([
      [{}, /needs the environment variable NEO4J_URI/],
      [{ NEO4J_URI: '' , NEO4J_PASSWORD: 'p' }, /needs the environment variable NEO4J_URI/],
      [{ NEO4J_URI: 'bolt://h' }, /needs the environment variable NEO4J_PASSWORD/],
      [{ NEO4J_URI: 'bolt://h', NEO4J_PASSWORD: 'p', NEO4J_MAX_RETRY_TIME_MS: '1.5s' }, /^NEO4J_MAX_RETRY_TIME_MS must be a whole number of milliseconds$/],
    ])('for %j', (env, message) => {
      expect(() => neo4jSettings(env, {}, 'export neo4j')).toThrow(expect.objectContaining({ code: 'USAGE', message: expect.stringMatching(message) }));
    });
  });

  describe('should fill defaults and let flags win', () => {
    test('for the minimum: user neo4j, database neo4j, default timeouts', () => {
      expect(neo4jSettings({ NEO4J_URI: 'neo4j://db:7687', NEO4J_PASSWORD: 'p' }, {}, 'cypher')).toStrictEqual({
        uri: 'neo4j://db:7687',
        user: 'neo4j',
        password: 'p',
        database: 'neo4j',
        connectionTimeoutMs: DEFAULT_CONNECTION_TIMEOUT_MS,
        maxRetryTimeMs: DEFAULT_MAX_RETRY_TIME_MS,
      });
    });

    test('for everything set: the environment, then the flags over it', () => {
      const env = { NEO4J_URI: 'bolt://db', NEO4J_USER: 'analyst', NEO4J_PASSWORD: 'p', NEO4J_DATABASE: 'identity', NEO4J_CONNECTION_TIMEOUT_MS: '700', NEO4J_MAX_RETRY_TIME_MS: '800' };
      expect(neo4jSettings(env, {}, 'cypher')).toMatchObject({ user: 'analyst', database: 'identity', connectionTimeoutMs: 700, maxRetryTimeMs: 800 });
      expect(neo4jSettings(env, { connectionTimeoutMs: 1, maxRetryTimeMs: 0 }, 'cypher')).toMatchObject({ connectionTimeoutMs: 1, maxRetryTimeMs: 0 });
    });
  });
});

describe('displayUri', () => {
  test.each([
    ['neo4j://localhost:7687', 'neo4j://localhost:7687'],
    ['bolt+s://neo4j:s3cret@db.example.org:7687/path?x=1#f', 'bolt+s://db.example.org:7687'],
    ['neo4j://user:p@ss@host', 'neo4j://host'],
    ['not a uri with s3cret', '(NEO4J_URI)'],
  ])('should show %s as %s', (uri, shown) => {
    expect(displayUri(uri)).toBe(shown);
  });
});

describe('openDriver', () => {
  test('should refuse a scheme the driver does not speak with USAGE, without the credentials', () => {
    const settings = neo4jSettings({ NEO4J_URI: 'https://neo4j:s3cret@db:7473', NEO4J_PASSWORD: 'p' }, {}, 'cypher');
    expect(() => openDriver(settings)).toThrow(expect.objectContaining({ code: 'USAGE', message: 'NEO4J_URI https://db:7473: not a Neo4j URI; use bolt://host:7687 or neo4j://host:7687 (bolt+s:// or neo4j+s:// for TLS)' }));
  });
});
