// The typed attributes of the identity graph's nodes and edges (graphology is generic over them).
import type { IdentifierType } from '../identifiers/index.js';

export type IdentityNodeAttributes =
  | { readonly kind: 'record'; readonly source: string; readonly recordId: string }
  | { readonly kind: 'identifier'; readonly type: IdentifierType; readonly value: string };

export interface LinkEdgeAttributes {
  readonly matcher: string;
  readonly weight: number;
  readonly evidence: string;
}
