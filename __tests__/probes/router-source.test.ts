import { performance } from 'node:perf_hooks';
import type { Color } from '../../src/core/color.js';
import { BadInputError } from '../../src/shared/errors.js';
import { Secrets } from '../../src/shared/secrets.js';
import { terminalLogger } from '../../src/shared/logging/logger.js';
import { poll } from '../../src/shared/io/wait.js';
import { createRouterSource, routerSourceSchema } from '../../src/adapters/probes/router-source.js';
import type { AnalysisSource, MeasureWindow } from '../../src/adapters/probes/source.js';
import type { Router, RouterCounters } from '../../src/adapters/routers/router.js';

type Totals = Record<Color, RouterCounters>;

const totals = (blue: [number, number, number | null], green: [number, number, number | null]): Totals => ({
  blue: { requests: blue[0], errors: blue[1], meanLatencyMs: blue[2] },
  green: { requests: green[0], errors: green[1], meanLatencyMs: green[2] }
});

const unused = () => Promise.reject(new Error('the router source only reads counters'));
/** A router of `kind` that keeps no counters. */
const routerOf = (kind: string): Router => ({ kind, read: unused, apply: unused, initialize: unused, drain: unused, close: async () => {} });

/**
 * A router whose counters answer from a script, one entry per read: the totals,
 * or an error to throw. This tests the source's arithmetic; HAProxy's real
 * counters are tested with HAProxy.
 */
function scriptedRouter(script: (Totals | Error)[]): Router & { reads: number[] } {
  const reads: number[] = [];
  return {
    ...routerOf('haproxy'),
    reads,
    async counters() {
      reads.push(performance.now());
      const next = script.shift();
      if (next === undefined) throw new Error('read more often than the test expected');
      if (next instanceof Error) throw next;
      return next;
    }
  };
}

function source(router: Router): AnalysisSource {
  const secrets = new Secrets({}, () => {});
  const logger = terminalLogger({ write: () => {}, redact: text => text });
  const colors = {
    blue: { upstream: '127.0.0.1:8081', health: 'http://127.0.0.1:8081/healthz' },
    green: { upstream: '127.0.0.1:8082', health: 'http://127.0.0.1:8082/healthz' }
  };
  return createRouterSource(routerSourceSchema.parse({ kind: 'router' }), { name: 'traffic', colors, router, baseDir: process.cwd(), logger, secrets, env: {} });
}

const windowOf = (durationMs: number, signal = new AbortController().signal): MeasureWindow => ({
  roles: { new: 'green', old: 'blue' },
  weights: { blue: 80, green: 20 },
  durationMs,
  signal
});

describe('the router source', () => {
  it("gives each color what it served between the window's start and end, with the router's mean latency at the end", async () => {
    const router = scriptedRouter([totals([100, 2, 12], [10, 0, null]), totals([200, 5, 15], [30, 3, 40])]);

    const started = performance.now();
    const result = await source(router).measure(windowOf(300));
    const ms = performance.now() - started;

    expect(result).toEqual({
      new: { kind: 'measured', requests: 20, errors: 3, latenciesMs: [], values: { 'mean-latency': 40 } },
      old: { kind: 'measured', requests: 100, errors: 3, latenciesMs: [], values: { 'mean-latency': 15 } }
    });
    expect(router.reads).toHaveLength(2);
    expect((router.reads[1] as number) - (router.reads[0] as number)).toBeGreaterThanOrEqual(295);
    expect(ms).toBeLessThan(400);
  });

  it('leaves the mean latency out while the router has none', async () => {
    const result = await source(scriptedRouter([totals([0, 0, null], [0, 0, null]), totals([7, 1, null], [0, 0, null])])).measure(windowOf(50));
    expect(result).toEqual({
      new: { kind: 'measured', requests: 0, errors: 0, latenciesMs: [] },
      old: { kind: 'measured', requests: 7, errors: 1, latenciesMs: [] }
    });
  });

  it('gives no data for a color whose counters went down, as they do when the router reloads', async () => {
    const result = await source(scriptedRouter([totals([100, 2, 12], [10, 5, 9]), totals([4, 0, 11], [30, 1, 9])])).measure(windowOf(50));
    expect(result.old).toEqual({
      kind: 'no-data',
      reason: "the router's requests counter for blue went down (100 -> 4): it was reset, by a reload say, so this window's traffic is unknown"
    });
    expect(result.new).toEqual({
      kind: 'no-data',
      reason: "the router's errors counter for green went down (5 -> 1): it was reset, by a reload say, so this window's traffic is unknown"
    });
  });

  it('gives no data, with the error, when a read fails, and still lasts the whole window', async () => {
    const atEnd = await source(scriptedRouter([totals([1, 0, 1], [1, 0, 1]), new Error('connect ECONNREFUSED /run/haproxy.sock')])).measure(windowOf(50));
    expect(atEnd.new).toEqual({ kind: 'no-data', reason: "at the window's end, the router's counters could not be read: connect ECONNREFUSED /run/haproxy.sock" });
    expect(atEnd.old).toEqual(atEnd.new);

    const started = performance.now();
    const atStart = await source(scriptedRouter([new Error('timed out'), totals([1, 0, 1], [1, 0, 1])])).measure(windowOf(200));
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    expect(atStart.new).toEqual({ kind: 'no-data', reason: "at the window's start, the router's counters could not be read: timed out" });
  });

  it('on abort, reads the end at once and gives what the shorter window saw', async () => {
    const router = scriptedRouter([totals([10, 0, 5], [10, 0, 5]), totals([15, 1, 5], [12, 0, 6])]);
    const abort = new AbortController();
    const measuring = source(router).measure(windowOf(10_000, abort.signal));
    await poll(async () => router.reads.length, { what: "the window's first read", done: reads => reads >= 1, timeoutMs: 5000, intervalMs: 5 });
    const abortedAt = performance.now();
    abort.abort();
    const result = await measuring;

    expect(performance.now() - abortedAt).toBeLessThan(100);
    expect(result.new).toEqual({ kind: 'measured', requests: 2, errors: 0, latenciesMs: [], values: { 'mean-latency': 6 } });
    expect(result.old).toEqual({ kind: 'measured', requests: 5, errors: 1, latenciesMs: [], values: { 'mean-latency': 5 } });
  });

  it('refuses a router that keeps no counters, naming the setting and the router kinds that have them', () => {
    const nginx = routerOf('nginx');
    expect(() => source(nginx)).toThrow(BadInputError);
    expect(() => source(nginx)).toThrow(
      'analysis.sources.traffic.kind: router needs a router that counts requests per color, and router.kind nginx keeps no such counts. Use router.kind haproxy'
    );
  });

  it('takes no settings', () => {
    const parsed = routerSourceSchema.safeParse({ kind: 'router', path: '/' });
    expect(parsed.success).toBe(false);
  });
});
