import { COLORS, otherColor, type Color } from '../core/color.js';
import { percentText } from '../core/check-text.js';
import type { StepRecord, TrafficPoint } from '../core/timeline.js';
import { formatDuration } from '../shared/duration.js';
import { table, text } from './markdown.js';
import type { ReleaseReport } from './report.js';

/*
 * The traffic steps of a promotion: a table with each step's verdict, its error rates against
 * the limit and its checks, and a chart with one point per step, drawn only when traffic moved
 * in more than one step (an instant switch is a fact, not a ramp).
 */

const VERDICT: Record<StepRecord['outcome'], string> = {
  pass: '✅ passed',
  fail: '❌ failed',
  'inconclusive-fail': '❌ failed for lack of data'
};

/** Drawn in the colors they stand for, where the renderer honours the palette. */
const PALETTE: Record<Color, string> = { blue: '#0969da', green: '#1a7f37' };

const rate = (value: number | null | undefined) => (value === null || value === undefined ? 'no requests' : percentText(value));

/** The error rates of a step's last measured interval, new color first. */
function errorRates(report: ReleaseReport, step: StepRecord): string {
  const measured = (report.traffic ?? []).filter(p => p.errorRate && p.weights[report.to.color] === step.percent).at(-1);
  if (!measured?.errorRate) return '—';
  const limit = report.errorLimit === null || report.errorLimit === undefined ? '' : ` (limit ${percentText(report.errorLimit)})`;
  return `${report.to.color} ${rate(measured.errorRate[report.to.color])}${limit}<br>${report.from.color} ${rate(measured.errorRate[report.from.color])}`;
}

export function stepsTable(report: ReleaseReport): string | null {
  const steps = report.analysis ?? [];
  if (steps.length === 0) return null;
  const lastFailed = steps.at(-1)?.outcome !== 'pass';
  const rows = steps.map((step, i) => [
    `${lastFailed && i === steps.length - 1 ? '▶ ' : ''}${step.step + 1}`,
    `${step.percent}%`,
    `${VERDICT[step.outcome]}${step.dryRun && step.outcome !== 'pass' ? ' (dry run: not rolled back)' : ''}`,
    formatDuration(step.elapsedMs),
    errorRates(report, step),
    // A later job rebuilds steps from the deployment, without their checks: those are in the promote job's summary.
    step.checks.map(c => `${text(c.name)} ${c.outcome}: ${text(c.detail)}`).join('<br>') || '—'
  ]);
  return ['### Traffic steps', '', table(['Step', `${report.to.color}'s share`, 'Verdict', 'Time', 'Error rate', 'Checks (last interval)'], rows)].join('\n');
}

/** One point per traffic step: where traffic started, each split a step set, and where it is now. */
function stepPoints(report: ReleaseReport): { label: string; weights: Record<Color, number> }[] {
  const traffic = report.traffic ?? [];
  const points: { label: string; weights: Record<Color, number> }[] = [];
  for (const point of traffic) {
    // Interval points (`10% #2`) belong to the table; the chart has one point per split.
    if (point.label.includes('#')) continue;
    const last = points.at(-1);
    if (last && COLORS.every(c => last.weights[c] === point.weights[c])) continue;
    const label = labelOf(point);
    points.push({ label, weights: point.weights });
  }
  const now = report.colors ? (Object.fromEntries(report.colors.map(c => [c.color, c.weight])) as Record<Color, number>) : null;
  if (now && points.length && COLORS.some(c => now[c] !== points.at(-1)?.weights[c])) points.push({ label: 'now', weights: now });
  return points;
}

/** A short axis label, keeping only characters that cannot end the quoted string or the fence. */
function labelOf(point: TrafficPoint): string {
  return point.label.replace(/[^\w .%+-]+/g, ' ').replace(/\s+/g, ' ').trim() || 'step';
}

export function trafficChart(report: ReleaseReport): string | null {
  const points = stepPoints(report);
  // Only a canary has a shape worth drawing; a switch at once would be drawn as a ramp it never was.
  if (!points.some(p => p.weights[report.to.color] > 0 && p.weights[report.to.color] < 100)) return null;
  const order = COLORS.map((color, i) => `line ${i + 1} is ${color}`).join(', ');
  return [
    `Share of traffic per color at each step, in percent; ${order}.`,
    '',
    '```mermaid',
    '---',
    'config:',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${COLORS.map(color => PALETTE[color]).join(', ')}"`,
    '---',
    'xychart-beta',
    `  title "Traffic per color, ${otherColor(report.to.color)} to ${report.to.color}"`,
    `  x-axis [${points.map(p => `"${p.label}"`).join(', ')}]`,
    '  y-axis "Traffic (%)" 0 --> 100',
    ...COLORS.map(color => `  line [${points.map(p => p.weights[color]).join(', ')}]`),
    '```'
  ].join('\n');
}
