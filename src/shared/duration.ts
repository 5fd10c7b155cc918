import { z } from 'zod';
import { MAX_TIMER_MS } from './io/wait.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;

/** Parses `250ms`, `30s`, `5m`, `1h` into milliseconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const match = PATTERN.exec(text.trim());
  if (!match) return undefined;
  return Math.round(Number(match[1]) * (UNITS[match[2] as string] as number));
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)}s`;
  return `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`;
}

const UNIT_HINT = 'expected a duration with a unit, like 30s, 500ms, 5m or 1h';

/**
 * A duration written with its unit; numbers are refused because "30" could
 * mean seconds or milliseconds. At most what one Node timer can wait (a longer
 * delay fires at once): PostgreSQL's lock and statement timeouts share that
 * limit, and no wait in a release needs more than its 24.8 days.
 */
export const durationSchema = z
  .string({ error: UNIT_HINT })
  .transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === undefined) ctx.addIssue({ code: 'custom', message: UNIT_HINT });
    else if (ms > MAX_TIMER_MS) ctx.addIssue({ code: 'custom', message: `expected at most ${MAX_TIMER_MS}ms (596h, about 24.8 days: the longest a timer can wait)` });
    return ms ?? 0;
  });
