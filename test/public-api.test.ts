// The public surface is documented: every value exported by src/index.ts is named in README.md.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const index = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** Names of `export { a, b as c } from …` statements that are not `export type`. */
function valueExports(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/^export\s+\{([^}]*)\}\s+from/gm)) {
    for (const part of match[1]!.split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()!.trim();
      if (name !== '' && !name.startsWith('type ')) names.push(name);
    }
  }
  return names;
}

describe('src/index.ts', () => {
  test('should export the library entry points', () => {
    expect(valueExports(index)).toEqual(expect.arrayContaining(['resolve', 'readInputs', 'loadConfig', 'lookup']));
  });
  test.each(valueExports(index))('should have %s documented in README.md', (name) => {
    expect(readme).toContain(`\`${name}\``);
  });
});
