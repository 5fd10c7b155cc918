import { addAbortSignal, type Duplex, type Readable } from 'node:stream';
import type { Budget } from './wait.js';

/**
 * A request written on a stream and its answer read back to the end, where
 * the peer's closing marks the end (HAProxy's runtime API, an HTTP body): one
 * time limit for the whole answer, and a cap on its size, so that a peer that
 * trickles or never stops cannot hold a step or fill its memory.
 */

/** How an answer failed: `partial` is what came before, for a caller whose peer answers without closing. */
export class ExchangeError extends Error {
  constructor(
    message: string,
    readonly failure: 'timeout' | 'too-long' | 'cut-short' | 'failed',
    readonly partial: string,
    cause?: unknown
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ExchangeError';
  }
}

export interface AnswerLimits {
  /** The exchange's time limit: what is left of it bounds the answer, and its whole is named in the error. */
  limit: Budget;
  /** The most bytes the answer may have: one byte more ends it at once. */
  maxBytes: number;
  /** The exchange's deadline when it began before the answer (an HTTP request's); by default what is left of `limit`. */
  deadline?: AbortSignal;
}

/**
 * A signal that aborts when what is left of `limit` runs out. Its timer holds
 * the process open, unlike AbortSignal.timeout's: a stream with no handle of
 * its own must still see its deadline. `clear` once the exchange is over.
 */
export function deadlineOf(limit: Budget): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`the ${limit.ms}ms limit passed`)), limit.left());
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

const CUT_SHORT = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET']);

/**
 * Reads `stream` to its end and returns all it sent, then destroys it. Throws
 * an ExchangeError when the deadline passes first (the stream is destroyed
 * then, through its AbortSignal), when the answer grows past `maxBytes`, when
 * the stream closes before its end, or when it fails.
 */
export async function readAnswer(stream: Readable, limits: AnswerLimits): Promise<Buffer> {
  const own = limits.deadline ? null : deadlineOf(limits.limit);
  const deadline = limits.deadline ?? (own as { signal: AbortSignal }).signal;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    addAbortSignal(deadline, stream);
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      size += bytes.length;
      if (size > limits.maxBytes) throw new ExchangeError(`answer longer than ${limits.maxBytes} bytes`, 'too-long', text(chunks));
      chunks.push(bytes);
    }
    return Buffer.concat(chunks);
  } catch (error) {
    throw answerError(error, deadline, limits.limit, text(chunks));
  } finally {
    own?.clear();
    // The answer is settled: an error the stream still emits while it winds down says nothing more.
    stream.on('error', () => undefined);
    stream.destroy();
  }
}

/**
 * Writes `request` on `stream` and reads the answer with readAnswer. The
 * stream is not ended: some servers take a half-closed connection for a
 * client that went away.
 */
export function exchange(stream: Duplex, request: string, limits: AnswerLimits): Promise<Buffer> {
  stream.write(request);
  return readAnswer(stream, limits);
}

/** What a failure while the answer was due means, as an ExchangeError. */
export function answerError(error: unknown, deadline: AbortSignal, limit: Budget, partial = ''): ExchangeError {
  if (error instanceof ExchangeError) return error;
  if (deadline.aborted) return new ExchangeError(`no complete answer within ${Math.round(limit.ms)}ms`, 'timeout', partial);
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined && CUT_SHORT.has(code)) return new ExchangeError('the connection closed before the answer ended', 'cut-short', partial, error);
  return new ExchangeError(error instanceof Error ? error.message : String(error), 'failed', partial, error);
}

function text(chunks: Buffer[]): string {
  return Buffer.concat(chunks).toString('utf8');
}
