// The benchmark toolkit: datasets and truth, metrics, statistics, CLI runs, results.
export * from './csv.js';
export * from './datasets.js';
export * from './generated.js';
export * from './metrics.js';
export * from './predictions.js';
export * from './results.js';
export * from './run-cli.js';
export * from './stats.js';
export * from './table.js';
export * from './truth.js';
