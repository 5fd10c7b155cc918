import http from 'node:http';
import https from 'node:https';
import { z } from 'zod';

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface HttpGetOptions {
  /**
   * The whole exchange: connecting, the headers and the whole body. A peer
   * that trickles a byte at a time is still cut off here.
   */
  timeoutMs: number;
  headers?: Record<string, string>;
  /** A keep-alive agent to reuse connections; by default each request opens its own. */
  agent?: http.Agent;
  /** The caller's (a cancelled job): ends the exchange at once. */
  signal?: AbortSignal;
}

/** An HTTP status code as a setting (an expected status); the one schema every setting of one uses. */
export const httpStatusSchema = z.number({ error: 'expected an HTTP status, like 200' }).int().min(100).max(599);

/** No answer cutover reads (a version, a health status, a Prometheus result) comes near this. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface HttpRequestOptions extends HttpGetOptions {
  method: 'GET' | 'PUT';
  /** Sent as JSON. */
  json?: unknown;
}

/** An exchange that did not end with a whole answer: refused, cut short, too slow, too long or cancelled. */
export class HttpError extends Error {
  constructor(
    what: string,
    /** What went wrong, without the request: for callers whose own message already names the URL. */
    readonly reason: string,
    options?: { cause?: unknown }
  ) {
    super(`${what}: ${reason}`, options);
    this.name = 'HttpError';
  }
}

/**
 * A URL as it may be printed: without user info, and with the query's values
 * hidden, since either can carry a key.
 */
export function shownUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(unparseable URL)';
  }
  const keys = [...new Set(parsed.searchParams.keys())];
  const query = keys.length ? `?${keys.map(key => `${encodeURIComponent(key)}=…`).join('&')}` : '';
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}${query}`;
}

/**
 * One GET, by default on a fresh connection (no keep-alive), so every probe sees
 * what a new client would see: after an nginx reload, only new workers accept connections.
 */
export function httpGet(url: string, options: HttpGetOptions): Promise<HttpResponse> {
  return httpRequest(url, { ...options, method: 'GET' });
}

/**
 * One request that ends by `timeoutMs` whatever the peer does, or at once when
 * `signal` aborts; either way the connection is destroyed. A body longer than
 * MAX_BODY_BYTES fails the call as soon as the excess arrives: every caller
 * needs a whole answer, and a cut one could read as a different one. A
 * redirect is an answer like any other (3xx), never followed. Errors name the
 * URL as `shownUrl` prints it.
 */
export function httpRequest(url: string, options: HttpRequestOptions): Promise<HttpResponse> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const payload = options.json === undefined ? undefined : JSON.stringify(options.json);
  const what = `${options.method} ${shownUrl(target)}`;
  const { signal } = options;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (outcome: { error: Error } | { response: HttpResponse }) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      signal?.removeEventListener('abort', onAbort);
      if ('error' in outcome) {
        // Ends the exchange, so nothing more is read; a whole answer leaves its connection to the agent.
        request.destroy();
        reject(outcome.error);
      } else {
        resolve(outcome.response);
      }
    };
    const fail = (reason: string, cause?: unknown) => finish({ error: new HttpError(what, reason, cause === undefined ? undefined : { cause }) });
    const tooLong = () => fail(`the answer is longer than ${MAX_BODY_BYTES} bytes, more than cutover reads from any endpoint; the connection was closed.`);
    const onAbort = () => {
      const error = new HttpError(what, 'cancelled', { cause: signal?.reason });
      error.name = 'AbortError';
      finish({ error });
    };
    const request = client.request(
      target,
      {
        method: options.method,
        agent: options.agent ?? false,
        headers: {
          ...(options.agent ? {} : { connection: 'close' }),
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          'user-agent': 'cutover',
          ...options.headers
        }
      },
      response => {
        if (Number(response.headers['content-length']) > MAX_BODY_BYTES) return tooLong();
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) return tooLong();
          chunks.push(chunk);
        });
        response.on('end', () => finish({ response: { status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') } }));
        response.on('error', error => fail(`the answer broke off: ${error.message}`, error));
        // After 'end' this changes nothing; before it, the peer hung up mid-answer.
        response.on('close', () => fail('the connection closed before the answer ended'));
      }
    );
    const deadline = setTimeout(() => fail(`no complete answer within ${Math.round(options.timeoutMs)}ms`), options.timeoutMs);
    request.on('error', error => fail(error.message, error));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    request.end(payload);
  });
}

export function headerValue(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
