import http from 'node:http';
import type { Duplex } from 'node:stream';
import { ReleaseError } from '../../../shared/errors.js';
import { answerError, deadlineOf, readAnswer } from '../../../shared/io/exchange.js';
import type { Budget } from '../../../shared/io/wait.js';

export interface StreamRequest {
  method: 'GET' | 'POST';
  path: string;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
}

export interface StreamResponse {
  status: number;
  body: string;
}

const MAX_RESPONSE = 64 * 1024;

/**
 * One HTTP request over a stream the router's host opened (a local socket,
 * or a channel forwarded over SSH), where a URL-based client cannot go:
 * Node's HTTP client on that stream, so Node's parser reads the answer. The
 * answer must be whole within what is left of `limit`, which opening the
 * stream has used part of.
 */
export async function requestOverStream(stream: Duplex, request: StreamRequest, limit: Budget, describe: string): Promise<StreamResponse> {
  const body = request.form === undefined ? '' : new URLSearchParams(request.form).toString();
  const headers: Record<string, string> = {
    Host: 'cutover',
    'User-Agent': 'cutover',
    // One request a stream: the server closes it after the answer.
    Connection: 'close',
    ...(request.form === undefined ? {} : { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(Buffer.byteLength(body)) })
  };
  const { signal: deadline, clear } = deadlineOf(limit);
  try {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const sent = http.request({ createConnection: () => stream, method: request.method, path: request.path, headers, signal: deadline }, resolve);
      sent.once('error', error => reject(notHttp(error) ?? error));
      sent.end(body);
    });
    const answer = await readAnswer(response, { limit, maxBytes: MAX_RESPONSE, deadline });
    return { status: response.statusCode ?? 0, body: answer.toString('utf8') };
  } catch (error) {
    throw new ReleaseError(`${describe}: ${answerError(error, deadline, limit).message}`);
  } finally {
    clear();
    stream.destroy();
  }
}

/** Node's parser refusing what came back, as the answer that was not HTTP. */
function notHttp(error: Error & { code?: string; rawPacket?: Buffer }): Error | null {
  if (!error.code?.startsWith('HPE_')) return null;
  return new Error(`not an HTTP answer: ${JSON.stringify((error.rawPacket?.toString('utf8') ?? '').slice(0, 200))}`);
}
