import http from 'node:http';
import { z } from 'zod';
import { DriftError, ReleaseError } from '../core/errors.js';
import { routerDigest, type RouterState } from '../core/router-state.js';
import { durationSchema } from '../config/duration.js';
import { confirmServing } from './confirm.js';
import type { Router, RouterContext } from './router.js';

/** Drives cutover's own in-process proxy (see `cutover demo`); for demos and tests, never production. */
export const proxyOptionsSchema = z.strictObject({
  kind: z.literal('proxy'),
  admin: z.url({ protocol: /^http$/, error: 'expected the http:// URL of the proxy admin API' }),
  probe: z.url({ protocol: /^http$/, error: 'expected an http:// URL served through the proxy' }),
  confirm: z
    .strictObject({ responses: z.number().int().min(1).default(3), timeout: durationSchema.default(10_000) })
    .default({ responses: 3, timeout: 10_000 })
});

export type ProxyOptions = z.output<typeof proxyOptionsSchema>;

function call(url: string, method: 'GET' | 'PUT', body?: unknown): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers: { 'content-type': 'application/json' }, timeout: 5000 }, response => {
      let text = '';
      response.on('data', chunk => (text += String(chunk)));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
    });
    request.on('timeout', () => request.destroy(new Error(`no answer from ${url}`)));
    request.on('error', error => reject(new ReleaseError(`proxy admin API at ${url}: ${error.message}`)));
    request.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

export function createProxyRouter(options: ProxyOptions, _context: RouterContext): Router {
  const confirm = (state: RouterState) => confirmServing(state, { url: options.probe, responses: options.confirm.responses, timeoutMs: options.confirm.timeout, intervalMs: 20 });
  const put = async (expected: RouterState | null, target: RouterState) => {
    const answer = await call(options.admin, 'PUT', { expected: expected && routerDigest(expected), target });
    if (answer.status === 409) throw new DriftError(`${(answer.json as { error: string }).error}; nothing was changed.`);
    if (answer.status !== 200) throw new ReleaseError(`proxy admin API refused the change: HTTP ${answer.status}`);
  };
  return {
    kind: 'proxy',
    async read() {
      const answer = await call(options.admin, 'GET');
      if (answer.status === 404) throw new ReleaseError('the proxy has no state yet; run cutover init first.');
      return answer.json as RouterState;
    },
    async apply(expected, target) {
      await put(expected, target);
      try {
        await confirm(target);
      } catch (error) {
        await put(target, expected);
        throw error;
      }
    },
    async initialize(state) {
      const initial = { ...state, kind: 'proxy' };
      await put(null, initial);
      await confirm(initial);
    }
  };
}
