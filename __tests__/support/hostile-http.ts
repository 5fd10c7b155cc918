import net from 'node:net';
import { once } from 'node:events';

/**
 * What the hostile server does with a request, chosen by its path (or, for a
 * one-line socket command like HAProxy's, by the line). It speaks
 * HTTP by hand over raw sockets, so it can do what a well-behaved server
 * library would not: trickle a status line, never finish a body, hang up mid-answer.
 */
export type Behaviour =
  /** Status line and an endless header, one byte every `everyMs`: the headers never end. */
  | { kind: 'trickle-headers'; everyMs: number }
  /** Headers at once, then `body` one byte every `everyMs`, then spaces the same way, forever. */
  | { kind: 'trickle-body'; everyMs: number; body?: string; contentType?: string }
  /** Headers at once, then a body that never ends, as fast as the client reads. */
  | { kind: 'endless-body' }
  /** A body of `bytes` with its Content-Length, as fast as the client reads. */
  | { kind: 'huge-body'; bytes: number }
  /** A 302 back to the same URL. */
  | { kind: 'redirect-loop' }
  /** One whole answer, exactly as given (injection strings, escapes). */
  | { kind: 'fixed'; status: number; body: string | Buffer; headers?: Record<string, string> }
  /** Reads the request and says nothing, keeping the connection open. */
  | { kind: 'never-answer' }
  /** Announces `length` bytes, sends `sent` of them, then closes. */
  | { kind: 'close-mid-body'; length?: number; sent?: number };

export interface HostileServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  /** Sets what `path` does from the next request on. */
  on(path: string, behaviour: Behaviour): void;
  /** Requests received for `path`. */
  requests(path: string): number;
  /** Bytes of answers to `path` the socket accepted (written out or buffered for the client). */
  sentBytes(path: string): number;
  /** Connections still open that asked for `path`. */
  openConnections(path: string): number;
  stop(): Promise<void>;
}

const HEADER_END = '\r\n\r\n';
const HTTP_REQUEST_LINE = /^[A-Z]+ \S+ HTTP\/1\.[01]\r?$/;
const CHUNK = Buffer.alloc(64 * 1024, 'x');

/** Starts the server on 127.0.0.1 and a free port, with `behaviours` by path; an unknown path gets a 404. */
export async function startHostileServer(behaviours: Record<string, Behaviour> = {}): Promise<HostileServer> {
  const routes = new Map(Object.entries(behaviours));
  const requests = new Map<string, number>();
  const sent = new Map<string, number>();
  const sockets = new Set<net.Socket>();
  const open = new Map<net.Socket, string>();
  let origin = '';

  const server = net.createServer(socket => {
    sockets.add(socket);
    const timers = new Set<NodeJS.Timeout>();
    socket.on('close', () => {
      sockets.delete(socket);
      open.delete(socket);
      timers.forEach(clearInterval);
    });
    socket.on('error', () => undefined);
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const line = head.split('\n')[0] as string;
      // A socket command (HAProxy's runtime API) is one line, routed by its text; HTTP waits for the whole head.
      const command = head.includes('\n') && !HTTP_REQUEST_LINE.test(line);
      if (!command && !head.includes(HEADER_END)) return;
      socket.off('data', onData);
      // Whatever follows (a request body) is read and dropped.
      socket.resume();
      const path = command ? line.trim() : ((line.split(' ')[1] ?? '/').split('?')[0] as string);
      requests.set(path, (requests.get(path) ?? 0) + 1);
      open.set(socket, path);
      const write = (data: string | Buffer) => {
        if (socket.destroyed) return false;
        sent.set(path, (sent.get(path) ?? 0) + Buffer.byteLength(data));
        return socket.write(data);
      };
      const every = (ms: number, next: () => string) => {
        const timer = setInterval(() => write(next()), ms);
        timers.add(timer);
      };
      /** Writes `chunks()` until it returns null or the client goes, waiting for the socket to drain between writes. */
      const stream = async (chunks: () => Buffer | null) => {
        for (let chunk = chunks(); chunk !== null && !socket.destroyed; chunk = chunks()) {
          if (!write(chunk)) await Promise.race([once(socket, 'drain'), once(socket, 'close')]).catch(() => undefined);
        }
        socket.end();
      };
      answer(routes.get(path) ?? { kind: 'fixed', status: 404, body: 'no such path\n' }, path, { write, every, stream, socket });
    };
    socket.on('data', onData);
  });

  function answer(
    behaviour: Behaviour,
    path: string,
    io: { write: (data: string | Buffer) => boolean; every: (ms: number, next: () => string) => void; stream: (chunks: () => Buffer | null) => Promise<void>; socket: net.Socket }
  ): void {
    const { write, every, stream, socket } = io;
    switch (behaviour.kind) {
      case 'trickle-headers': {
        const text = 'HTTP/1.1 200 OK\r\nX-Slow: ';
        let at = 0;
        every(behaviour.everyMs, () => (at < text.length ? (text[at++] as string) : 'a'));
        return;
      }
      case 'trickle-body': {
        write(`HTTP/1.1 200 OK\r\nContent-Type: ${behaviour.contentType ?? 'text/plain'}\r\nConnection: close\r\n\r\n`);
        const body = behaviour.body ?? '2.0.0';
        let at = 0;
        every(behaviour.everyMs, () => (at < body.length ? (body[at++] as string) : ' '));
        return;
      }
      case 'endless-body':
        write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n');
        void stream(() => CHUNK);
        return;
      case 'huge-body': {
        write(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${behaviour.bytes}\r\nConnection: close\r\n\r\n`);
        let left = behaviour.bytes;
        void stream(() => {
          if (left <= 0) return null;
          const chunk = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
          left -= chunk.length;
          return chunk;
        });
        return;
      }
      case 'redirect-loop':
        write(`HTTP/1.1 302 Found\r\nLocation: ${origin}${path}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
        socket.end();
        return;
      case 'fixed': {
        const body = Buffer.isBuffer(behaviour.body) ? behaviour.body : Buffer.from(behaviour.body, 'utf8');
        const headers = { 'Content-Type': 'text/plain', ...behaviour.headers, 'Content-Length': String(body.length), Connection: 'close' };
        write(`HTTP/1.1 ${behaviour.status} Hostile\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`);
        write(body);
        socket.end();
        return;
      }
      case 'never-answer':
        return;
      case 'close-mid-body': {
        const length = behaviour.length ?? 100;
        write(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n`);
        write('x'.repeat(behaviour.sent ?? 10));
        socket.destroy();
        return;
      }
    }
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    on: (path, behaviour) => void routes.set(path, behaviour),
    requests: path => requests.get(path) ?? 0,
    sentBytes: path => sent.get(path) ?? 0,
    openConnections: path => [...open.values()].filter(p => p === path).length,
    async stop() {
      const closed = new Promise<void>(resolve => server.close(() => resolve()));
      sockets.forEach(socket => socket.destroy());
      await closed;
    }
  };
}
