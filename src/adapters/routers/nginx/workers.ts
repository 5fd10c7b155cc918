import type { Color } from '../../../core/color.js';
import { ReleaseError } from '../../../shared/errors.js';
import type { Logger } from '../../../shared/logging/logger.js';
import { waitDrained, waitDrainTime, type DrainReport, type DrainSettings } from '../common/drain.js';
import type { Host } from '../../transport/host.js';

/** nginx's compiled-in pid file on Debian, Ubuntu, RHEL and nginx.org packages. */
export const DEFAULT_PID_FILE = '/run/nginx.pid';

/** The title nginx gives a worker of an older configuration, still finishing what it holds after a reload. */
const SHUTTING_DOWN = /^nginx: worker process is shutting down/;

export interface NginxProcesses {
  master: number;
  /** The master's children (workers, cache manager) with their titles. */
  children: { pid: number; title: string }[];
}

/**
 * The master named in `pidFile` and its children, as `ps` on the router's host
 * lists them (POSIX options, run without a shell). Throws, saying why, when
 * that cannot be told.
 */
export async function nginxProcesses(host: Host, pidFile: string): Promise<NginxProcesses> {
  const text = await host.readFile(pidFile).catch((error: Error) => {
    throw new ReleaseError(`cannot read ${pidFile}: ${error.message}`);
  });
  const master = Number(text?.trim());
  if (text === null || !Number.isInteger(master) || master <= 0) {
    throw new ReleaseError(text === null ? `${pidFile} does not exist` : `${pidFile} does not hold a process id`);
  }
  const listing = await host.run(['ps', '-e', '-o', 'pid=', '-o', 'ppid=', '-o', 'args='], { field: 'router.pid-file (listing nginx workers with ps)', timeoutMs: 10_000 });
  if (listing.code !== 0) throw new ReleaseError(`ps exited with code ${listing.code}: ${listing.stderr.trim()}`);
  const processes = listing.stdout
    .split('\n')
    .map(line => /^\s*(\d+)\s+(\d+)\s(.*)$/.exec(line))
    .filter(match => match !== null)
    .map(match => ({ pid: Number(match[1]), ppid: Number(match[2]), title: (match[3] as string).trim() }));
  if (!processes.some(p => p.pid === master)) throw new ReleaseError(`${pidFile} names process ${master}, which is not running`);
  return { master, children: processes.filter(p => p.ppid === master).map(({ pid, title }) => ({ pid, title })) };
}

export function oldWorkers(processes: NginxProcesses): number[] {
  return processes.children.filter(child => SHUTTING_DOWN.test(child.title)).map(child => child.pid);
}

/**
 * Drain for `router.mode: reload`. A reload leaves the old workers running
 * until every request and connection they hold has ended, so the color that
 * lost its traffic is drained when no worker of an older configuration is
 * left. Where the workers cannot be listed, waits `drain.time` instead. After
 * `close-after`, the old workers still there get SIGTERM: the master never
 * restarts a worker it retired, so only what they held ends.
 */
export async function drainOldWorkers(color: Color, host: Host, pidFile: string, settings: DrainSettings, logger: Logger): Promise<DrainReport> {
  const list = async () => oldWorkers(await nginxProcesses(host, pidFile));
  try {
    await list();
  } catch (error) {
    logger.warn(`cannot count nginx's old workers on ${host.name} (${(error as Error).message}); waiting router.drain.time instead. Set router.pid-file to nginx's pid file.`);
    return waitDrainTime(color, settings);
  }
  return waitDrained(
    color,
    {
      describe: `nginx workers still shutting down after the reload (children of the master in ${pidFile} on ${host.name})`,
      inFlight: async () => (await list()).length,
      closeRemaining: async () => {
        let ended = 0;
        for (const pid of await list()) {
          const result = await host.run(['kill', '-TERM', String(pid)], { field: 'router.drain.close-after (ending old nginx workers)', timeoutMs: 10_000 });
          if (result.code === 0) ended++;
          // One that exited between the listing and the signal needs nothing.
          else if (!/no such process/i.test(result.stderr)) logger.warn(`cannot end old nginx worker ${pid}: ${result.stderr.trim() || `kill exited with code ${result.code}`}. It ends when its connections do, or at nginx's worker_shutdown_timeout.`);
        }
        return ended;
      }
    },
    settings
  );
}
