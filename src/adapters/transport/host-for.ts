import path from 'node:path';
import { BadInputError } from '../../shared/errors.js';
import { localHost, type Host } from './host.js';
import type { SshOptions } from '../routers/options.js';
import type { RouterContext } from '../routers/router.js';
import { createSshHost } from './ssh/host.js';

/**
 * The machine a router kind drives: this one, or the host `router.ssh` names.
 * On a remote host the listed path settings must be absolute, since the
 * config's folder does not exist there to resolve them from.
 */
export function hostFor(options: { ssh?: SshOptions }, paths: Record<string, string | undefined>, context: RouterContext): Host {
  if (!options.ssh) return localHost;
  for (const [field, value] of Object.entries(paths)) {
    if (value !== undefined && !path.posix.isAbsolute(value)) {
      throw new BadInputError(
        `router.${field}: ${JSON.stringify(value)} is a relative path, but the router is on ${options.ssh.host} over SSH, where there is no config folder to start from. Give the absolute path on that host.`
      );
    }
  }
  return createSshHost(options.ssh, context);
}
