import http from 'node:http';
import https from 'node:https';
import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { Color } from '../../core/color.js';
import { BadInputError } from '../../shared/errors.js';
import type { ColorMeasurement, Role } from '../../core/measurement.js';
import { durationSchema, formatDuration } from '../../shared/duration.js';
import type { ColorSettings } from './settings.js';
import { type Secrets, secretableSchema } from '../../shared/secrets.js';
import { httpStatusSchema } from '../../shared/io/http.js';
import { sleepUnlessAborted } from '../../shared/io/wait.js';
import type { AnalysisSource, MeasureWindow, SourceContext } from './source.js';

/** Probes are a sample, not a load test: at most this many per second per color. */
export const MAX_RATE = 100;
const MAX_TIMEOUT_MS = 30_000;
/**
 * Requests one color may have waiting at once. A request due while this many
 * are still waiting is not sent and counts as an error: the color is answering
 * slower than the probes arrive, and hiding that would hide what a canary looks for.
 */
export const MAX_IN_FLIGHT = 50;

/**
 * `kind: http`: requests sent straight to each color (not through the router),
 * both at the same steady rate for the whole window, so the two colors are
 * measured alike whatever share of user traffic each gets.
 */
export const httpSourceSchema = z.strictObject({
  kind: z.literal('http'),
  path: z.string().startsWith('/', 'expected a path from the root of each color, like / or /api/orders?limit=1').default('/'),
  rate: z
    .number({ error: `expected requests per second per color, a number from 0.1 to ${MAX_RATE}, like 10` })
    .min(0.1, 'expected at least 0.1 requests per second per color (one every 10s)')
    .max(MAX_RATE, `expected at most ${MAX_RATE} requests per second per color: probes sample a color, they do not load it`)
    .default(10),
  timeout: durationSchema
    .refine(ms => ms > 0 && ms <= MAX_TIMEOUT_MS, `expected a time per request from 1ms to ${formatDuration(MAX_TIMEOUT_MS)}, like 2s`)
    .default(2000),
  method: z.enum(['GET', 'HEAD'], { error: 'expected GET (the default) or HEAD' }).default('GET'),
  headers: z.record(z.string(), secretableSchema).default({}),
  /** Statuses that count as success; by default any status below 500. */
  'expect-status': z
    .union([httpStatusSchema, z.array(httpStatusSchema).min(1, 'expected at least one status')], { error: 'expected a status or a list of them, like [200, 204]' })
    .transform(v => (Array.isArray(v) ? v : [v]))
    .optional()
});

export type HttpSourceOptions = z.output<typeof httpSourceSchema>;

/** A color reached directly: its `url` when the config gives one, else its upstream over plain HTTP. */
export function colorUrl(colors: ColorSettings, color: Color): string {
  return colors[color].url ?? `http://${colors[color].upstream}`;
}

/** `path` below the color's URL, keeping any path the URL already has (a color served under /shop, say). */
function probeUrl(base: string, path: string): URL {
  const url = new URL(base);
  return new URL(`${url.origin}${url.pathname.replace(/\/+$/, '')}${path}`);
}

/** One probe's fate; `cut` is a request stopped because the window was aborted, which says nothing about the color. */
type ProbeResult = { kind: 'answer'; status: number; ms: number } | { kind: 'timeout' } | { kind: 'failed'; reason: string } | { kind: 'cut' };

interface ProbeRequest {
  url: URL;
  method: 'GET' | 'HEAD';
  headers: Record<string, string>;
  timeoutMs: number;
}

/**
 * One request on a fresh connection, timed with a monotonic clock until the
 * whole answer has arrived. Unlike io/http's helpers, the deadline covers the
 * whole exchange (an answer trickling in is still late), the body is
 * discarded, and an abort stops it.
 */
