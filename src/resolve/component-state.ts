// What the rules need to know about each component, kept per union-find root and merged on union.
import type { Domain } from '../config/index.js';
import { IDENTIFIER_TYPES, type IdentifierType } from '../identifiers/index.js';
import type { Permission } from '../input/index.js';

export const DOMAIN_ONLINE = 1;
export const DOMAIN_CRM = 2;

/** The latest explicit permission of a component: timestamp and value (1 granted, -1 denied, 0 not given). */
export interface LatestPermission {
  readonly timestamp: number;
  readonly value: -1 | 0 | 1;
}

const TYPE_COUNT = IDENTIFIER_TYPES.length;
const TYPE_INDEX: Readonly<Record<IdentifierType, number>> = Object.fromEntries(
  IDENTIFIER_TYPES.map((type, index) => [type, index]),
) as Record<IdentifierType, number>;

/** Bound on the distinct names / birth dates kept per component for negative evidence. */
const MAX_PROFILE_VALUES = 8;

/** Per-root aggregates, in typed arrays so 10M nodes stay within memory. */
export class ComponentStates {
  readonly records: Int32Array;
  readonly identifierCounts: Int32Array;
  readonly domains: Uint8Array;
  readonly cookieTime: Float64Array;
  readonly cookieValue: Int8Array;
  readonly crmTime: Float64Array;
  readonly crmValue: Int8Array;
  readonly firstNames: (string[] | undefined)[];
  readonly birthDates: (string[] | undefined)[];

  constructor(nodeCount: number) {
    this.records = new Int32Array(nodeCount);
    this.identifierCounts = new Int32Array(nodeCount * TYPE_COUNT);
    this.domains = new Uint8Array(nodeCount);
    this.cookieTime = new Float64Array(nodeCount).fill(-Infinity);
    this.cookieValue = new Int8Array(nodeCount);
    this.crmTime = new Float64Array(nodeCount).fill(-Infinity);
    this.crmValue = new Int8Array(nodeCount);
    this.firstNames = new Array(nodeCount);
    this.birthDates = new Array(nodeCount);
  }

  initRecord(
    node: number,
    record: {
      readonly domain: Domain;
      readonly timestamp: number | null;
      readonly cookiePermission: Permission;
      readonly crmPermission: Permission;
    },
    firstName: string | null,
    birthDate: string | null,
  ): void {
    this.records[node] = 1;
    this.domains[node] = record.domain === 'online' ? DOMAIN_ONLINE : DOMAIN_CRM;
    const time = record.timestamp ?? -Infinity;
    if (record.cookiePermission !== null) {
      this.cookieTime[node] = time;
      this.cookieValue[node] = record.cookiePermission === 'granted' ? 1 : -1;
    }
    if (record.crmPermission !== null) {
      this.crmTime[node] = time;
      this.crmValue[node] = record.crmPermission === 'granted' ? 1 : -1;
    }
    if (firstName !== null) this.firstNames[node] = [firstName];
    if (birthDate !== null) this.birthDates[node] = [birthDate];
  }

  initIdentifier(node: number, type: IdentifierType): void {
    this.identifierCounts[node * TYPE_COUNT + TYPE_INDEX[type]] = 1;
  }

  identifierCount(root: number, type: IdentifierType): number {
    return this.identifierCounts[root * TYPE_COUNT + TYPE_INDEX[type]]!;
  }

  /** Distinct identifiers of all types in the component. */
  totalIdentifiers(root: number): number {
    let total = 0;
    for (let type = 0; type < TYPE_COUNT; type++) total += this.identifierCounts[root * TYPE_COUNT + type]!;
    return total;
  }

  cookie(root: number): LatestPermission {
    return { timestamp: this.cookieTime[root]!, value: this.cookieValue[root] as -1 | 0 | 1 };
  }

  crm(root: number): LatestPermission {
    return { timestamp: this.crmTime[root]!, value: this.crmValue[root] as -1 | 0 | 1 };
  }

  /** Folds `loser`'s aggregates into `winner` after a union. */
  merge(winner: number, loser: number): void {
    this.records[winner] = this.records[winner]! + this.records[loser]!;
    for (let type = 0; type < TYPE_COUNT; type++) {
      this.identifierCounts[winner * TYPE_COUNT + type] =
        this.identifierCounts[winner * TYPE_COUNT + type]! + this.identifierCounts[loser * TYPE_COUNT + type]!;
    }
    this.domains[winner] = this.domains[winner]! | this.domains[loser]!;
    const cookie = latest(this.cookie(winner), this.cookie(loser));
    this.cookieTime[winner] = cookie.timestamp;
    this.cookieValue[winner] = cookie.value;
    const crm = latest(this.crm(winner), this.crm(loser));
    this.crmTime[winner] = crm.timestamp;
    this.crmValue[winner] = crm.value;
    this.firstNames[winner] = unionBounded(this.firstNames[winner], this.firstNames[loser]);
    this.birthDates[winner] = unionBounded(this.birthDates[winner], this.birthDates[loser]);
    this.firstNames[loser] = undefined;
    this.birthDates[loser] = undefined;
  }
}

/**
 * The later of two explicit permissions. Not given (0) never overrides a given value; at equal
 * timestamps `denied` wins, so the outcome does not depend on which side came first.
 */
export function latest(a: LatestPermission, b: LatestPermission): LatestPermission {
  if (a.value === 0) return b;
  if (b.value === 0) return a;
  if (a.timestamp !== b.timestamp) return a.timestamp > b.timestamp ? a : b;
  return a.value <= b.value ? a : b;
}

function unionBounded(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const merged = [...a];
  for (const value of b) {
    if (merged.length >= MAX_PROFILE_VALUES) break;
    if (!merged.includes(value)) merged.push(value);
  }
  return merged.sort();
}
