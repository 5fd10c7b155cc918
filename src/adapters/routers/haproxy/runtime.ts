import path from 'node:path';
import type { Duplex } from 'node:stream';
import { COLORS, type Color } from '../../../core/color.js';
import { ReleaseError } from '../../../shared/errors.js';
import { parseHostPort, validPort } from '../../../core/host-port.js';
import type { Weights } from '../../../core/weights.js';
import { exchange, ExchangeError } from '../../../shared/io/exchange.js';
import { budget } from '../../../shared/io/wait.js';
import { describeTarget, type Host, type SocketTarget } from '../../transport/host.js';
import type { RouterCounters } from '../router.js';

/** `router.socket` as written: `host:port` for a TCP stats socket, whose port must exist; anything else is a UNIX socket path. */
export function validSocket(text: string): boolean {
  const address = parseHostPort(text);
  return address === null || validPort(address.port);
}

export function socketTarget(text: string, baseDir: string): SocketTarget {
  return parseHostPort(text) ?? { path: path.resolve(baseDir, text) };
}

/** One server as HAProxy runs it now. */
export interface RuntimeServer {
  backend: string;
  name: string;
  /** host:port, written as in the config: the name it was given, else the address, IPv6 in brackets. */
  endpoint: string;
  /** The weight from the config or the last `set weight` (srv_uweight). */
  weight: number;
  admin: 'ready' | 'drain' | 'maint';
}

// srv_admin_state flags (HAProxy's enum srv_admin): forced, inherited, config and DNS maintenance; forced and inherited drain.
const MAINT_FLAGS = 0x01 | 0x02 | 0x04 | 0x20;
const DRAIN_FLAGS = 0x08 | 0x10;

interface Table {
  /** Lines before the rows (format version, column names), kept as they are. */
  head: string[];
  rows: { line: string; fields: Record<string, string> }[];
}

/**
 * `show servers state`: a format version line, `# ` and the column names,
 * then one space-separated line per server. Read by column name, since
 * HAProxy versions add columns.
 */
function serversStateTable(text: string, where: string): Table {
  const lines = text.split('\n').filter(line => line.trim() !== '');
  const headerAt = lines.findIndex(line => line.startsWith('# '));
  const columns = headerAt < 0 ? [] : (lines[headerAt] as string).slice(2).trim().split(/\s+/);
  const missing = ['be_name', 'srv_name', 'srv_addr', 'srv_port', 'srv_uweight', 'srv_admin_state'].filter(name => !columns.includes(name));
  if (missing.length) {
    throw new ReleaseError(`${where}: "show servers state" answered without the column(s) ${missing.join(', ')}:\n${text.trim().slice(0, 500)}`);
  }
  return {
    head: lines.slice(0, headerAt + 1),
    rows: lines.slice(headerAt + 1).map(line => {
      const values = line.trim().split(/\s+/);
      return { line, fields: Object.fromEntries(columns.map((name, i) => [name, values[i] ?? ''])) };
    })
  };
}

function endpointOf(fields: Record<string, string>): string {
  const fqdn = fields.srv_fqdn;
  const addr = fields.srv_addr as string;
  const hostPart = fqdn && fqdn !== '-' ? fqdn : addr.includes(':') ? `[${addr}]` : addr;
  return `${hostPart}:${fields.srv_port}`;
}

export function parseServersState(text: string, where = 'HAProxy'): RuntimeServer[] {
  return serversStateTable(text, where).rows.map(({ fields }) => {
    const flags = Number(fields.srv_admin_state);
    return {
      backend: fields.be_name as string,
      name: fields.srv_name as string,
      endpoint: endpointOf(fields),
      weight: Number(fields.srv_uweight),
      admin: flags & MAINT_FLAGS ? 'maint' : flags & DRAIN_FLAGS ? 'drain' : 'ready'
    };
  });
}

/** The same answer without the lines of `backend`, in the format HAProxy reads back as its server-state file. */
export function withoutBackend(text: string, backend: string): string {
  const table = serversStateTable(text, 'HAProxy');
  return [...table.head, ...table.rows.filter(row => row.fields.be_name !== backend).map(row => row.line), ''].join('\n');
}

