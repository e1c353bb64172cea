// Finds and reads the Cypher files idgraph ships in the package's graph/ folder.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IdgraphError } from '../errors/index.js';

/**
 * The package's graph/ folder (schema.cypher, load/, queries/). This module sits two levels
 * below the package root both as source (src/neo4j/) and as installed code (dist/neo4j/).
 */
export const GRAPH_DIR = fileURLToPath(new URL('../../graph/', import.meta.url));

/**
 * Reads one file of graph/, e.g. `load/identifiers.cypher`.
 *
 * @param relativePath a path inside graph/, with forward slashes.
 * @returns the file's text.
 * @throws IdgraphError INTERNAL when the file is missing: the installation is incomplete.
 */
export async function readGraphFile(relativePath: string): Promise<string> {
  try {
    return await readFile(join(GRAPH_DIR, ...relativePath.split('/')), 'utf8');
  } catch {
    throw new IdgraphError('INTERNAL', `graph/${relativePath} is missing from the idgraph installation; reinstall idgraph`);
  }
}
