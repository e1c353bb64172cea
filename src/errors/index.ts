export * from './idgraph-error.js';
export * from './messages.js';
