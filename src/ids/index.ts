export * from './customer-id.js';
