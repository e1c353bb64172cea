// Writes report.html: the run report as one self-contained page.
import type { ResolutionResult } from '../resolve/index.js';
import type { RunReport } from './report.js';

/**
 * Writes report.html into a run's staging directory.
 * NOTE: placeholder until the pictures land (issue 9): writes nothing yet.
 */
export async function writeReportHtml(stagingDir: string, report: RunReport, result: ResolutionResult): Promise<void> {
  void stagingDir;
  void report;
  void result;
}
