export * from './canonical-order.js';
export * from './resolve.js';
export * from './result.js';
export * from './rules/index.js';
export * from './union-find.js';
export * from './records-hand-over.js';
export * from './source-domains.js';
