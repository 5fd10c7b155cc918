import type { Color } from '../core/color.js';
import { formatDuration } from '../shared/duration.js';
import type { StepContext } from './context.js';

/** Waits until the colors that lost their traffic finish what they were serving, so the step ends with nothing in flight there. */
export async function drainColors(context: StepContext, colors: readonly Color[]): Promise<void> {
  for (const color of colors) {
    const report = await context.router.drain(color);
    const what =
      report.method === 'counter'
        ? `nothing in flight after ${formatDuration(report.waitedMs)}${report.closed ? ` (closed ${report.closed} long-lived connection(s) after the grace period)` : ''}`
        : `waited the drain time, ${formatDuration(report.waitedMs)} (this router has no per-color counter)`;
    context.logger.info(`${color} drained: ${what}`);
  }
}
