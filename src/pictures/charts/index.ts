export * from './bar-chart.js';
export * from './cluster-size-bins.js';
export * from './log-column-chart.js';
