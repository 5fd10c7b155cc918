import { expect } from '@jest/globals';
import { LINE_PIECE_MAX, OUTPUT_MAX, type runCommand } from '../../src/shared/io/command.js';

/**
 * Runs, through `run` (this machine's or a remote host's), a program that prints `total` characters with
 * no line break, and checks what comes back: at most OUTPUT_MAX kept, and every character handed on to
 * the log, in pieces of at most LINE_PIECE_MAX.
 */
export async function expectEndlessLineBounded(run: typeof runCommand, field: string, total: number): Promise<void> {
  const pieces: number[] = [];
  const result = await run([process.execPath, '-e', `process.stdout.write('x'.repeat(${total}))`], {
    field,
    timeoutMs: 60_000,
    onLine: line => pieces.push(line.length)
  });
  expect(result.code).toBe(0);
  expect(result.stdout.length).toBe(OUTPUT_MAX);
  expect(Math.max(...pieces)).toBeLessThanOrEqual(LINE_PIECE_MAX);
  expect(pieces.reduce((sum, n) => sum + n, 0)).toBe(total);
}
