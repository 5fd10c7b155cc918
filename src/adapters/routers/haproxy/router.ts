import path from 'node:path';
import { type HaproxyOptions } from './options.js';
import { formatDuration } from '../../../shared/duration.js';
import { COLORS, type Color } from '../../../core/color.js';
import { BadInputError, DriftError, ReleaseError } from '../../../shared/errors.js';
import { describeRouterState, routerDigest, type RouterState } from '../../../core/router-state.js';
import { formatWeights, type Weights } from '../../../core/weights.js';
import { runChecked } from '../../../shared/io/command.js';
import { poll } from '../../../shared/io/wait.js';
import { confirmAffinity } from '../common/affinity.js';
import { confirmServing } from '../common/confirm.js';
import { waitDrained } from '../common/drain.js';
import { generatedNameFor } from '../common/generated-file.js';
import { describeAffinity, haproxyCookieProblem, parseHaproxyFile, renderHaproxyFile, type HaproxyBackend } from './config.js';
import { runtimeApi, socketTarget, weightCommands, withoutBackend, type RuntimeServer } from './runtime.js';
import { localHost, withLock, type Host } from '../../transport/host.js';
import { drainSettings } from '../options.js';
import type { Router, RouterContext } from '../router.js';


/** The state HAProxy runs, from `show servers state`: the runtime API is the truth between reloads. */
function stateOf(backend: string, servers: RuntimeServer[], where: string, file: string): RouterState {
  const endpoints = {} as Record<Color, string>;
  const weights = {} as Weights;
  const maintenance: Color[] = [];
  for (const color of COLORS) {
    const server = servers.find(s => s.backend === backend && s.name === color);
    if (!server) {
      throw new ReleaseError(`${where}: backend ${backend} has no server ${color}, so HAProxy runs an older config than ${file}. Reload HAProxy.`);
    }
    endpoints[color] = server.endpoint;
    // A drained server takes no new traffic, whatever its weight.
    weights[color] = server.admin === 'drain' ? 0 : server.weight;
    if (server.admin === 'maint') maintenance.push(color);
  }
  return { kind: 'haproxy', endpoints, weights, settings: { backend, ...(maintenance.length ? { maintenance } : {}) } };
}

