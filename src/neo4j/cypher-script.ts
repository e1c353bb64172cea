// Splits a Cypher file into its statements, without the comments.

/**
 * The statements of a Cypher text, split at every `;` that is not inside a string, a quoted
 * name or a comment; `//` and block comments are removed and each statement is trimmed.
 * Empty statements are dropped.
 *
 * Why not a library: the only Cypher parser for JavaScript (@neo4j-cypher/language-support) is a
 * prerelease-only development dependency here; the files this splits are idgraph's own.
 *
 * @param text the contents of a .cypher file.
 * @returns the statements in file order.
 * @example
 * cypherStatements('// schema\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.k);\nRETURN 1;')
 * // ['CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.k)', 'RETURN 1']
 */
export function cypherStatements(text: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const next = text[i + 1];
    if (char === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (char === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      current += ' ';
      continue;
    }
    if (char === "'" || char === '"' || char === '`') {
      const start = i;
      i++;
      while (i < text.length && text[i] !== char) i += text[i] === '\\' && char !== '`' ? 2 : 1;
      i++;
      current += text.slice(start, i);
      continue;
    }
    if (char === ';') {
      statements.push(current);
      current = '';
      i++;
      continue;
    }
    current += char;
    i++;
  }
  statements.push(current);
  return statements.map(tidy).filter((statement) => statement.length > 0);
}

/** Trims a statement and drops the blank lines its removed comments leave behind. */
function tidy(statement: string): string {
  return statement
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim().length > 0)
    .join('\n')
    .trim();
}
