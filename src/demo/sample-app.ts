import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import { AppMetrics } from './app-metrics.js';
import { FailureSpreader, type Faults, faultsFrom, MAX_DELAY_MS, NO_FAULTS } from './app-faults.js';

export interface SampleAppOptions {
  port: number;
  version: string;
  color: string;
  /** Faults from the start; `/fault` changes them while the app runs. */
  faults?: Faults;
}

/**
 * The small service the demo and the tests release: `/` answers with its
 * version and color, `/healthz` and `/version` serve the probes, `/metrics`
 * serves Prometheus. `/slow?ms=N` answers after N ms and `/stream` sends a
 * line a second until the client goes, as a long request and a long-lived
 * connection (a websocket, say) do while a router drains.
 *
 * `PUT /fault?fail=0.2&delay=50` (any method but GET) makes the app fail that share of its
 * requests with 500 and answer that much later, as a bad release does, while
 * `/healthz` stays green: the kind of failure only analysis of real traffic
 * catches. `GET /fault` shows the faults. It stops gracefully on SIGTERM,
 * finishing requests in flight.
 */
export function serveSampleApp(options: SampleAppOptions): Promise<http.Server> {
  let faults = options.faults ?? NO_FAULTS;
  let spreader = new FailureSpreader();
  const metrics = new AppMetrics({ color: options.color, version: options.version });
  const text = (response: http.ServerResponse, status: number, body: string) => response.writeHead(status, { 'content-type': 'text/plain' }).end(body);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://sample.invalid');
    switch (url.pathname) {
      case '/healthz':
        return text(response, 200, 'ok\n');
      case '/version':
        return text(response, 200, `${options.version}\n`);
      case '/metrics':
        return response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(metrics.render());
      case '/fault': {
        if (request.method === 'GET') return text(response, 200, JSON.stringify(faults) + '\n');
        const next = faultsFrom(url.searchParams, faults);
        if (typeof next === 'string') return text(response, 400, `${next}\n`);
        faults = next;
        // Counted afresh, so the share asked for starts now rather than catching up on the requests served before.
        spreader = new FailureSpreader();
        return text(response, 200, JSON.stringify(faults) + '\n');
      }
      case '/stream': {
        response.writeHead(200, { 'content-type': 'text/plain' });
        const tick = () => response.write(`${options.color} ${options.version}\n`);
        tick();
        const timer = setInterval(tick, 1000);
        response.once('close', () => clearInterval(timer));
        return;
      }
    }
    const started = process.hrtime.bigint();
    const fail = spreader.next(faults.failRate);
    const slowMs = url.pathname === '/slow' ? Math.min(MAX_DELAY_MS, Math.max(0, Number(url.searchParams.get('ms')) || 0)) : 0;
    const answer = () => {
      const status = fail ? 500 : 200;
      metrics.observe(status, Number(process.hrtime.bigint() - started) / 1e9);
      if (fail) return text(response, 500, `${options.color} ${options.version} failed on purpose\n`);
      if (url.pathname === '/slow') return text(response, 200, `${options.color} ${options.version} after ${slowMs}ms\n`);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ version: options.version, color: options.color }) + '\n');
    };
    const waitMs = slowMs + faults.delayMs;
    if (waitMs === 0) return answer();
    const timer = setTimeout(answer, waitMs);
    response.once('close', () => clearTimeout(timer));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve(server));
  });
}

export function stopGracefully(server: http.Server): Promise<void> {
  return new Promise(resolve => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/**
 * Starts the sample app as a background process and returns once it is
 * spawned (the deploy step, not this function, waits for it to be healthy).
 * `self` is the command that runs cutover's CLI.
 */
export async function startSampleAppProcess(self: readonly string[], options: SampleAppOptions & { pidFile: string }): Promise<number> {
  const [file, ...args] = self;
  const child = spawn(
    file as string,
    [...args, 'sample-app', '--port', String(options.port), '--version', options.version, '--color', options.color],
    { detached: true, stdio: 'ignore' }
  );
  child.unref();
  if (child.pid === undefined) throw new Error('the sample app did not start');
  await writeFile(options.pidFile, `${child.pid}\n`);
  return child.pid;
}
