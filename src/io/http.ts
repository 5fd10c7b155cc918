import http from 'node:http';
import https from 'node:https';

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface HttpGetOptions {
  timeoutMs: number;
  headers?: Record<string, string>;
  /** A keep-alive agent to reuse connections; by default each request opens its own. */
  agent?: http.Agent;
}

const MAX_BODY = 64 * 1024;

export interface HttpRequestOptions extends HttpGetOptions {
  method: 'GET' | 'PUT';
  /** Sent as JSON. */
  json?: unknown;
}

/**
 * One GET, by default on a fresh connection (no keep-alive), so every probe sees
 * what a new client would see: after an nginx reload, only new workers accept connections.
 */
export function httpGet(url: string, options: HttpGetOptions): Promise<HttpResponse> {
  return httpRequest(url, { ...options, method: 'GET' });
}

export function httpRequest(url: string, options: HttpRequestOptions): Promise<HttpResponse> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const payload = options.json === undefined ? undefined : JSON.stringify(options.json);
  return new Promise((resolve, reject) => {
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
        },
        timeout: options.timeoutMs
      },
      response => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (body.length < MAX_BODY) body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
        response.on('error', reject);
      }
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs}ms`)));
    request.on('error', reject);
    request.end(payload);
  });
}

export function headerValue(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