export function createHaproxyRouter(options: HaproxyOptions, context: RouterContext, host: Host = localHost): Router {
  const file = path.resolve(context.baseDir, options.file);
  const stateFile = path.resolve(context.baseDir, options['state-file']);
  const backend = options.backend ?? generatedNameFor(context.service);
  const test = options.test ?? ['haproxy', '-c', '-q', '-f', '/etc/haproxy/haproxy.cfg', '-f', file];
  const api = runtimeApi(host, socketTarget(options.socket, context.baseDir), options.timeout);
  const { logger, affinity, signal } = context;
  const problem = affinity ? haproxyCookieProblem(affinity.cookie) : null;
  if (problem !== null) throw new BadInputError(problem);
  const cookie = affinity?.cookie ?? null;

  const render = (state: RouterState) => renderHaproxyFile({ backend, endpoints: state.endpoints, weights: state.weights, ...(affinity ? { affinity } : {}) });
  const affinityFix =
    `Requests to ${options.probe} must reach backend ${backend} with the Cookie header the client sent, ` +
    'and their answers must keep the Set-Cookie HAProxy adds (docs/routers/haproxy.md, "Session affinity").';

  /** Waits for answers from `state` and, with affinity, for clients kept on their color. */
  async function confirm(state: RouterState): Promise<void> {
    const check = { url: options.probe, responses: options.confirm.responses, timeoutMs: options.confirm.timeout, intervalMs: options.confirm.interval, signal };
    // HAProxy's weights live at runtime, with no generation to tag answers with: the color tells, and the read-back proves the weights.
    await confirmServing(state, { ...check, generation: null });
    if (cookie) await confirmAffinity(state, cookie, { ...check, fix: affinityFix });
  }

  /** The generated file: cutover's, unchanged since, and for this router's backend. */
  async function readWritten(): Promise<HaproxyBackend> {
    const text = await host.readFile(file);
    if (text === null) {
      throw new ReleaseError(`${file} does not exist. Create it once with: cutover init --live <color>, with HAProxy loading it (-f, see docs/routers/haproxy.md).`);
    }
    const written = parseHaproxyFile(text, file);
    if (written.backend !== backend) {
      throw new ReleaseError(`${file} defines backend ${written.backend}, but router.backend is ${backend}. Set router.backend to ${written.backend}, or point router.file at the file for ${backend}.`);
    }
    return written;
  }

  async function runtimeState(): Promise<RouterState> {
    return stateOf(backend, (await api.serversState(backend)).servers, api.describe, file);
  }

  /** Saves what HAProxy runs where a reload or restart finds it: all backends in the state file, then cutover's backend file. */
  async function persist(state: RouterState): Promise<void> {
    await host.writeFileAtomic(stateFile, (await api.serversState()).text);
    await host.writeFileAtomic(file, render(state));
  }

  /** Sets `target` over the runtime API, proves HAProxy holds it, then saves it. */
  async function put(from: Weights, target: RouterState): Promise<void> {
    await api.execute(weightCommands(backend, from, target.weights));
    const now = await runtimeState();
    if (routerDigest(now) !== routerDigest(target)) {
      throw new ReleaseError(
        `${api.describe} accepted the new weights but reads back ${describeRouterState(now)}, not ${describeRouterState(target)}. Is someone else changing it over the runtime API?`
      );
    }
    await persist(target);
  }

  /** Sets `previous` again unless HAProxy still holds it; false when it did, so nothing (not even a file) had changed. */
  async function putBack(previous: RouterState, cause: Error): Promise<boolean> {
    const now = await runtimeState();
    if (routerDigest(now) === routerDigest(previous)) return false;
    logger.warn(`${cause.message}\nPutting the previous state back.`);
    await put(now.weights, previous);
    return true;
  }

  /** Puts `previous` back after `cause`, and always throws, saying where things stand. */
  async function restore(previous: RouterState, cause: Error): Promise<never> {
    let restored: boolean;
    try {
      restored = await putBack(previous, cause);
    } catch (error) {
      throw new ReleaseError(
        `${cause.message}\ncutover could not put the previous state back either: ${(error as Error).message}\n` +
          `Check "show servers state ${backend}" on the ${api.describe}, and set ${describeRouterState(previous)} by hand.`
      );
    }
    if (!restored) throw new ReleaseError(`${cause.message}\nNothing was changed: HAProxy still holds the previous state.`);
    try {
      await confirm(previous);
    } catch (confirmError) {
      throw new ReleaseError(
        `${cause.message}\nThe previous state is back in HAProxy and in ${file} and ${stateFile}, but cutover could not confirm that HAProxy serves it either: ${(confirmError as Error).message}`
      );
    }
    throw new ReleaseError(`${cause.message}\nThe previous state is back in HAProxy (runtime API), in ${file} and in ${stateFile}, and served.`);
  }

  /**
   * Brings the file and HAProxy to the affinity cutover.yml asks for, once after
   * traffic.affinity changed: HAProxy takes cookie lines only when it loads
   * the file, so this rewrites it with the weights HAProxy runs, and reloads.
   */
  async function loadAffinity(written: HaproxyBackend, current: RouterState): Promise<void> {
    const running = await api.cookie(backend);
    if ((written.affinity?.cookie ?? null) === cookie && running === cookie) return;
    logger.info(
      `${file} has ${describeAffinity(written.affinity?.cookie)} and HAProxy runs ${describeAffinity(running)}, but traffic.affinity asks for ${describeAffinity(cookie)}: ` +
        'rewriting the file and reloading HAProxy, which takes cookie settings only from a reload'
    );
    const previous = (await host.readFile(file)) as string;
    await persist(current);
    await checkAndReload(() => host.writeFileAtomic(file, previous), `the previous ${file} was put back`);
    await waitForBackend();
  }

  async function applyUnlocked(expected: RouterState, target: RouterState): Promise<void> {
    const written = await readWritten();
    const current = await runtimeState();
    if (routerDigest(current) !== routerDigest(expected)) {
      throw new DriftError(
        `backend ${backend} on the ${api.describe} no longer holds the expected state ${routerDigest(expected)} (${describeRouterState(expected)}); ` +
          `it holds ${routerDigest(current)} (${describeRouterState(current)}). Nothing was changed.`
      );
    }
    const maintenance = current.settings.maintenance as Color[] | undefined;
    if (maintenance) {
      throw new ReleaseError(
        `${maintenance.join(' and ')} in backend ${backend} is in maintenance (MAINT), set over the runtime API; cutover will not end someone's maintenance. ` +
          `When it is over, send "set server ${backend}/<color> state ready" on the socket and take a new snapshot. Nothing was changed.`
      );
    }
    if (routerDigest({ ...target, weights: current.weights }) !== routerDigest(current)) {
      throw new ReleaseError(`the haproxy router changes weights only, and the target also changes addresses or settings: ${describeRouterState(target)}. Nothing was changed.`);
    }
    if (COLORS.every(color => target.weights[color] === 0)) {
      throw new ReleaseError(`the target gives no color any weight (${formatWeights(target.weights)}), which would stop all traffic. Nothing was changed.`);
    }
    await loadAffinity(written, current);
    logger.info(`setting ${formatWeights(target.weights)} on backend ${backend} over the ${api.describe}`);
    try {
      await put(current.weights, target);
      await confirm(target);
    } catch (error) {
      await restore(expected, error as Error);
    }
  }

  /** After a reload: polls until a worker answers with the backend as written, affinity cookie and all (the old one may answer for a moment). */
  async function waitForBackend(): Promise<RouterState> {
    const loaded = async (): Promise<RouterState | string> => {
      try {
        const state = await runtimeState();
        const running = await api.cookie(backend);
        if (running === cookie) return state;
        return `it runs backend ${backend} with ${describeAffinity(running)}, and ${file} has ${describeAffinity(cookie)}`;
      } catch (error) {
        return (error as Error).message;
      }
    };
    const { result } = await poll(loaded, {
      what: `HAProxy to load backend ${backend}`,
      done: answer => typeof answer !== 'string',
      timeoutMs: options.confirm.timeout,
      intervalMs: options.confirm.interval,
      signal,
      timeoutError: problem =>
        new ReleaseError(`HAProxy did not load backend ${backend} within ${formatDuration(options.confirm.timeout)} of router.reload (${options.reload.join(' ')}): ${problem}`)
    });
    return result as RouterState;
  }

  /** Checks the config with the file just written and reloads HAProxy; `undo` takes the file back when either fails. */
  async function checkAndReload(undo: () => Promise<void>, undone: string): Promise<void> {
    try {
      await runChecked(test, { field: 'router.test', timeoutMs: 60_000 }, host.run);
    } catch (error) {
      await undo();
      throw new ReleaseError(`HAProxy refused the configuration with ${file}; ${undone} and HAProxy was not reloaded.\n${(error as Error).message}`);
    }
    try {
      await runChecked(options.reload, { field: 'router.reload', timeoutMs: 60_000 }, host.run);
    } catch (error) {
      await undo();
      throw new ReleaseError(`HAProxy reload failed; ${undone}.\n${(error as Error).message}`);
    }
  }

  async function initializeUnlocked(state: RouterState): Promise<void> {
    if ((await host.readFile(file)) !== null) {
      throw new ReleaseError(`${file} already exists; cutover init only creates a router state. Use promote or rollback to change it.`);
    }
    const initial: RouterState = { kind: 'haproxy', endpoints: state.endpoints, weights: state.weights, settings: { backend } };
    // Saved before the reload, so other backends keep their runtime state across it, and without this backend,
    // whose lines from an earlier setup would give the new servers old addresses.
    await host.writeFileAtomic(stateFile, withoutBackend((await api.serversState()).text, backend));
    await host.writeFileAtomic(file, render(initial));
    logger.info(`wrote ${file}; checking the config and reloading HAProxy to load backend ${backend}`);
    await checkAndReload(() => host.removeFile(file), 'the file was removed');
    const loaded = await waitForBackend().catch(async (error: Error) => {
      // HAProxy does not run the file (no -f for it), so nothing uses it: removing it lets init run again once that is fixed.
      await host.removeFile(file);
      throw new ReleaseError(`${error.message}\n${file} was removed. Make HAProxy load it (-f ${file} on its command line, or a folder it loads), then run cutover init again.`);
    });
    await put(loaded.weights, initial);
    await confirm(initial);
  }

  return {
    kind: 'haproxy',
    read: async () => {
      await readWritten();
      return runtimeState();
    },
    counters: () => api.counters(backend),
    apply: (expected, target) => withLock(host, file, () => applyUnlocked(expected, target)),
    initialize: state => withLock(host, file, () => initializeUnlocked(state)),
    drain: color =>
      waitDrained(
        color,
        {
          describe: `sessions on HAProxy server ${backend}/${color} (scur and qcur of show stat on the ${api.describe})`,
          inFlight: () => api.inFlight(backend, color),
          async closeRemaining() {
            const open = await api.inFlight(backend, color);
            await api.execute([`shutdown sessions server ${backend}/${color}`]);
            return open;
          }
        },
        drainSettings(options.drain, signal)
      ),
    close: () => host.close()
  };
}
