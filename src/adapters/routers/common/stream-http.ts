import type { Duplex } from 'node:stream';
import { ReleaseError } from '../../../shared/errors.js';
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
 * One HTTP/1.0 request over a stream the router's host opened (a local socket,
 * or a channel forwarded over SSH), where a URL-based client cannot go.
 * HTTP/1.0 keeps the answer simple: no chunking, and the server closes the
 * stream when it is done, which ends the body. The answer must be whole
 * within what is left of `limit`, which opening the stream has used part of.
 */
export function requestOverStream(stream: Duplex, request: StreamRequest, limit: Budget, describe: string): Promise<StreamResponse> {
  const body = request.form === undefined ? '' : new URLSearchParams(request.form).toString();
  const head = [
    `${request.method} ${request.path} HTTP/1.0`,
    'Host: cutover',
    'User-Agent: cutover',
    ...(request.form === undefined ? [] : ['Content-Type: application/x-www-form-urlencoded', `Content-Length: ${Buffer.byteLength(body)}`])
  ];
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (message: string) => {
      clearTimeout(timer);
      stream.destroy();
      reject(new ReleaseError(`${describe}: ${message}`));
    };
    const timer = setTimeout(() => fail(`no complete answer within ${limit.ms}ms`), limit.left());
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_RESPONSE) return fail(`answer longer than ${MAX_RESPONSE} bytes`);
      chunks.push(chunk);
    });
    stream.once('error', error => fail(error.message));
    // After 'end' this changes nothing; without it, the answer was cut short.
    stream.once('close', () => fail('the connection closed before the answer ended'));
    stream.once('end', () => {
      clearTimeout(timer);
      stream.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      const split = text.indexOf('\r\n\r\n');
      if (!status || split < 0) return reject(new ReleaseError(`${describe}: not an HTTP answer: ${JSON.stringify(text.slice(0, 200))}`));
      resolve({ status: Number(status[1]), body: text.slice(split + 4) });
    });
    // Not end(): some servers take a half-closed connection for a client that went away.
    stream.write(`${head.join('\r\n')}\r\n\r\n${body}`);
  });
}
