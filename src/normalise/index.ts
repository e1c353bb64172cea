// The normalisers: one pure function per identifier type or matching attribute, and junk detection.
export * from './birth-date.js';
export * from './email.js';
export * from './identifier.js';
export * from './junk.js';
export * from './login.js';
export * from './loyalty-number.js';
export * from './name.js';
export * from './opaque-id.js';
export * from './phone.js';
export * from './postal-code.js';
export * from './result.js';
export * from './street.js';
