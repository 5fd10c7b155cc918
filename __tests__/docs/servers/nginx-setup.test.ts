import { httpGet } from '../../../src/shared/io/http.js';
import { freePort } from '../../../src/shared/io/ports.js';
import { describeWithNginx, nginxBinary } from '../../support/servers.js';
import { localConfig, nginxCommand, nginxConfig, runUntilAnswering, sectionBlocks, writeIn } from '../servers.js';
import { followCommands, only, useSetupBench } from './setup.js';

/** docs/routers/nginx.md's setup, followed from nothing: nginx first, then cutover.yml, then the commands. */
const DOC = 'docs/routers/nginx.md';
const blocks = sectionBlocks(DOC, 'Setting it up, in order');

describeWithNginx(`${DOC}, "Setting it up, in order"`, () => {
  const bench = useSetupBench();

  it('starts nginx before cutover init, then moves traffic with init, promote and rollback', async () => {
    const { dir, apps } = bench;
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const conf = await writeIn(dir, 'nginx.conf', await nginxConfig(only(blocks, 'nginx').text, dir, { lua: false, port }));
    const command = nginxCommand(dir, conf);
    bench.server = await runUntilAnswering([...command, '-g', 'daemon off;'], url);
    // No upstream yet: the location answers, with a 502, as the doc says.
    expect((await httpGet(url, { timeoutMs: 5000 })).status).toBe(502);

    const config = await writeIn(
      dir,
      'cutover.yml',
      localConfig(only(blocks, 'yaml').text, {
        dir,
        apps,
        url,
        router: { binary: nginxBinary, test: [...command, '-t', '-q'], reload: [...command, '-s', 'reload'] }
      })
    );
    const steps = await followCommands(blocks, config, url);
    expect(steps).toEqual(['init', 'snapshot', 'deploy', 'promote', 'rollback', 'promote']);
  });
});
