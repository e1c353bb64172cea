// Checks that a directory is a complete idgraph run before anything is exported from it.
export { readRunManifest } from '../output/read-run-manifest.js';
