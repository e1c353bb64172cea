export * from './atomic-directory.js';
export * from './csv-file.js';
export * from './report.js';
export * from './run-files.js';
export * from './write-run.js';
export * from './read-run-manifest.js';