/** `show stat`: CSV under a `# pxname,svname,...` header. */
export function parseStat(text: string): Record<string, string>[] {
  const lines = text.split('\n').filter(line => line.trim() !== '');
  const header = lines[0];
  if (!header?.startsWith('# ')) return [];
  const columns = header.slice(2).split(',');
  return lines.slice(1).map(line => {
    const values = line.split(',');
    return Object.fromEntries(columns.map((name, i) => [name, values[i] ?? '']));
  });
}

/** The row of `name` (a server, or BACKEND for the backend itself) in `backend`. */
const rowOf = (stats: Record<string, string>[], backend: string, name: string) => stats.find(r => r.pxname === backend && r.svname === name);

/** Streams on a server now: being served (scur) or queued for it (qcur). Null when the server is not in the answer. */
export function inFlightOf(stats: Record<string, string>[], backend: string, server: string): number | null {
  const row = rowOf(stats, backend, server);
  return row ? Number(row.scur || 0) + Number(row.qcur || 0) : null;
}

/**
 * What a server has answered, from `show stat`. HAProxy 2.6 counts per server
 * the requests it answered (req_tot, though its manual lists that for
 * frontends and backends only; else stot, which also counts retried
 * connections) and their 5xx (hrsp_5xx). The answers HAProxy made up because
 * the server failed are apart: a 503 once connecting failed for good (econ,
 * once per request; wretr and wredis count attempts whose request was retried,
 * or sent to the other color, which counts it), and a 502 or 504 for a
 * response that broke or never came (eresp, less srv_abrt: a server that hung
 * up mid-body had sent its status, already counted). Cumulative per worker:
 * a reload or `clear counters` starts them over. Null when the server is not in the answer.
 */
export function countersOf(stats: Record<string, string>[], backend: string, server: string): RouterCounters | null {
  const row = rowOf(stats, backend, server);
  if (!row) return null;
  const count = (column: string) => Number(row[column] || 0);
  const madeUp = count('econ') + Math.max(0, count('eresp') - count('srv_abrt'));
  const answered = row.req_tot ? count('req_tot') : count('stot');
  // rtime: HAProxy's average over the server's last 1024 answers, 0 before the first.
  return { requests: answered + madeUp, errors: count('hrsp_5xx') + madeUp, meanLatencyMs: answered === 0 ? null : count('rtime') };
}

/**
 * Commands that move `backend` from `from` to `to`. The colors gaining
 * traffic come first, so no moment leaves every server at weight zero. A color
 * going to zero is also put in drain, which keeps its health checks and lets
 * its open sessions finish; `state ready` undoes that for a color getting traffic.
 */
export function weightCommands(backend: string, from: Weights, to: Weights): string[] {
  const order = [...COLORS].sort((a, b) => to[b] - from[b] - (to[a] - from[a]));
  return order.flatMap((color: Color) => {
    const server = `${backend}/${color}`;
    return to[color] > 0
      ? [`set server ${server} state ready`, `set server ${server} weight ${to[color]}`]
      : [`set server ${server} weight 0`, `set server ${server} state drain`];
  });
}

function fixFor(answer: string, socket: string): string {
  if (/^Permission denied/m.test(answer)) {
    return `The socket must allow changes: in haproxy's global section, declare it "stats socket ${socket} level admin" (operator and user levels can read but not change weights), and reload HAProxy.`;
  }
  if (/^Unknown command/m.test(answer)) {
    return "router.socket must name a worker's stats socket (stats socket in the global section), not the master CLI (-S), of HAProxy 2.6 or newer.";
  }
  if (/No such (backend|proxy)|Can't find backend/.test(answer)) {
    return 'HAProxy has not loaded the backend file cutover generates: add -f <router.file> to haproxy\'s command line and reload it (cutover init reloads it once).';
  }
  if (/No such server/.test(answer)) return 'HAProxy runs an older version of the backend file than cutover wrote: reload HAProxy.';
  return 'See HAProxy\'s management guide for the command.';
}

