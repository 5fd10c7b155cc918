import { type ProxyOptions } from './options.js';
import { DriftError, ReleaseError } from '../../../shared/errors.js';
import { routerDigest, type RouterState } from '../../../core/router-state.js';
import { httpRequest } from '../../../shared/io/http.js';
import { confirmServing } from '../common/confirm.js';
import type { Router, RouterContext } from '../router.js';
import { drainSettings } from '../options.js';
import { waitDrained } from '../common/drain.js';


async function call(url: string, method: 'GET' | 'PUT', json?: unknown): Promise<{ status: number; json: unknown }> {
  try {
    const response = await httpRequest(url, { method, json, timeoutMs: 5000 });
    return { status: response.status, json: response.body ? JSON.parse(response.body) : null };
  } catch (error) {
    throw new ReleaseError(`proxy admin API at ${url}: ${(error as Error).message}`);
  }
}

export function createProxyRouter(options: ProxyOptions, context: RouterContext): Router {
  const { signal } = context;
  const confirm = (state: RouterState) =>
    confirmServing(state, { url: options.probe, responses: options.confirm.responses, timeoutMs: options.confirm.timeout, intervalMs: options.confirm.interval, signal });
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
    },
    drain: color =>
      waitDrained(
        color,
        {
          describe: `requests the proxy at ${options.admin} is serving from ${color}`,
          inFlight: async () => ((await call(new URL('in-flight', options.admin).href, 'GET')).json as Record<string, number>)[color] ?? 0
        },
        drainSettings(options.drain, signal)
      ),
    close: async () => {}
  };
}
