import { main } from './main.js';

/** `cutover ...` on a terminal or in any CI: the process's arguments and streams. */
export async function runCli(): Promise<number> {
  return main(process.argv.slice(2), {
    out: text => process.stdout.write(text),
    err: text => process.stderr.write(text),
    env: process.env,
    self: [process.execPath, process.argv[1] as string],
    tty: process.stderr.isTTY === true
  });
}
