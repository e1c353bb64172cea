export * from './attributes.js';
export * from './build.js';
