import path from 'node:path';
import type { Color } from '../../../src/core/color.js';
import { cli } from '../../support/cli.js';
import { colorsServed } from '../../support/traffic.js';
import { where, type CodeBlock } from '../markdown.js';
import { cutoverCommands } from '../servers.js';

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
