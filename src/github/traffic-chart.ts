import { COLORS } from '../core/color.js';
import type { Weights } from '../core/weights.js';

export interface TrafficPoint {
  /** What happened at this point, e.g. the step name. */
  label: string;
  /** ISO time of the point. */
  at: string;
  weights: Weights;
}

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
    '---',
    'config:',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${COLORS.map(color => PALETTE[color]).join(', ')}"`,
    '---',
    'xychart-beta',
    '  title "Traffic per color"',
    `  x-axis [${points.map(p => `"${axisLabel(p)}"`).join(', ')}]`,
    '  y-axis "Traffic (%)" 0 --> 100',
    ...COLORS.map(color => `  line [${points.map(p => p.weights[color]).join(', ')}]`),
    '```'
  ].join('\n');
}

/** The label and the UTC time, keeping only characters that cannot end the quoted string or the fence. */
function axisLabel(point: TrafficPoint): string {
  const at = new Date(point.at);
  const time = Number.isNaN(at.getTime()) ? '' : at.toISOString().slice(11, 16);
  const label = point.label.replace(/[^\w .:()/+-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return `${label} ${time}`.trim();
}