/** HAProxy's runtime API (the stats socket), reached from the router's host. */
export interface RuntimeApi {
  /** For messages: "HAProxy runtime API at /run/haproxy/admin.sock on this machine". */
  readonly describe: string;
  /** `show servers state`, all backends or one: the text as HAProxy wrote it, and the servers in it. */
  serversState(backend?: string): Promise<{ text: string; servers: RuntimeServer[] }>;
  /** Sends `commands` on one line, so HAProxy runs them back to back; fails naming any it refused. */
  execute(commands: readonly string[]): Promise<void>;
  inFlight(backend: string, server: string): Promise<number>;
  /** What each color's server of `backend` has answered, from `show stat`. */
  counters(backend: string): Promise<Record<Color, RouterCounters>>;
  /** The affinity cookie `backend` runs with (HAProxy's show stat names it), or null without. */
  cookie(backend: string): Promise<string | null>;
}

/** Far above any answer HAProxy gives (thousands of servers' state fit in a few); a peer that sends more is not HAProxy. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

export function runtimeApi(host: Host, target: SocketTarget, timeoutMs: number): RuntimeApi {
  const socket = describeTarget(target);
  const describe = `HAProxy runtime API at ${socket} on ${host.name}`;

  const refused = (command: string, answer: string) =>
    new ReleaseError(`${describe} refused "${command}": ${answer.trim().split('\n')[0]?.replace(/\.$/, '')}. ${fixFor(answer, socket)}`);

  /**
   * One command per connection: HAProxy answers and closes, which marks the
   * end of the answer. `timeoutMs` bounds the whole exchange, connecting
   * included, and an answer past MAX_ANSWER_BYTES ends it at once.
   */
  async function ask(command: string): Promise<string> {
    const limit = budget(timeoutMs);
    let stream: Duplex;
    try {
      stream = await host.connect(target, timeoutMs);
    } catch (error) {
      throw new ReleaseError(
        `${describe}: ${(error as Error).message}. Check that HAProxy runs and that router.socket names its stats socket (stats socket <path> level admin in the global section).`
      );
    }
    try {
      return (await exchange(stream, `${command}\n`, { limit, maxBytes: MAX_ANSWER_BYTES })).toString('utf8');
    } catch (error) {
      if (!(error instanceof ExchangeError)) throw error;
      if (error.failure === 'too-long') {
        throw new ReleaseError(`${describe}: the answer to "${command}" is longer than ${MAX_ANSWER_BYTES} bytes, more than HAProxy writes; router.socket may not name HAProxy's stats socket.`);
      }
      // HAProxy closes after its answer. The master CLI answers without closing: what it said still explains.
      if (error.failure === 'timeout' && error.partial.trim()) throw refused(command, error.partial);
      throw new ReleaseError(`${describe}: "${command}" failed: ${error.message}. If HAProxy is busy, raise router.timeout.`);
    }
  }

  /** `show stat` for `backend` (type 2) and its servers (4), by column name. */
  async function stat(backend: string): Promise<{ command: string; rows: Record<string, string>[] }> {
    const command = `show stat ${backend} 6 -1`;
    const text = await ask(command);
    if (!text.startsWith('# ')) throw refused(command, text);
    return { command, rows: parseStat(text) };
  }

  return {
    describe,
    async serversState(backend) {
      const command = backend ? `show servers state ${backend}` : 'show servers state';
      const text = await ask(command);
      if (!/^# /m.test(text)) throw refused(command, text);
      return { text, servers: parseServersState(text, describe) };
    },
    async execute(commands) {
      const line = commands.join('; ');
      const answer = await ask(line);
      if (answer.trim() !== '') throw refused(line, answer);
    },
    async inFlight(backend, server) {
      const { command, rows } = await stat(backend);
      const count = inFlightOf(rows, backend, server);
      if (count === null) throw refused(command, 'No such server.');
      return count;
    },
    async counters(backend) {
      const { command, rows } = await stat(backend);
      const [blue, green] = COLORS.map(color => countersOf(rows, backend, color));
      if (!blue || !green) throw refused(command, 'No such server.');
      return { blue, green };
    },
    async cookie(backend) {
      return rowOf((await stat(backend)).rows, backend, 'BACKEND')?.cookie || null;
    }
  };
}
