import { approvingWill, risksSection } from './approving.js';
import { text } from './markdown.js';
import type { ReleaseReport } from './report.js';
import {
  approversSection,
  colorsSection,
  contractProxySection,
  databaseSection,
  detailsSection,
  failure,
  headline,
  links,
  preview,
  stepLine
} from './sections.js';
import { stepsTable, trafficChart } from './traffic.js';

/*
 * The job summary of a step. One page per job: the step that makes a release ready for approval
 * writes the review page (what approving will do, the risks first, details folded), the other
 * steps of that job one line each; promote, rollback, contract and a drill write what they did
 * with what led there. Values come from the sources of truth as they are when it is written.
 */
export function renderSummary(report: ReleaseReport): string {
  const sections = report.page === 'line' ? [lineOf(report)] : report.page === 'review' ? reviewPage(report) : storyPage(report);
  return `${sections.filter((s): s is string => s !== null).join('\n\n')}\n`;
}

function lineOf(report: ReleaseReport): string {
  const what = report.done?.at(-1)?.what;
  return `${stepLine(report)}${what ? ` — ${text(what)}` : ''}. The review page comes with the step that makes the release ready to approve.`;
}

function reviewPage(report: ReleaseReport): (string | null)[] {
  return [
    headline(report),
    `Ready for review in **${text(report.environment)}**. Done so far: ${(report.done ?? []).map(d => `${d.step} ✅ ${text(d.what)}`).join(' · ') || 'nothing'}.`,
    approvingWill(report),
    risksSection(report.risks),
    preview(report),
    colorsSection(report),
    databaseSection(report),
    contractProxySection(report),
    detailsSection(report),
    links(report)
  ];
}

function storyPage(report: ReleaseReport): (string | null)[] {
  return [
    headline(report),
    stepLine(report),
    failure(report),
    approversSection(report),
    stepsTable(report),
    // A contract release switches in one transaction: there is no split to draw.
    report.router ? null : trafficChart(report),
    colorsSection(report),
    databaseSection(report),
    contractProxySection(report),
    detailsSection(report),
    links(report)
  ];
}
