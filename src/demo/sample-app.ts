import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';

export interface SampleAppOptions {
  port: number;
  version: string;
  color: string;
}

/** Longest `/slow` wait, so a stray request can never hold a test's server open for long. */
const MAX_SLOW_MS = 60_000;

/**
 * The small service the demo and the tests release: `/` answers with its
 * version and color, `/healthz` and `/version` serve the probes. `/slow?ms=N`
 * answers after N ms and `/stream` sends a line a second until the client
 * goes, as a long request and a long-lived connection (a websocket, say) do
 * while a router drains. It stops gracefully on SIGTERM, finishing requests
 * in flight.
 */
export function serveSampleApp(options: SampleAppOptions): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://sample.invalid');
    if (url.pathname === '/slow') {
      const ms = Math.min(MAX_SLOW_MS, Math.max(0, Number(url.searchParams.get('ms')) || 0));
      const timer = setTimeout(() => response.writeHead(200, { 'content-type': 'text/plain' }).end(`${options.color} ${options.version} after ${ms}ms\n`), ms);
      response.once('close', () => clearTimeout(timer));
    } else if (url.pathname === '/stream') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const tick = () => response.write(`${options.color} ${options.version}\n`);
      tick();
      const timer = setInterval(tick, 1000);
      response.once('close', () => clearInterval(timer));
    } else if (request.url === '/healthz') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    } else if (request.url === '/version') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end(`${options.version}\n`);
    } else {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ version: options.version, color: options.color }) + '\n');
    }
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
