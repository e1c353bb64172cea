export * from './canonical-fields.js';
export * from './config.js';
export * from './defaults.js';
export * from './load.js';
export * from './validate.js';
