// Query results as text a person reads, or as one JSON line (--json); the library result is the JSON shape.
import type { CustomerResult, CustomerSummary, ExplainEnd, ExplainResult, HistoryStep, LookupResult, StatsResult } from '../query/index.js';

const number = (value: number) => value.toLocaleString('en-US');
const weight = (value: number) => String(Number(value.toFixed(3)));
const plural = (count: number, one: string, many = `${one}s`) => `${number(count)} ${count === 1 ? one : many}`;
const JUNK_SHOWN = 20;

/** Any query result as one line of JSON: the library's result object, unchanged. */
export function renderJson(result: unknown): string {
  return `${JSON.stringify(result)}\n`;
}

function summaryLine(customer: CustomerSummary): string {
  const sources = customer.sources.length > 0 ? customer.sources.join(', ') : 'none';
  return `permission level ${customer.permissionLevel}, ${plural(customer.records, 'record')}, ${plural(customer.identifiers, 'identifier')}; sources: ${sources}`;
}

function historyText(history: readonly HistoryStep[]): string {
  return history.map((step) => `${step.oldId} ${step.event} into ${step.newId ?? '(none)'}${step.at === '' ? '' : ` at ${step.at}`}`).join('; ');
}

/** `lookup` for a person. Not-found results are reported as errors by the command, not rendered. */
export function renderLookup(result: Exclude<LookupResult, { kind: 'not-found' }>): string {
  const lines = [`${result.ref} -> customer ${result.customer.id}`];
  if (result.kind === 'redirected') lines.push(`redirected: ${result.from} was retired (${historyText(result.history)})`);
  if (result.node !== null && result.node !== result.ref) lines.push(`node: ${result.node}${result.holders === null ? '' : `, held by ${plural(result.holders, 'record')}`}`);
  else if (result.holders !== null) lines.push(`held by ${plural(result.holders, 'record')}`);
  lines.push(summaryLine(result.customer));
  return `${lines.join('\n')}\n`;
}

/** `customer` for a person. */
export function renderCustomer(result: Exclude<CustomerResult, { kind: 'not-found' }>): string {
  const { customer } = result;
  const lines: string[] = [];
  if (result.kind === 'redirected') lines.push(`redirected: ${result.requested} was retired (${historyText(result.history)})`);
  lines.push(
    `customer ${customer.id}: permission level ${customer.permissionLevel}, ${plural(customer.records.length, 'record')}, ${plural(customer.identifiers.length, 'identifier')}, ${plural(customer.links.length, 'link')}`,
    `sources: ${customer.sources.length > 0 ? customer.sources.join(', ') : 'none'}`,
    '',
    `identifiers (${number(customer.identifiers.length)}):`,
  );
  const typeWidth = Math.max(0, ...customer.identifiers.map((identifier) => identifier.type.length));
  for (const identifier of customer.identifiers) {
    lines.push(`  ${identifier.type.padEnd(typeWidth)}  ${identifier.value}  (${plural(identifier.records, 'record')})`);
  }
  lines.push('', `records (${number(customer.records.length)}):`);
  for (const record of customer.records) lines.push(`  ${record.source}/${record.recordId}`);
  lines.push('', `refused merges touching it (${number(customer.refused.length)}):`);
  for (const merge of customer.refused) {
    const other = merge.fromCustomer === customer.id ? merge.toCustomer : merge.fromCustomer;
    lines.push(
      `  ${merge.rule}: ${merge.from} -- ${merge.to} (${merge.matcher} ${weight(merge.weight)}); ${merge.detail}${other !== null && other !== customer.id ? `; other side: ${other}` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `email:Anna@X.org (= email:anna@x.org, customer cus_…)`: the reference, its node, optionally its customer. */
function endText(end: ExplainEnd, withCustomer: boolean): string {
  const notes = [
    ...(end.node === end.ref ? [] : [`= ${end.node}`]),
    ...(withCustomer ? [end.customerId === null ? 'no customer' : `customer ${end.customerId}`] : []),
  ];
  return notes.length === 0 ? end.ref : `${end.ref} (${notes.join(', ')})`;
}

/** `explain` for a person. */
export function renderExplain(result: ExplainResult): string {
  const { a, b } = result;
  switch (result.kind) {
    case 'path': {
      if (result.hops.length === 0) return `${endText(a, false)} and ${endText(b, false)} are the same node, of customer ${result.customerId}\n`;
      const lines = [
        `${endText(a, false)} and ${endText(b, false)} share customer ${result.customerId}: strongest chain of ${plural(result.hops.length, 'link')}, strength ${result.strength.toFixed(2)}`,
      ];
      for (const hop of result.hops) lines.push(`  ${hop.from} -> ${hop.to}  ${hop.matcher} ${weight(hop.weight)}  (${hop.evidence})`);
      return `${lines.join('\n')}\n`;
    }
    case 'refused': {
      const lines = [
        `${endText(a, true)} and ${endText(b, true)} are apart; ${plural(result.refused.length, 'refused merge')} between them:`,
      ];
      for (const merge of result.refused) lines.push(`  ${merge.rule}: ${merge.from} -- ${merge.to} (${merge.matcher} ${weight(merge.weight)}); ${merge.detail}`);
      return `${lines.join('\n')}\n`;
    }
    case 'none':
      return `${endText(a, true)} and ${endText(b, true)} are apart: no link found between them\n`;
  }
}

/** `stats` for a person. */
export function renderStats(result: StatsResult): string {
  const { run, rows } = result;
  const lines = [
    `run of ${run.createdAt}: consent ${run.consent}, fuzzy ${run.fuzzy ? 'on' : 'off'}, ${run.pseudonymised ? 'pseudonymised' : 'not pseudonymised'}`,
  ];
  if (rows !== null) lines.push(`rows: ${number(rows.read)} read, ${number(rows.resolved)} resolved, ${number(rows.rejected)} rejected`);
  lines.push(
    `records ${number(result.records)}, customers ${number(result.customers)}, identifiers ${number(result.identifiers)} (${number(result.identifiersWithoutCustomer)} without customer), links ${number(result.links)}${result.invalidValues === null ? '' : `, invalid values ${number(result.invalidValues)}`}`,
    `permission levels: 1: ${number(result.permissionLevels['1'])}, 2: ${number(result.permissionLevels['2'])}, 3: ${number(result.permissionLevels['3'])}`,
    `refused merges by rule: ${Object.entries(result.refusedByRule).map(([rule, count]) => `${rule} ${number(count)}`).join(', ')}`,
    '',
    'cluster sizes (records per customer: customers):',
  );
  for (const { size, customers } of result.clusterSizes) lines.push(`  ${String(size).padStart(6)}: ${number(customers)}`);
  lines.push('', 'largest customers:');
  for (const customer of result.largestCustomers) {
    lines.push(`  ${customer.customerId}  ${plural(customer.records, 'record')}, ${plural(customer.identifiers, 'identifier')}, level ${customer.permissionLevel}; ${customer.sources.join(', ')}`);
  }
  lines.push('', 'sources:');
  for (const source of result.sources) lines.push(`  ${source.source}: ${plural(source.records, 'record')} in ${plural(source.customers, 'customer')}`);
  lines.push('', `junk values (${number(result.junk.length)}; they never link):`);
  for (const value of result.junk.slice(0, JUNK_SHOWN)) lines.push(`  ${value.key}  ${value.reason}, ${plural(value.records, 'record')}`);
  if (result.junk.length > JUNK_SHOWN) lines.push(`  ... ${number(result.junk.length - JUNK_SHOWN)} more (--json lists all)`);
  return `${lines.join('\n')}\n`;
}
