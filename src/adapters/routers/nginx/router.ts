import path from 'node:path';
import { type NginxOptions } from './options.js';
import { BadInputError, DriftError, ReleaseError } from '../../../shared/errors.js';
import { describeRouterState, routerDigest, type RouterState } from '../../../core/router-state.js';
import { runChecked } from '../../../shared/io/command.js';
import { poll } from '../../../shared/io/wait.js';
import { confirmServing, generationOf } from '../common/confirm.js';
import { localHost, withLock, type Host } from '../../transport/host.js';
import type { Affinity, Router, RouterContext } from '../router.js';
import { confirmAffinity, cookieNameProblem } from '../common/affinity.js';
import { drainSettings } from '../options.js';
import { waitDrained } from '../common/drain.js';
import { nginxAdmin, servedLine, type AdminView, type NginxAdmin } from './admin.js';
import { describeLayout, readNginxFile, renderNginxFile, sameLayout, type NginxFile, type NginxLayout } from './file.js';
import { stateFromLine, stateLine } from './lua.js';
import { renderNginx } from './reload.js';
import { DEFAULT_PID_FILE, drainOldWorkers } from './workers.js';
import { generatedNameFor } from '../common/generated-file.js';

export { parseNginx, renderNginxFile } from './file.js';
export { renderNginx } from './reload.js';


/** The affinity cookie this mode can write, or the problem with it. */
function affinityProblem(mode: NginxOptions['mode'], affinity: Affinity): string | null {
  const problem = cookieNameProblem(affinity.cookie);
  if (problem !== null || mode === 'lua' || !affinity.cookie.includes('$')) return problem;
  return (
    `traffic.affinity.cookie: router.mode reload writes the cookie with add_header, where nginx takes a $ for the start of a variable; got ${JSON.stringify(affinity.cookie)}. ` +
    'Choose a name without $, or use router.mode lua.'
  );
}

/** How long a re-run looks for the state it finds in the file before reloading to make nginx serve it. */
const QUICK_CHECK_MS = 1000;

