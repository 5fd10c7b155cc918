import path from 'node:path';
import type { Color } from '../../../src/core/color.js';
import { cli } from '../../support/cli.js';
import { startUpstreams, tempDir, type Upstreams } from '../../support/servers.js';
import { colorsServed } from '../../support/traffic.js';
import { where, type CodeBlock } from '../markdown.js';
import { cutoverCommands, type Running } from '../servers.js';

/** The one block of `lang` in a setup section. */
export function only(blocks: readonly CodeBlock[], lang: string, test: (block: CodeBlock) => boolean = () => true): CodeBlock {
  const found = blocks.filter(block => block.lang === lang && test(block));
  if (found.length !== 1) throw new Error(`expected one ${lang} block in the section, found ${found.length}: ${found.map(where).join(', ')}`);
  return found[0] as CodeBlock;
}

/**
 * Runs a section's `npx cutover …` lines in order, through the CLI in this process, and after
 * each checks which color serves `url`: init's --live color, then the idle color after promote
 * and the snapshot's after rollback.
 */
export async function followCommands(blocks: readonly CodeBlock[], config: string, url: string): Promise<string[]> {
  const commands = cutoverCommands(blocks);
  let live: Color | undefined;
  let snapshotLive: Color | undefined;
  for (const args of commands) {
    // The release record goes beside the config instead of ./.cutover; init keeps none.
    const record = args[0] === 'init' ? [] : ['--snapshot-file', path.join(path.dirname(config), 'release.json')];
    const run = await cli([...args, '--config', config, ...record]);
    if (run.code !== 0) throw new Error(`cutover ${args.join(' ')} exited with ${run.code}:\n${run.err}`);
    const [step] = args;
    if (step === 'init') live = args[args.indexOf('--live') + 1] as Color;
    if (step === 'snapshot') snapshotLive = live;
    const idle: Color = snapshotLive === 'blue' ? 'green' : 'blue';
    if (step === 'promote') live = idle;
    if (step === 'rollback') live = snapshotLive;
    if (live === undefined) throw new Error(`cutover ${args.join(' ')} runs before cutover init`);
    expect({ after: `cutover ${args.join(' ')}`, served: await colorsServed(url) }).toEqual({ after: `cutover ${args.join(' ')}`, served: { [live]: 20 } });
  }
  return commands.map(args => args[0] as string);
}

/** A doc's setup test: a temporary folder and the two sample apps, made before its tests and removed after, with the server it starts. */
export interface SetupBench {
  dir: string;
  apps: Upstreams;
  /** The server the test started, stopped after the tests. */
  server?: Running;
}

export function useSetupBench(): SetupBench {
  const bench = {} as SetupBench;
  let remove: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const temp = await tempDir();
    remove = temp.remove;
    Object.assign(bench, { dir: temp.dir, apps: await startUpstreams() });
  });
  afterAll(async () => {
    await bench.server?.stop();
    await bench.apps?.stop();
    await remove?.();
  });
  return bench;
}
