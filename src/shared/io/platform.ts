import { BadInputError } from '../errors.js';

/**
 * cutover runs commands in process groups it can signal as a whole (so a timed-out deploy
 * leaves no child behind) and drives routers with POSIX tools; Windows has neither.
 */
export function requirePosix(what: string, platform: NodeJS.Platform = process.platform): void {
  if (platform !== 'win32') return;
  throw new BadInputError(
    `${what} needs Linux (or another POSIX system): cutover runs commands in process groups and drives routers with POSIX tools, which Windows lacks. Run it on a Linux runner (runs-on: ubuntu-latest, or a self-hosted Linux runner).`
  );
}
