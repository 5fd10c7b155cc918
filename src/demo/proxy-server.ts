import http from 'node:http';
import { createProxyServer } from 'http-proxy-3';
import type { Color } from '../core/color.js';
import { routerDigest, type RouterState } from '../core/router-state.js';
import { COLOR_HEADER, GENERATION_HEADER, generationOf } from '../adapters/routers/common/confirm.js';

export const PROXY_LABEL = 'in-process proxy (http-proxy-3), for demos and tests only';

export interface ProxyServer {
  url: string;
  admin: string;
  close: () => Promise<void>;
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

/**
 * A weighted proxy inside this process, for machines without nginx. Traffic
 * goes to `port`; its state is read and changed over a small admin API on
 * `adminPort`, which the `proxy` router kind drives. Answers are tagged like
 * nginx's, so the same confirmation applies; `GET /in-flight` counts the
 * requests each color is serving, for draining. It dies with the process, so it
 * is only for the demo and tests.
 */
export async function startProxyServer(port: number, adminPort: number): Promise<ProxyServer> {
  let state: RouterState | null = null;
  const inFlight: Record<Color, number> = { blue: 0, green: 0 };
  const proxy = createProxyServer({ xfwd: true });
  proxy.on('error', (_error, _request, response) => {
    const res = response as http.ServerResponse;
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('bad gateway\n');
  });
  const traffic = http.createServer((request, response) => {
    const current = state;
    if (!current) {
      response.writeHead(503).end('router has no state yet\n');
      return;
    }
    const color: Color = Math.random() * 100 < current.weights.blue ? 'blue' : 'green';
    response.setHeader(COLOR_HEADER, color);
    response.setHeader(GENERATION_HEADER, generationOf(current));
    inFlight[color]++;
    response.once('close', () => inFlight[color]--);
    proxy.web(request, response, { target: `http://${current.endpoints[color]}` });
  });
  const admin = http.createServer((request, response) => {
    const reply = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.method === 'GET' && request.url === '/in-flight') {
      reply(200, inFlight);
      return;
    }
    if (request.method === 'GET') {
      reply(state ? 200 : 404, state ?? { error: 'no state yet' });
      return;
    }
    let body = '';
    request.on('data', chunk => (body += String(chunk)));
    request.on('end', () => {
      try {
        const change = JSON.parse(body) as { expected: string | null; target: RouterState };
        const holds = state ? routerDigest(state) : null;
        if (holds !== change.expected) {
          reply(409, { error: `router holds ${holds ?? 'no state'}, not ${change.expected ?? 'no state'}` });
          return;
        }
        state = change.target;
        reply(200, state);
      } catch (error) {
        reply(400, { error: (error as Error).message });
      }
    });
  });
  await listen(traffic, port);
  await listen(admin, adminPort);
  const close = (server: http.Server) =>
    new Promise<void>(resolve => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    url: `http://127.0.0.1:${port}/`,
    admin: `http://127.0.0.1:${adminPort}/`,
    close: async () => {
      await Promise.all([close(traffic), close(admin)]);
      proxy.close();
    }
  };
}
