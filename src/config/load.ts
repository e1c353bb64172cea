// Reads a config file (JSON or YAML) from disk and validates it.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { errors } from '../errors/index.js';
import type { Config } from './config.js';
import { DEFAULT_CONFIG } from './defaults.js';
import { validateConfig } from './validate.js';

/**
 * Loads and validates a configuration file; without a path, returns the defaults.
 * @throws IdgraphError CONFIG_NOT_FOUND, CONFIG_INVALID or CONFIG_UNKNOWN_KEY
 */
export async function loadConfig(path: string | undefined): Promise<Config> {
  if (path === undefined) return DEFAULT_CONFIG;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw errors.configNotFound(path);
  }
  let raw: unknown;
  try {
    raw = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    const what = error instanceof SyntaxError ? 'not valid JSON' : 'not valid YAML';
    throw errors.configInvalid(path, 'file', `${what}; check the syntax`);
  }
  return validateConfig(raw ?? {}, path);
}
