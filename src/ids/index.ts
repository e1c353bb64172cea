export * from './customer-id.js';
export * from './history.js';
export * from './stabilise.js';
