import { mkdir } from 'node:fs/promises';
import { httpGet } from '../../../src/shared/io/http.js';
import { freePort } from '../../../src/shared/io/ports.js';
import { describeWithHaproxy, haproxyBinary } from '../../support/haproxy.js';
import { localConfig, makeParents, rebase, runUntilAnswering, sectionBlocks, writeIn } from '../servers.js';
import { followCommands, only, useSetupBench } from './setup.js';

/**
 * docs/routers/haproxy.md's setup, followed from nothing: the main config and the command line from
 * "Your main config", then the section's cutover.yml and commands.
 */
const DOC = 'docs/routers/haproxy.md';
const mainBlocks = sectionBlocks(DOC, 'Your main config');
const blocks = sectionBlocks(DOC, 'Setting it up, in order');

describeWithHaproxy(`${DOC}, "Setting it up, in order"`, () => {
  const bench = useSetupBench();

  it('starts HAProxy before cutover init, then moves traffic with init, promote and rollback', async () => {
    const { dir, apps } = bench;
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    let text = rebase(only(mainBlocks, 'haproxy').text, dir).replace(/^(\s*)bind\s+\S+/gm, `$1bind 127.0.0.1:${port}`);
    // Only root may hand a socket to another group; the socket's level and fd passing stay as written.
    if (process.getuid?.() !== 0) text = text.replace(/ mode \d+ group \S+/g, '');
    await makeParents(text, dir);
    const main = await writeIn(dir, 'etc/haproxy/haproxy.cfg', text);
    // The command line the doc gives the unit, with the folder cutover writes into, which starts empty.
    const extra = /EXTRAOPTS="([^"]*)"/.exec(only(mainBlocks, 'sh').text)?.[1];
    if (!extra) throw new Error(`${DOC}: no EXTRAOPTS line under "Your main config"`);
    const options = rebase(extra, dir).split(/\s+/);
    const folder = options[options.indexOf('-f') + 1] as string;
    await mkdir(folder, { recursive: true });
    await makeParents(options.join(' '), dir);
    const haproxy = (bench.server = await runUntilAnswering([haproxyBinary as string, '-Ws', '-db', '-f', main, ...options], url));
    // No backend yet, and no default_backend: HAProxy answers 503.
    expect((await httpGet(url, { timeoutMs: 5000 })).status).toBe(503);

    const config = await writeIn(
      dir,
      'cutover.yml',
      localConfig(only(blocks, 'yaml').text, {
        dir,
        apps,
        url,
        router: { test: [haproxyBinary as string, '-c', '-q', '-f', main, '-f', folder], reload: ['kill', '-USR2', String(haproxy.pid)] }
      })
    );
    const steps = await followCommands(blocks, config, url);
    expect(steps).toEqual(['init', 'snapshot', 'deploy', 'promote', 'rollback', 'promote']);
  });
});
