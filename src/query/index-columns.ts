// An IndexSource as columns (arrays of strings and numbers), the form that crosses to a worker thread cheaply, in two parts.
import type { JunkValue } from '../resolve/index.js';
import type { IndexSource } from './index-source.js';

/**
 * NOTE: why columns: postMessage copies an array of a million strings in ~50 ms, while an array
 * of a million small objects took seconds to clone (measured at 1M records), and the index writer
 * reads the columns as they are (index-writer.ts). Repetitive columns go as codes (CodedColumn),
 * customer IDs as positions in one list of them (CustomerColumn). The members go first and the
 * edges after, so the worker writes the first index kinds while this thread still splits the edges.
 */
export interface MemberColumns {
  /** The customer IDs the columns refer to: one per customer row, in order, then any other (a CustomerColumn indexes this list). */
  readonly customerIds: string[];
  readonly records: { readonly recordId: string[]; readonly source: CodedColumn; readonly customerId: CustomerColumn };
  readonly identifiers: { readonly type: CodedColumn; readonly value: string[]; readonly customerId: CustomerColumn; readonly records: Float64Array };
  readonly customers: {
    readonly permissionLevel: Uint8Array;
    readonly records: Float64Array;
    readonly identifiers: Float64Array;
    readonly sources: (readonly string[])[];
  };
  readonly junk: readonly JunkValue[];
}

export interface EdgeColumns {
  /** Customer IDs the edges refer to that the members do not (none in a consistent run): they continue MemberColumns.customerIds. */
  readonly moreCustomerIds: string[];
  readonly links: {
    readonly from: string[];
    readonly to: string[];
    readonly matcher: CodedColumn;
    readonly weight: Float64Array;
    readonly evidence: CodedColumn;
    readonly customerId: CustomerColumn;
  };
  readonly refused: {
    readonly from: string[];
    readonly to: string[];
    readonly matcher: CodedColumn;
    readonly weight: Float64Array;
    readonly rule: CodedColumn;
    readonly detail: CodedColumn;
    readonly fromCustomer: CustomerColumn;
    readonly toCustomer: CustomerColumn;
  };
}

/**
 * A column of few distinct strings (sources, types, matchers, evidence, rules): each distinct
 * value once, and a code per row, which crosses to a worker as one block of memory.
 */
export interface CodedColumn {
  readonly values: string[];
  readonly codes: Uint32Array;
}

/**
 * A column of customer IDs as positions in MemberColumns.customerIds (-1 for null): four bytes a
 * row instead of a string copied per row (a 1M-record run refers to customers ~5M times).
 */
export type CustomerColumn = Int32Array;

/**
 * Positions of customer IDs: the customers' own first (position = customer row), then any other
 * ID a row refers to, added as met.
 */
class CustomerTable {
  private readonly positionOf = new Map<string, number>();
  private size: number;
  private added: string[] = [];

  constructor(customerIds: readonly string[]) {
    customerIds.forEach((id, position) => {
      if (!this.positionOf.has(id)) this.positionOf.set(id, position);
    });
    this.size = customerIds.length;
  }

  /** The IDs added since the last call. */
  takeAdded(): string[] {
    const added = this.added;
    this.added = [];
    return added;
  }

  column<T>(items: readonly T[], pick: (item: T) => string | null): CustomerColumn {
    const column = new Int32Array(items.length);
    // Rows of one customer often come together (a record's links, its refused merges): the
    // previous row's answer saves a lookup in a map of every customer.
    let previousId: string | null = null;
    let previousPosition = -1;
    for (let at = 0; at < items.length; at++) {
      const id = pick(items[at]!);
      if (id !== previousId) {
        previousId = id;
        previousPosition = id === null ? -1 : this.positionOfId(id);
      }
      column[at] = previousPosition;
    }
    return column;
  }

  private positionOfId(id: string): number {
    let position = this.positionOf.get(id);
    if (position === undefined) {
      position = this.size++;
      this.added.push(id);
      this.positionOf.set(id, position);
    }
    return position;
  }
}

/** `ids` followed by `added`: `ids` itself in a consistent run, where nothing is added (no copy of every customer's ID). */
export const withAdded = (ids: readonly string[], added: readonly string[]): string[] => (added.length === 0 ? (ids as string[]) : [...ids, ...added]);

/** The customer ID at row `at` of `column` (null for none), given every ID the columns refer to. */
export const customerAt = (ids: readonly string[], column: CustomerColumn, at: number): string | null => {
  const position = column[at]!;
  return position < 0 ? null : ids[position]!;
};

function coded<T>(items: readonly T[], pick: (item: T) => string): CodedColumn {
  const codeOf = new Map<string, number>();
  const values: string[] = [];
  const codes = new Uint32Array(items.length);
  items.forEach((item, at) => {
    const value = pick(item);
    let code = codeOf.get(value);
    if (code === undefined) {
      code = values.length;
      values.push(value);
      codeOf.set(value, code);
    }
    codes[at] = code;
  });
  return { values, codes };
}

/** The value at row `at` of a coded column. */
export const valueAt = (column: CodedColumn, at: number): string => column.values[column.codes[at]!]!;

const strings = <T>(items: readonly T[], pick: (item: T) => string): string[] => items.map(pick);
const numbers = <T>(items: readonly T[], pick: (item: T) => number): Float64Array => Float64Array.from(items, pick);

/**
 * Splits `source` into columns: the members at once, the edges when asked (after the members have
 * been sent), both referring to customers through the same list.
 */
export function toIndexColumns(source: IndexSource): { readonly members: MemberColumns; readonly edges: () => EdgeColumns } {
  const { records, identifiers, customers, links, refused } = source;
  const customerIds = customers.map((c) => c.id);
  const table = new CustomerTable(customerIds);
  const members: MemberColumns = {
    records: { recordId: strings(records, (r) => r.recordId), source: coded(records, (r) => r.source), customerId: table.column(records, (r) => r.customerId) },
    identifiers: {
      type: coded(identifiers, (i) => i.type),
      value: strings(identifiers, (i) => i.value),
      customerId: table.column(identifiers, (i) => i.customerId),
      records: numbers(identifiers, (i) => i.records),
    },
    customers: {
      permissionLevel: Uint8Array.from(customers, (c) => c.permissionLevel),
      records: numbers(customers, (c) => c.records),
      identifiers: numbers(customers, (c) => c.identifiers),
      sources: customers.map((c) => c.sources),
    },
    customerIds: withAdded(customerIds, table.takeAdded()),
    junk: source.junk,
  };
  const edges = (): EdgeColumns => ({
    links: {
      from: strings(links, (l) => l.from),
      to: strings(links, (l) => l.to),
      matcher: coded(links, (l) => l.matcher),
      weight: numbers(links, (l) => l.weight),
      evidence: coded(links, (l) => l.evidence),
      customerId: table.column(links, (l) => l.customerId),
    },
    refused: {
      from: strings(refused, (r) => r.from),
      to: strings(refused, (r) => r.to),
      matcher: coded(refused, (r) => r.matcher),
      weight: numbers(refused, (r) => r.weight),
      rule: coded(refused, (r) => r.rule),
      detail: coded(refused, (r) => r.detail),
      fromCustomer: table.column(refused, (r) => r.fromCustomer),
      toCustomer: table.column(refused, (r) => r.toCustomer),
    },
    moreCustomerIds: table.takeAdded(),
  });
  return { members, edges };
}
