import { COLORS } from '../core/color.js';
import type { TrafficPoint } from '../core/timeline.js';


/** Drawn in the colors they stand for, where the renderer honours the palette. */
const PALETTE: Record<(typeof COLORS)[number], string> = { blue: '#0969da', green: '#1a7f37' };

/**
 * Traffic per color over time as markdown: a line naming the series, since
 * xychart has no legend, then a mermaid `xychart-beta` with one line per color.
 * A single point still renders: its lines are one point long. Callers omit
 * the chart when there are no points.
 */
export function trafficChart(points: readonly TrafficPoint[]): string {
  const order = COLORS.map((color, i) => `line ${i + 1} is ${color}`).join(', ');
  const last = points[points.length - 1];
  const now = last ? ` Now: ${COLORS.map(color => `${color} ${last.weights[color]}%`).join(', ')}.` : '';
  return [
    `Share of traffic per color in percent; ${order}.${now}`,
    '',
    '```mermaid',
    ...paletteHeader(),
    'xychart-beta',
    '  title "Traffic per color"',
    `  x-axis [${points.map(p => `"${axisLabel(p)}"`).join(', ')}]`,
    '  y-axis "Traffic (%)" 0 --> 100',
    ...COLORS.map(color => `  line [${points.map(p => p.weights[color]).join(', ')}]`),
    '```'
  ].join('\n');
}

/**
 * The error rate per color over the analysis intervals, in percent, as a
 * second chart under the traffic one (xychart has a single y-axis, and error
 * rates of a few percent would vanish on the traffic chart's 0 to 100). A
 * color with no requests in an interval is drawn at 0 and said so in the line
 * above. Callers omit it when no interval measured an error rate.
 */
export function errorRateChart(points: readonly TrafficPoint[]): string {
  const measured = points.filter(p => p.errorRate !== undefined);
  const percent = (rate: number | null | undefined) => Number(((rate ?? 0) * 100).toPrecision(3));
  const highest = Math.max(1, ...measured.flatMap(p => COLORS.map(color => percent(p.errorRate?.[color]))));
  const order = COLORS.map((color, i) => `line ${i + 1} is ${color}`).join(', ');
  return [
    `Failed requests per color in percent of its requests, per analysis interval; ${order}. A color without requests in an interval is drawn at 0.`,
    '',
    '```mermaid',
    ...paletteHeader(),
    'xychart-beta',
    '  title "Error rate per color"',
    `  x-axis [${measured.map(p => `"${axisLabel(p)}"`).join(', ')}]`,
    `  y-axis "Error rate (%)" 0 --> ${Math.ceil(highest)}`,
    ...COLORS.map(color => `  line [${measured.map(p => percent(p.errorRate?.[color])).join(', ')}]`),
    '```'
  ].join('\n');
}

function paletteHeader(): string[] {
  return ['---', 'config:', '  themeVariables:', '    xyChart:', `      plotColorPalette: "${COLORS.map(color => PALETTE[color]).join(', ')}"`, '---'];
}

/** The label and the UTC time, keeping only characters that cannot end the quoted string or the fence. */
function axisLabel(point: TrafficPoint): string {
  const at = new Date(point.at);
  const time = Number.isNaN(at.getTime()) ? '' : at.toISOString().slice(11, 16);
  const label = point.label.replace(/[^\w .:()/+%#-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return `${label} ${time}`.trim();
}
