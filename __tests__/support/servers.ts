import { mkdtemp, rm } from 'node:fs/promises';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findNginx } from '../../src/demo/nginx-server.js';
import { serveSampleApp, stopGracefully } from '../../src/demo/sample-app.js';

/**
 * Integration tests need real servers. Without one, the test is skipped with a
 * line saying what to install; with CUTOVER_REQUIRE_INTEGRATION=1 (CI) a
 * missing server fails the run instead.
 */
export function requireServer(name: string, found: boolean, install: string): boolean {
  if (found) return true;
  const message = `${name} is not installed: ${install}`;
  if (process.env.CUTOVER_REQUIRE_INTEGRATION === '1') throw new Error(`CUTOVER_REQUIRE_INTEGRATION=1 but ${message}`);
  process.stderr.write(`skipping ${name} tests: ${message}\n`);
  return false;
}

export const nginxBinary = findNginx();
export const describeWithNginx = requireServer('nginx', nginxBinary !== null, 'apt-get install nginx-light') ? describe : describe.skip;

export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cutover-test-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface Upstreams {
  blue: string;
  green: string;
  bluePort: number;
  greenPort: number;
  servers: http.Server[];
  stop: () => Promise<void>;
}

/** Two sample apps on free loopback ports: blue 1.0.0 and green 2.0.0. */
export async function startUpstreams(): Promise<Upstreams> {
  // Port 0: each app binds a port the system picks, so no other test can take it between choosing and listening.
  const servers = [await serveSampleApp({ port: 0, version: '1.0.0', color: 'blue' }), await serveSampleApp({ port: 0, version: '2.0.0', color: 'green' })];
  const [bluePort, greenPort] = servers.map(server => (server.address() as AddressInfo).port) as [number, number];
  return {
    blue: `127.0.0.1:${bluePort}`,
    green: `127.0.0.1:${greenPort}`,
    bluePort,
    greenPort,
    servers,
    stop: async () => {
      await Promise.all(servers.filter(server => server.listening).map(stopGracefully));
    }
  };
}
