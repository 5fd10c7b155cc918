import net from 'node:net';
import { z } from 'zod';
import type { Color } from '../../../core/color.js';
import { ReleaseError } from '../../../shared/errors.js';
import { budget } from '../../../shared/io/wait.js';
import type { Host } from '../../transport/host.js';
import { ADMIN_PATH } from './lua.js';
import { requestOverStream, type StreamRequest } from '../common/stream-http.js';

const ADDRESS = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/;

function isLoopback(ip: string): boolean {
  return net.isIPv4(ip) ? ip.startsWith('127.') : ip === '::1';
}

/** host:port of the admin listener; loopback only, since whoever reaches it moves traffic. */
export const adminAddressSchema = z.string().refine(
  text => {
    const match = ADDRESS.exec(text);
    const port = Number(match?.[3]);
    return match !== null && isLoopback((match[1] ?? match[2]) as string) && port >= 1 && port <= 65535;
  },
  {
    error: issue =>
      `expected a loopback address and a port for cutover's admin listener, like 127.0.0.1:9901 or [::1]:9901, got ${JSON.stringify(issue.input)}: ` +
      'whoever reaches it can move traffic, so it never listens on the network'
  }
);

/** What the admin listener reports. */
export interface AdminView {
  /** The state line in the shared dict; null while it is empty (after a restart), when the file's state serves. */
  state: string | null;
  /** The state line of the file nginx loaded. */
  file: string;
  inFlight: Record<Color, number>;
}

/** The state nginx serves: the dict's, or the loaded file's while the dict is empty. */
export function servedLine(view: AdminView): string {
  return view.state ?? view.file;
}

interface RawView {
  state: string | null;
  file: string;
  in_flight: Record<Color, number>;
}

/**
 * A client of the admin listener in a Lua-mode file, reached through the
 * router's host (a forwarded stream over SSH), never through a URL.
 */
export function nginxAdmin(host: Host, address: string, timeoutMs = 5000) {
  const match = ADDRESS.exec(address);
  if (!match) throw new ReleaseError(`not an admin address: ${address}`);
  const target = { host: (match[1] ?? match[2]) as string, port: Number(match[3]) };
  const describe = `nginx admin listener ${address} on ${host.name}`;

  /** One request, connecting included, within `timeoutMs`. */
  async function call(request: StreamRequest): Promise<{ status: number; view: AdminView | null }> {
    const limit = budget(timeoutMs);
    const stream = await host.connect(target, timeoutMs).catch((error: Error) => {
      throw new ReleaseError(`${describe}: ${error.message}. Is nginx running with cutover's file loaded (router.mode lua)?`);
    });
    const response = await requestOverStream(stream, request, limit, describe);
    if (response.status !== 200 && response.status !== 409) return { status: response.status, view: null };
    try {
      const raw = JSON.parse(response.body) as RawView;
      return { status: response.status, view: { state: raw.state, file: raw.file, inFlight: { blue: Math.max(0, raw.in_flight.blue), green: Math.max(0, raw.in_flight.green) } } };
    } catch {
      throw new ReleaseError(`${describe}: HTTP ${response.status} with an answer that is not cutover's: ${JSON.stringify(response.body.slice(0, 200))}`);
    }
  }

  return {
    describe,
    async read(): Promise<AdminView> {
      const { status, view } = await call({ method: 'GET', path: ADMIN_PATH });
      if (!view) throw new ReleaseError(`${describe}: HTTP ${status} to GET ${ADMIN_PATH}`);
      return view;
    },
    /** Sets `state` if nginx still serves `expected`; otherwise changes nothing and returns what nginx serves. */
    async compareAndSet(expected: string, state: string): Promise<{ changed: boolean; view: AdminView }> {
      const { status, view } = await call({ method: 'POST', path: ADMIN_PATH, form: { expected, state } });
      if (!view) throw new ReleaseError(`${describe} refused the change: HTTP ${status}`);
      return { changed: status === 200, view };
    }
  };
}

export type NginxAdmin = ReturnType<typeof nginxAdmin>;
