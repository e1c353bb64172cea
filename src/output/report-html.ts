// Writes report.html and the pictures of the largest customers into a run's staging directory.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildIdentityGraph } from '../identity-graph/index.js';
import { collectCustomerSubgraphs } from '../pictures/customer-subgraphs.js';
import { renderReportPage, type LargestCustomerEntry } from '../pictures/report-page.js';
import { MAX_DRAWN_NODES, renderSubgraphSvg } from '../pictures/subgraph-svg.js';
import type { Domain } from '../config/index.js';
import type { ResolutionResult } from '../resolve/index.js';
import type { RunReport } from './report.js';

export const REPORT_HTML = 'report.html';
/** The folder beside report.html holding `<customer_id>.svg` for each of the largest customers. */
export const PICTURES_DIR = 'pictures';

/**
 * Writes report.html (one self-contained page: no script, no network, charts as inline SVG) and
 * `pictures/<customer_id>.svg` for each customer in `report.largestCustomers`, linked from the page.
 * NOTE: the pictures are files beside the page rather than inlined: they show identifier values
 * (personal data, like identifiers.csv), and report.html itself then holds none but the junk
 * values report.json already lists, so it can be shared on its own.
 * Cost: one pass over records, identifiers, links and refused merges for all pictures together;
 * each picture draws at most MAX_DRAWN_NODES nodes.
 * @param stagingDir the run's staging directory (see writeRun's extraWriters)
 * @param report the run report
 * @param result the resolution result the report describes
 * @param domains each source's domain (run.json's sourceDomains), for the records' colours
 */
export async function writeReportHtml(stagingDir: string, report: RunReport, result: ResolutionResult, domains: Readonly<Record<string, Domain>>): Promise<void> {
  const wanted = report.largestCustomers.map((customer) => customer.customerId);
  const subgraphs = collectCustomerSubgraphs(result, wanted);
  const customers = new Map(result.customers.filter((customer) => wanted.includes(customer.id)).map((customer) => [customer.id as string, customer]));
  const largest: LargestCustomerEntry[] = [];
  if (subgraphs.length > 0) await mkdir(join(stagingDir, PICTURES_DIR), { recursive: true });
  for (const subgraph of subgraphs) {
    // Customer IDs are `cus_` + 16 base32hex characters; anything else never becomes a file name.
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(subgraph.customerId)) continue;
    const customer = customers.get(subgraph.customerId);
    const graph = buildIdentityGraph(subgraph.links, subgraph.nodes);
    const picture = `${PICTURES_DIR}/${subgraph.customerId}.svg`;
    const subtitle = customer === undefined ? undefined : `permission level ${customer.permissionLevel} · sources: ${customer.sources.join(', ')}`;
    const svg = renderSubgraphSvg(graph, subgraph.refused, subgraph.customerId, { domains, ...(subtitle === undefined ? {} : { subtitle }) });
    await writeFile(join(stagingDir, picture), svg, { flush: true });
    largest.push({
      customerId: subgraph.customerId,
      records: customer?.records ?? 0,
      identifiers: customer?.identifiers ?? 0,
      permissionLevel: customer?.permissionLevel ?? 1,
      sources: customer?.sources ?? [],
      picture,
      drawnNodes: Math.min(graph.order, MAX_DRAWN_NODES),
      totalNodes: graph.order,
    });
  }
  await writeFile(join(stagingDir, REPORT_HTML), renderReportPage(report, largest), { flush: true });
}
