import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in this process, as `cutover <args>` would, capturing what it prints. */
export async function cli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: text => (out += text),
    err: text => (err += text),
    env,
    self: [process.execPath, 'dist/cli/index.js']
  });
  return { code, out, err };
}
