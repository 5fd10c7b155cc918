import { z } from 'zod';

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

/** A duration written with its unit; numbers are refused because "30" could mean seconds or milliseconds. */
export const durationSchema = z
  .string({ error: 'expected a duration with a unit, like 30s, 500ms, 5m or 1h' })
  .refine(text => parseDuration(text) !== undefined, { error: 'expected a duration with a unit, like 30s, 500ms, 5m or 1h' })
  .transform(text => parseDuration(text) as number);
