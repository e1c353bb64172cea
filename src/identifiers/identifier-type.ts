// The closed list of identifier types idgraph links on, in their fixed link priority.

/**
 * Identifier types, strongest first. The order is the tie-break between links of equal
 * weight (see resolve/canonical-order.ts), so it is part of the product's behaviour.
 */
export const IDENTIFIER_TYPES = ['loyalty_number', 'login', 'email', 'app_id', 'phone', 'cookie_id'] as const;

export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

export function isIdentifierType(value: string): value is IdentifierType {
  return (IDENTIFIER_TYPES as readonly string[]).includes(value);
}
