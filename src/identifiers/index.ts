export * from './brand.js';
export * from './identifier-type.js';
export * from './node-key.js';
