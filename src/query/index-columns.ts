// An IndexSource as columns (arrays of strings and numbers), the form that crosses to a worker thread cheaply.
import type { CustomerId } from '../ids/index.js';
import type { IdentifierType } from '../identifiers/index.js';
import type { AppliedLink, Customer, JunkValue, RefusalRule, RefusedMerge } from '../resolve/index.js';
import type { IndexSource } from './index-source.js';

/**
 * NOTE: why columns: postMessage copies an array of a million strings in ~50 ms, while an array
 * of a million small objects took seconds to clone (measured at 1M records); the worker puts the
 * objects back together on its own thread. Repetitive columns go as codes (CodedColumn).
 */
export interface IndexColumns {
  readonly records: { readonly recordId: string[]; readonly source: CodedColumn; readonly customerId: string[] };
  readonly identifiers: { readonly type: CodedColumn; readonly value: string[]; readonly customerId: (string | null)[]; readonly records: Float64Array };
  readonly customers: {
    readonly id: string[];
    readonly permissionLevel: Uint8Array;
    readonly records: Float64Array;
    readonly identifiers: Float64Array;
    readonly sources: (readonly string[])[];
  };
  readonly links: { readonly from: string[]; readonly to: string[]; readonly matcher: CodedColumn; readonly weight: Float64Array; readonly evidence: CodedColumn };
  readonly refused: {
    readonly from: string[];
    readonly to: string[];
    readonly matcher: CodedColumn;
    readonly weight: Float64Array;
    readonly rule: CodedColumn;
    readonly detail: CodedColumn;
    readonly fromCustomer: (string | null)[];
    readonly toCustomer: (string | null)[];
  };
  readonly junk: readonly JunkValue[];
}

/**
 * A column of few distinct strings (sources, types, matchers, evidence, rules): each distinct
 * value once, and a code per row, which crosses to a worker as one block of memory.
 */
export interface CodedColumn {
  readonly values: string[];
  readonly codes: Uint32Array;
}

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

const valueAt = (column: CodedColumn, at: number): string => column.values[column.codes[at]!]!;

const strings = <T>(items: readonly T[], pick: (item: T) => string): string[] => items.map(pick);
const nullableStrings = <T>(items: readonly T[], pick: (item: T) => string | null): (string | null)[] => items.map(pick);
const numbers = <T>(items: readonly T[], pick: (item: T) => number): Float64Array => Float64Array.from(items, pick);

/** Splits `source` into columns. */
export function toIndexColumns(source: IndexSource): IndexColumns {
  const { records, identifiers, customers, links, refused } = source;
  return {
    records: { recordId: strings(records, (r) => r.recordId), source: coded(records, (r) => r.source), customerId: strings(records, (r) => r.customerId) },
    identifiers: {
      type: coded(identifiers, (i) => i.type),
      value: strings(identifiers, (i) => i.value),
      customerId: nullableStrings(identifiers, (i) => i.customerId),
      records: numbers(identifiers, (i) => i.records),
    },
    customers: {
      id: strings(customers, (c) => c.id),
      permissionLevel: Uint8Array.from(customers, (c) => c.permissionLevel),
      records: numbers(customers, (c) => c.records),
      identifiers: numbers(customers, (c) => c.identifiers),
      sources: customers.map((c) => c.sources),
    },
    links: {
      from: strings(links, (l) => l.from),
      to: strings(links, (l) => l.to),
      matcher: coded(links, (l) => l.matcher),
      weight: numbers(links, (l) => l.weight),
      evidence: coded(links, (l) => l.evidence),
    },
    refused: {
      from: strings(refused, (r) => r.from),
      to: strings(refused, (r) => r.to),
      matcher: coded(refused, (r) => r.matcher),
      weight: numbers(refused, (r) => r.weight),
      rule: coded(refused, (r) => r.rule),
      detail: coded(refused, (r) => r.detail),
      fromCustomer: nullableStrings(refused, (r) => r.fromCustomer),
      toCustomer: nullableStrings(refused, (r) => r.toCustomer),
    },
    junk: source.junk,
  };
}

/** Puts the rows of `columns` back together: the inverse of toIndexColumns. */
export function fromIndexColumns(columns: IndexColumns): IndexSource {
  const { records, identifiers, customers, links, refused } = columns;
  return {
    records: records.recordId.map((recordId, at) => ({ recordId, source: valueAt(records.source, at), customerId: records.customerId[at]! as CustomerId })),
    identifiers: identifiers.value.map((value, at) => ({
      type: valueAt(identifiers.type, at) as IdentifierType,
      value,
      customerId: identifiers.customerId[at]! as CustomerId | null,
      records: identifiers.records[at]!,
    })),
    customers: customers.id.map(
      (id, at): Customer => ({
        id: id as CustomerId,
        permissionLevel: customers.permissionLevel[at]! as Customer['permissionLevel'],
        records: customers.records[at]!,
        identifiers: customers.identifiers[at]!,
        sources: customers.sources[at]!,
      }),
    ),
    links: links.from.map(
      (from, at): AppliedLink => ({ from, to: links.to[at]!, matcher: valueAt(links.matcher, at), weight: links.weight[at]!, evidence: valueAt(links.evidence, at) }),
    ),
    refused: refused.from.map(
      (from, at): RefusedMerge => ({
        from,
        to: refused.to[at]!,
        matcher: valueAt(refused.matcher, at),
        weight: refused.weight[at]!,
        rule: valueAt(refused.rule, at) as RefusalRule,
        detail: valueAt(refused.detail, at),
        fromCustomer: refused.fromCustomer[at]! as CustomerId | null,
        toCustomer: refused.toCustomer[at]! as CustomerId | null,
      }),
    ),
    junk: columns.junk,
  };
}