export function createNginxRouter(
  options: NginxOptions,
  context: RouterContext,
  host: Host = localHost
): Router {
  const file = path.resolve(context.baseDir, options.file);
  const { logger, signal } = context;
  const upstream = options.upstream ?? generatedNameFor(context.service);
  const { affinity } = context;
  const problem = affinity ? affinityProblem(options.mode, affinity) : null;
  if (problem !== null) throw new BadInputError(problem);
  const layout: NginxLayout = {
    ...(options.mode === 'lua' ? { mode: 'lua', admin: options.admin as string } : { mode: 'reload' }),
    ...(affinity ? { affinity } : {})
  };
  const settings = drainSettings(options.drain, signal);
  const affinityFix =
    options.mode === 'reload'
      ? `With router.mode reload, the location must proxy_pass http://$${upstream}_route and keep cutover's add_header lines (docs/routers/nginx.md, "Session affinity").`
      : `A location with its own header_filter_by_lua* must repeat cutover's (docs/routers/nginx.md, "Session affinity").`;

  /** Waits for answers from `state` and, when the file served has affinity, for clients kept on their color. */
  async function confirm(state: RouterState, served: NginxLayout, timeoutMs = options.confirm.timeout): Promise<void> {
    const check = { url: options.probe, responses: options.confirm.responses, timeoutMs, intervalMs: options.confirm.interval, signal };
    await confirmServing(state, check);
    if (served.affinity) await confirmAffinity(state, served.affinity.cookie, { ...check, fix: affinityFix });
  }

  async function existing(consequence: string): Promise<string> {
    const text = await host.readFile(file);
    if (text === null) {
      throw new ReleaseError(`${file} does not exist${consequence}. Create it once with: cutover init --live <color>, and include it in nginx's http block.`);
    }
    return text;
  }

  /**
   * The state nginx serves. In a Lua-mode file that is the shared dict's (or
   * the loaded file's while the dict is empty), and it must be the state the
   * file holds: anything else is drift.
   */
  async function served(deployed: NginxFile): Promise<RouterState> {
    if (deployed.layout.mode === 'reload') return deployed.state;
    const admin = nginxAdmin(host, deployed.layout.admin);
    const live = servedLine(await admin.read());
    if (live !== stateLine(deployed.state)) throw disagreement(live, deployed.state, deployed.layout.admin);
    return deployed.state;
  }

  function disagreement(live: string, inFile: RouterState, admin: string): DriftError {
    const liveState = stateFromLine(live, String(inFile.settings.upstream));
    return new DriftError(
      `nginx serves ${liveState ? describeRouterState(liveState) : 'a state cutover did not write'} ("${live}") from its shared dict, ` +
        `but ${file} holds ${describeRouterState(inFile)} ("${stateLine(inFile)}"). Nothing was changed. ` +
        `Someone changed traffic through the admin listener ${admin}, or a cutover run stopped between writing the file and setting the dict. ` +
        'Decide which state is right and make the two agree (docs/routers/nginx.md, "When the dict and the file disagree").'
    );
  }

  /** Checks a candidate reload-mode body alone, in a throwaway config, before anything live sees it. */
  async function checkAlone(body: string): Promise<void> {
    const scratch = await host.scratchDir();
    try {
      const candidate = path.join(scratch.dir, 'candidate.conf');
      const main = path.join(scratch.dir, 'nginx.conf');
      await host.writeFileAtomic(candidate, body);
      await host.writeFileAtomic(
        main,
        `pid ${path.join(scratch.dir, 'nginx.pid')};\nerror_log stderr;\nevents {}\nhttp {\n    include ${candidate};\n}\n`
      );
      const argv = [options.binary, '-t', '-q', '-p', scratch.dir, '-e', 'stderr', '-c', main];
      await runChecked(argv, { field: 'router.binary (checking the generated file on its own)', timeoutMs: 30_000 }, host.run);
    } finally {
      await scratch.remove();
    }
  }

  /**
   * Puts `next` in place and checks the whole nginx config, then reloads if
   * asked. Any failure puts `previous` back before nginx has seen `next`.
   */
  async function install(previous: string | null, next: string, reload: boolean): Promise<void> {
    const restore = () => (previous === null ? host.removeFile(file) : host.writeFileAtomic(file, previous));
    await host.writeFileAtomic(file, next);
    try {
      await runChecked(options.test, { field: 'router.test', timeoutMs: 60_000 }, host.run);
    } catch (error) {
      await restore();
      throw new ReleaseError(`nginx refused the new configuration; the previous file is back in place and nginx was not reloaded.\n${(error as Error).message}`);
    }
    if (!reload) return;
    try {
      await runChecked(options.reload, { field: 'router.reload', timeoutMs: 60_000 }, host.run);
    } catch (error) {
      await restore();
      throw new ReleaseError(`nginx reload failed; the previous file is back in place.\n${(error as Error).message}`);
    }
  }

  /** Compare-and-set on the file: it must still be what was read, or someone else is switching too. */
  async function ensureUnchanged(previous: string | null): Promise<void> {
    if ((await host.readFile(file)) !== previous) {
      throw new DriftError(`${file} changed while cutover was preparing the switch; nothing was changed. Take a new snapshot.`);
    }
  }

  async function writeAndReload(previous: string | null, target: RouterState, into: NginxLayout): Promise<string> {
    // A Lua-mode file needs the modules the main config loads, so router.test checks it in place instead.
    if (into.mode === 'reload') await checkAlone(renderNginx(target, into.affinity));
    await ensureUnchanged(previous);
    const next = renderNginxFile(target, into);
    logger.info(`writing ${file} (generation ${generationOf(target)}, ${describeLayout(into)}) and reloading nginx`);
    await install(previous, next, true);
    return next;
  }

  /**
   * Waits until nginx serves `state` from a file just loaded. A Lua-mode file
   * also needs its admin listener up (before a switch through it), and a dict
   * left from an earlier file of the same name (it survives reloads) set to
   * the file's state.
   */
  async function confirmLoaded(state: RouterState, from: NginxLayout, timeoutMs = options.confirm.timeout): Promise<void> {
    if (from.mode === 'lua') {
      const admin = nginxAdmin(host, from.admin);
      const line = stateLine(state);
      const view = await loadedBy(admin, line, timeoutMs);
      if (view.state !== null && view.state !== line) {
        logger.info(`the shared dict still held "${view.state}" from an earlier file; setting it to the file's state`);
        if (!(await admin.compareAndSet(view.state, line)).changed) {
          throw new DriftError(`${admin.describe}: the shared dict changed while cutover set it to the file's state; take a new snapshot.`);
        }
      }
    }
    await confirm(state, from, timeoutMs);
  }

  /** Polls the admin listener until it answers from a file holding `line`: the reload took effect. */
  async function loadedBy(admin: NginxAdmin, line: string, timeoutMs: number): Promise<AdminView> {
    const read = (): Promise<AdminView | string> => admin.read().catch((error: Error) => error.message);
    const { result } = await poll(read, {
      what: 'nginx to load the new file',
      done: view => typeof view !== 'string' && view.file === line,
      timeoutMs,
      intervalMs: options.confirm.interval,
      signal,
      timeoutError: last => new ReleaseError(`nginx did not load the new file within ${timeoutMs}ms: ${typeof last === 'string' ? last : `it serves a file with the state "${last.file}"`}`)
    });
    return result as AdminView;
  }

  /** Switches by writing the file and reloading nginx: mode reload, or a file that must change layout first. */
  async function switchByReload(text: string, from: NginxLayout, current: RouterState, target: RouterState, into: NginxLayout): Promise<string> {
    const next = renderNginxFile(target, into);
    if (text === next) {
      // The file already holds the target, perhaps from a run stopped before its reload: make sure nginx serves it.
      await confirmLoaded(target, into, Math.min(QUICK_CHECK_MS, options.confirm.timeout)).catch(async () => {
        logger.info(`${file} holds the target state but nginx does not serve it yet; reloading`);
        await install(text, text, true);
        await confirmLoaded(target, into);
      });
      return text;
    }
    const written = await writeAndReload(text, target, into);
    try {
      await confirmLoaded(target, into);
    } catch (error) {
      logger.warn(`${(error as Error).message}\nPutting the previous state back.`);
      await install(written, text, true);
      try {
        await confirmLoaded(current, from);
      } catch (restoreError) {
        throw new ReleaseError(
          `${(error as Error).message}\nThe previous file is back in place and nginx was reloaded, but cutover could not confirm that nginx serves it either: ${(restoreError as Error).message}`
        );
      }
      throw new ReleaseError(`${(error as Error).message}\nThe previous state is back in place and served.`);
    }
    return written;
  }

  /**
   * mode lua: keeps the file in step (it serves after a restart) and sets the
   * shared dict through the admin listener, compare-and-set. nginx is not
   * reloaded, so no connection is closed.
   */
  async function switchLive(text: string, current: RouterState, target: RouterState, admin: NginxAdmin): Promise<void> {
    const [was, next] = [stateLine(current), stateLine(target)];
    if (was === next) {
      await confirm(target, layout);
      return;
    }
    await ensureUnchanged(text);
    const written = renderNginxFile(target, layout);
    logger.info(`writing ${file} (generation ${generationOf(target)}) and setting nginx's shared dict through ${admin.describe}; no reload`);
    await install(text, written, false);
    let set: Awaited<ReturnType<typeof admin.compareAndSet>>;
    try {
      set = await admin.compareAndSet(was, next);
    } catch (error) {
      await host.writeFileAtomic(file, text);
      throw new ReleaseError(`${(error as Error).message}\nThe previous file is back in place; traffic did not move.`);
    }
    if (!set.changed) {
      await host.writeFileAtomic(file, text);
      const live = servedLine(set.view);
      throw live === was
        ? new ReleaseError(`${admin.describe} is busy with another change; the previous file is back in place and traffic did not move. Try again.`)
        : new DriftError(`the shared dict changed while cutover was switching: nginx serves "${live}", not "${was}". The previous file is back in place; nothing else was changed. Take a new snapshot.`);
    }
    try {
      await confirm(target, layout);
    } catch (error) {
      logger.warn(`${(error as Error).message}\nPutting the previous state back.`);
      const back = await admin.compareAndSet(next, was).catch((setError: Error) => setError);
      await host.writeFileAtomic(file, text);
      if (back instanceof Error) {
        throw new ReleaseError(
          `${(error as Error).message}\nThe previous file is back in place, but cutover could not set the shared dict back (${back.message}): nginx may still serve "${next}".`
        );
      }
      if (!back.changed) {
        throw new ReleaseError(
          `${(error as Error).message}\nThe previous file is back in place, but the shared dict changed meanwhile: nginx serves "${servedLine(back.view)}". Decide which state is right (docs/routers/nginx.md).`
        );
      }
      try {
        await confirm(current, layout);
      } catch (restoreError) {
        throw new ReleaseError(
          `${(error as Error).message}\nThe previous state is back in the file and the shared dict, but cutover could not confirm that nginx serves it either: ${(restoreError as Error).message}`
        );
      }
      throw new ReleaseError(`${(error as Error).message}\nThe previous state is back in place and served.`);
    }
  }

  async function applyUnlocked(expected: RouterState, target: RouterState): Promise<void> {
    const text = await existing('; nothing was changed');
    const deployed = readNginxFile(text, file);
    const current = await served(deployed);
    if (routerDigest(current) !== routerDigest(expected)) {
      throw new DriftError(`${file} no longer holds the expected state (${routerDigest(expected)}); it holds ${routerDigest(current)}. Nothing was changed.`);
    }
    if (layout.mode === 'reload') {
      if (deployed.layout.mode === 'reload' && deployed.layout.affinity && !layout.affinity) {
        logger.info(
          `${file} has session affinity and router settings no longer ask for it: a location that proxies to $${upstream}_route must proxy to ${upstream} again first, or nginx refuses the new file`
        );
      }
      await switchByReload(text, deployed.layout, current, target, layout);
      return;
    }
    let live = text;
    if (!sameLayout(deployed.layout, layout)) {
      logger.info(
        `${file} is written for ${describeLayout(deployed.layout)}, and router settings ask for ${describeLayout(layout)}: ` +
          'rewriting it for the state nginx serves now and reloading nginx this once; switches after this one do not reload'
      );
      live = await switchByReload(text, deployed.layout, current, current, layout);
    }
    await switchLive(live, current, target, nginxAdmin(host, layout.admin));
  }

  async function initializeUnlocked(state: RouterState): Promise<void> {
    const text = await host.readFile(file);
    if (text !== null) {
      throw new ReleaseError(`${file} already exists; cutover init only creates a router state. Use promote or rollback to change it.`);
    }
    const initial: RouterState = { ...state, settings: { upstream } };
    await writeAndReload(null, initial, layout);
    await confirmLoaded(initial, layout);
  }

  return {
    kind: 'nginx',
    read: async () => served(readNginxFile(await existing(''), file)),
    apply: (expected, target) => withLock(host, file, () => applyUnlocked(expected, target)),
    initialize: state => withLock(host, file, () => initializeUnlocked(state)),
    drain: color => {
      if (layout.mode === 'reload') {
        return drainOldWorkers(color, host, path.resolve(context.baseDir, options['pid-file'] ?? DEFAULT_PID_FILE), settings, logger);
      }
      const admin = nginxAdmin(host, layout.admin);
      return waitDrained(
        color,
        { describe: `requests nginx's Lua balancer sent to ${color}, counted in its shared dict (${admin.describe})`, inFlight: async () => (await admin.read()).inFlight[color] },
        settings
      );
    },
    close: () => host.close()
  };
}
