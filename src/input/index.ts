export * from './column-plan.js';
export * from './csv-reader.js';
export * from './input-record.js';
export * from './map-row.js';
export * from './ndjson-reader.js';
export * from './read-inputs.js';
export * from './rejection.js';
