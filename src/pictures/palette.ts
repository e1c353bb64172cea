// The colours of the pictures: one per identifier type, one per record domain, red for refusals.
import type { Domain } from '../config/index.js';
import type { IdentifierType } from '../identifiers/index.js';

/**
 * Identifier colours from the Okabe–Ito palette (distinguishable with the common colour-vision
 * deficiencies); records are squares and identifiers circles, so shape tells them apart too.
 */
export const IDENTIFIER_COLOURS: Readonly<Record<IdentifierType, string>> = {
  loyalty_number: '#E69F00',
  login: '#CC79A7',
  email: '#0072B2',
  app_id: '#56B4E9',
  phone: '#009E73',
  cookie_id: '#C8B400',
};

/** Record fill by domain; `unknown` when the caller could not say which domain a source belongs to. */
export const DOMAIN_COLOURS: Readonly<Record<Domain | 'unknown', string>> = {
  crm: '#3B3B3B',
  online: '#9A9A9A',
  unknown: '#FFFFFF',
};

export const EDGE_COLOURS = { exact: '#8A8A8A', fuzzy: '#7B3FA0', refused: '#D62728' } as const;

/** Chart colours: bars, axis lines, grid lines, muted text. */
export const CHART_COLOURS = { bar: '#0072B2', axis: '#555555', grid: '#E2E2E2', muted: '#666666' } as const;
