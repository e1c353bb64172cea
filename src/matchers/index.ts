export * from './match-record.js';
export * from './fuzzy/index.js';
