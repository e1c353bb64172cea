export * from './consent.js';
export * from './limits.js';
export * from './negative-evidence.js';
export * from './rule-outcome.js';
