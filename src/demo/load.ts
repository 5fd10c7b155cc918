import http from 'node:http';
import { headerValue, httpGet } from '../shared/io/http.js';
import { COLOR_HEADER } from '../adapters/routers/common/confirm.js';

export interface LoadReport {
  requests: number;
  ok: number;
  /** Answers outside 2xx. */
  non2xx: number;
  /** Resets, refusals and timeouts: requests that got no answer at all. */
  connectionErrors: number;
  byColor: Record<string, number>;
  firstErrors: string[];
  /** Time of each answered request, in milliseconds. */
  latenciesMs: number[];
  /** With `trace`: when each answer arrived (ms since the epoch), which color sent it and its status, in order. */
  answers: { at: number; color: string; status: number }[];
}

export interface LoadOptions {
  url: string;
  concurrency: number;
  /** Hard limits, so the load always stops by itself. */
  maxRequests: number;
  maxMs: number;
  timeoutMs?: number;
  /** Reuse connections, as browsers and most clients do. */
  keepAlive?: boolean;
  /** Record every answer's time and color, to tell when a switch reached clients. */
  trace?: boolean;
}

/**
 * Steady load: `concurrency` clients, each sending one request after another,
 * on a new connection each time unless `keepAlive`. Every failure is counted;
 * nothing is retried.
 */
export function startLoad(options: LoadOptions): { stop: () => Promise<LoadReport> } {
  const report: LoadReport = { requests: 0, ok: 0, non2xx: 0, connectionErrors: 0, byColor: {}, firstErrors: [], latenciesMs: [], answers: [] };
  const agent = options.keepAlive ? new http.Agent({ keepAlive: true, maxSockets: options.concurrency }) : undefined;
  const deadline = Date.now() + options.maxMs;
  let stopping = false;
  const note = (error: string) => {
    if (report.firstErrors.length < 10) report.firstErrors.push(error);
  };
  const client = async () => {
    while (!stopping && Date.now() < deadline && report.requests < options.maxRequests) {
      report.requests++;
      const started = performance.now();
      try {
        const response = await httpGet(options.url, { timeoutMs: options.timeoutMs ?? 5000, agent });
        report.latenciesMs.push(performance.now() - started);
        const color = headerValue(response.headers, COLOR_HEADER) ?? 'untagged';
        report.byColor[color] = (report.byColor[color] ?? 0) + 1;
        if (options.trace) report.answers.push({ at: performance.timeOrigin + performance.now(), color, status: response.status });
        if (response.status >= 200 && response.status < 300) report.ok++;
        else {
          report.non2xx++;
          note(`HTTP ${response.status}`);
        }
      } catch (error) {
        report.connectionErrors++;
        note((error as Error).message);
      }
    }
  };
  const clients = Array.from({ length: options.concurrency }, client);
  return {
    stop: async () => {
      stopping = true;
      await Promise.all(clients);
      agent?.destroy();
      return report;
    }
  };
}
