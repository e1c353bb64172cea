// graph/README.md stays true to graph/: every named query is in the catalogue with its
// parameters, and the neo4j-admin command lists the files the export writes, in its order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ADMIN_IMPORT_FILES, importCommand } from '../../src/neo4j/admin-import-csv.js';
import { loadNamedQueries } from '../../src/neo4j/named-queries.js';

const README = readFileSync(join(import.meta.dirname, '..', '..', 'graph', 'README.md'), 'utf8');

describe('graph/README.md', () => {
  test('should list every named query with each of its parameters in the catalogue table', async () => {
    const rows = new Map(
      README.split('\n')
        .filter((line) => line.startsWith('| `'))
        .map((line) => [/^\| `([^`]+)`/.exec(line)![1]!, line] as const),
    );
    for (const query of await loadNamedQueries()) {
      const row = rows.get(query.name);
      expect(row, query.name).toBeDefined();
      for (const param of query.params) expect(row, `${query.name} ${param.name}`).toContain(`\`${param.name}\``);
    }
  });

  test('should show the neo4j-admin command idgraph prints, for the files it writes', () => {
    const shown = /```\nidgraph export neo4j-csv out\/run --to out\/neo4j-import\n([\s\S]+?)\ncypher-shell/.exec(README)?.[1];
    expect(shown).toBe(importCommand('out/neo4j-import', 'neo4j'));
    expect(Object.values(ADMIN_IMPORT_FILES).every((file) => shown!.includes(`/${file}`))).toBe(true);
  });
});