function probeOnce(request: ProbeRequest, signal: AbortSignal): Promise<ProbeResult> {
  const client = request.url.protocol === 'https:' ? https : http;
  const started = performance.now();
  return new Promise(resolve => {
    const settle = (result: ProbeResult) => {
      clearTimeout(deadline);
      signal.removeEventListener('abort', onAbort);
      resolve(result);
      outgoing.destroy();
    };
    const onAbort = () => settle({ kind: 'cut' });
    const outgoing = client.request(
      request.url,
      { method: request.method, agent: false, headers: { connection: 'close', 'user-agent': 'cutover', ...request.headers } },
      response => {
        response.resume();
        response.on('end', () => settle({ kind: 'answer', status: response.statusCode ?? 0, ms: performance.now() - started }));
        response.on('error', error => settle({ kind: 'failed', reason: error.message }));
      }
    );
    // A settled promise ignores later calls, so the errors that destroy() itself raises change nothing.
    outgoing.on('error', error => settle({ kind: 'failed', reason: (error as NodeJS.ErrnoException).code ?? error.message }));
    const deadline = setTimeout(() => settle({ kind: 'timeout' }), request.timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    outgoing.end();
  });
}

/** One color's probes in one window. */
class ColorProbes {
  private requests = 0;
  private errors = 0;
  private readonly latenciesMs: number[] = [];
  /** Why requests failed, with how many did: shown in the log. */
  readonly failures = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    readonly color: Color,
    private readonly request: ProbeRequest,
    private readonly succeeded: (status: number) => boolean
  ) {}

  send(signal: AbortSignal): void {
    if (this.inFlight.size >= MAX_IN_FLIGHT) {
      this.fail(`not sent: ${MAX_IN_FLIGHT} requests were still waiting`);
      return;
    }
    const probe = probeOnce(this.request, signal).then(result => this.record(result));
    this.inFlight.add(probe);
    void probe.finally(() => this.inFlight.delete(probe));
  }

  private record(result: ProbeResult): void {
    switch (result.kind) {
      case 'cut':
        return;
      case 'answer':
        this.requests += 1;
        this.latenciesMs.push(result.ms);
        if (!this.succeeded(result.status)) this.countFailure(`HTTP ${result.status}`);
        return;
      case 'timeout':
        // The real latency is at least the timeout: keeping it as that puts the request in the slow tail, where it belongs.
        this.latenciesMs.push(this.request.timeoutMs);
        return this.fail(`no answer within ${formatDuration(this.request.timeoutMs)}`);
      case 'failed':
        // A refused or broken connection has no latency to speak of.
        return this.fail(result.reason);
    }
  }

  private fail(reason: string): void {
    this.requests += 1;
    this.countFailure(reason);
  }

  private countFailure(reason: string): void {
    this.errors += 1;
    this.failures.set(reason, (this.failures.get(reason) ?? 0) + 1);
  }

  /** Resolves once every request sent has answered, timed out or been cut. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  measurement(): ColorMeasurement {
    if (this.requests === 0) return { kind: 'no-data', reason: `no probe to ${this.color} was sent before the window ended` };
    return { kind: 'measured', requests: this.requests, errors: this.errors, latenciesMs: this.latenciesMs };
  }

  summary(): string {
    const reasons = [...this.failures].map(([reason, n]) => `${reason} ×${n}`).join(', ');
    return `${this.color} ${this.errors}/${this.requests} failed${reasons ? ` (${reasons})` : ''}`;
  }
}

/**
 * Sends the n-th request to each color at start + n/rate, by the clock rather
 * than a sleep after each send, so the rate holds however long answers take.
 * Requests still waiting when the window ends are waited for, at most
 * `timeout` past the end, and count in this window (a timeout as an error);
 * so `measure` resolves up to `timeout` after the window's end. On abort,
 * nothing more is sent and requests in flight are cut and not counted.
 */
export function createHttpSource(options: HttpSourceOptions, context: SourceContext): AnalysisSource {
  const field = `analysis.sources.${context.name}`;
  const headers = resolveHeaders(options.headers, field, context.secrets);
  const expected = options['expect-status'];
  const succeeded = (status: number) => (expected ? expected.includes(status) : status < 500);
  const requestTo = (color: Color): ProbeRequest => ({
    url: probeUrl(colorUrl(context.colors, color), options.path),
    method: options.method,
    headers,
    timeoutMs: options.timeout
  });
  const requests = { blue: requestTo('blue'), green: requestTo('green') };
  const intervalMs = 1000 / options.rate;

  return {
    name: context.name,
    kind: 'http',
    async measure(window: MeasureWindow): Promise<Record<Role, ColorMeasurement>> {
      const start = performance.now();
      const end = start + window.durationMs;
      // One signal for every request of the window: the caller's would collect a listener per request in flight.
      const cut = new AbortController();
      setMaxListeners(2 * MAX_IN_FLIGHT + 1, cut.signal);
      const stop = () => cut.abort();
      window.signal.addEventListener('abort', stop, { once: true });
      if (window.signal.aborted) stop();
      const probes = (role: Role) => new ColorProbes(window.roles[role], requests[window.roles[role]], succeeded);
      const colors = { new: probes('new'), old: probes('old') };
      try {
        for (let n = 0; start + n * intervalMs < end; n++) {
          await sleepUnlessAborted(start + n * intervalMs - performance.now(), cut.signal);
          if (cut.signal.aborted) break;
          colors.new.send(cut.signal);
          colors.old.send(cut.signal);
        }
        await Promise.all([colors.new.settled(), colors.old.settled(), sleepUnlessAborted(end - performance.now(), cut.signal)]);
      } finally {
        window.signal.removeEventListener('abort', stop);
      }
      context.logger.debug(`${field}: ${colors.new.summary()}; ${colors.old.summary()}`);
      return { new: colors.new.measurement(), old: colors.old.measurement() };
    },
    close: async () => {}
  };
}

/** The headers as sent, with `env:` references resolved; a header Node would refuse is a settings fault, found before any window. */
function resolveHeaders(headers: Record<string, string>, field: string, secrets: Secrets): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      const resolved = secrets.resolve(`${field}.headers.${name}`, value);
      try {
        http.validateHeaderName(name);
        http.validateHeaderValue(name, resolved);
      } catch (error) {
        throw new BadInputError(`${field}.headers.${name}: ${(error as Error).message}. Header names are letters, digits and -; values are one line of text.`);
      }
      return [name, resolved];
    })
  );
}
