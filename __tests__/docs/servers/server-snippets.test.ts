import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { RouterState } from '../../../src/core/router-state.js';
import { renderNginxFile } from '../../../src/adapters/routers/nginx/router.js';
import { renderHaproxy, renderHaproxyFile } from '../../../src/adapters/routers/haproxy/config.js';
import { describeWithNginx, tempDir } from '../../support/servers.js';
import { describeWithHaproxy, haproxyBinary } from '../../support/haproxy.js';
import { blocksOf, codeBlocks, where, type CodeBlock } from '../markdown.js';
import { nginxConfig, nginxHasLua, nginxTest, rebase, writeIn } from '../servers.js';

/**
 * Every nginx and HAProxy snippet in README.md and docs/ passes the server's own check (`nginx -t`,
 * `haproxy -c`), completed as ../servers.ts says, next to the file cutover generates for it.
 */

/** Addresses of the colors in the docs' generated files; never reached: the checks only parse. */
const ENDPOINTS = { blue: '10.0.0.11:8080', green: '10.0.0.12:8080' };

/** The nginx router settings a doc shows: its first YAML block with router.kind nginx. */
function nginxRouterOf(file: string): { upstream: string; file: string; admin: string } {
  for (const block of codeBlocks(file).filter(b => b.lang === 'yaml')) {
    const router = (parse(block.text) as { router?: Record<string, string> } | null)?.router;
    if (router?.kind === 'nginx') return { upstream: router.upstream ?? 'cutover_shop', file: router.file ?? '/etc/nginx/cutover/shop.conf', admin: router.admin ?? '127.0.0.1:9901' };
  }
  return { upstream: 'cutover_shop', file: '/etc/nginx/cutover/shop.conf', admin: '127.0.0.1:9901' };
}

const nginxBlocks = blocksOf('nginx');

describeWithNginx('nginx snippets in the docs', () => {
  it('finds them', () => {
    expect(nginxBlocks.filter(block => block.file === 'docs/routers/nginx.md').length).toBeGreaterThanOrEqual(5);
  });

  it.each(nginxBlocks.map(block => [where(block), block] as const))('%s passes nginx -t', async (at, block) => {
    // What the snippet uses decides the file cutover writes beside it: Lua hooks need mode lua, the route map affinity.
    const lua = /_by_lua|ngx_http_lua_module/.test(block.text);
    const router = nginxRouterOf(block.file);
    const affinity = new RegExp(`\\$${router.upstream}_(route|set_cookie|cache_control)\\b`).test(block.text);
    if (lua && !nginxHasLua()) return;
    const { dir, remove } = await tempDir();
    try {
      const state: RouterState = { kind: 'nginx', endpoints: ENDPOINTS, weights: { blue: 100, green: 0 }, settings: { upstream: router.upstream } };
      const layout = { ...(lua ? { mode: 'lua' as const, admin: router.admin } : { mode: 'reload' as const }), ...(affinity ? { affinity: { cookie: 'cutover_color' } } : {}) };
      const routerFile = rebase(router.file, dir);
      await writeIn(path.dirname(routerFile), path.basename(routerFile), renderNginxFile(state, layout));
      const conf = await writeIn(dir, 'nginx.conf', await nginxConfig(block.text, dir, { routerFile, lua }));
      const check = nginxTest(dir, conf);
      if (!check.ok) throw new Error(`${at}: nginx -t refuses the snippet (with cutover's file for ${lua ? 'mode lua' : 'mode reload'}${affinity ? ' and affinity' : ''}):\n${check.output}`);
    } finally {
      await remove();
    }
  });
});

const haproxyBlocks = blocksOf('haproxy');

/** The doc's main config: its first block with a `global` section. */
function haproxyMainOf(file: string): CodeBlock {
  const main = codeBlocks(file).find(block => block.lang === 'haproxy' && /^global\b/m.test(block.text));
  if (!main) throw new Error(`${file} shows HAProxy lines but no main config (a block with a global section) to check them with`);
  return main;
}

function haproxyCheck(files: string[]): { ok: boolean; output: string } {
  const run = spawnSync(haproxyBinary as string, ['-c', ...files.flatMap(file => ['-f', file])], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}

/** The lines that configure something: comments and blank lines left out. */
const directives = (text: string) =>
  text
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('#'));

describeWithHaproxy('HAProxy snippets in the docs', () => {
  it('finds them, and no unmarked HAProxy config in a plain block', () => {
    expect(haproxyBlocks.filter(block => block.file === 'docs/routers/haproxy.md').length).toBeGreaterThanOrEqual(3);
    // A block without a language that holds HAProxy sections would go unchecked.
    const unmarked = blocksOf('').filter(block => /^(global|defaults|frontend|backend)\b/m.test(block.text) && /^\s+(mode|bind|server|balance)\b/m.test(block.text));
    expect(unmarked.map(where)).toEqual([]);
  });

  it.each(haproxyBlocks.map(block => [where(block), block] as const))('%s passes haproxy -c', async (at, block) => {
    const { dir, remove } = await tempDir();
    try {
      const mainBlock = haproxyMainOf(block.file);
      const main = await writeIn(dir, 'haproxy.cfg', rebase(mainBlock.text, dir));
      const cutoverDir = path.join(dir, 'cutover');
      await mkdir(cutoverDir);
      const fail = (what: string, check: { output: string }) => new Error(`${at}: haproxy -c refuses ${what}:\n${check.output}`);
      if (block.line === mainBlock.line) {
        // Before cutover init: the folder cutover writes into is empty, and HAProxy must start anyway.
        const before = haproxyCheck([main, cutoverDir]);
        if (!before.ok) throw fail('the main config before cutover init', before);
        await writeIn(cutoverDir, 'shop.cfg', renderHaproxyFile({ backend: 'cutover_shop', endpoints: ENDPOINTS, weights: { blue: 100, green: 0 } }));
        const after = haproxyCheck([main, cutoverDir]);
        if (!after.ok) throw fail("the main config with cutover's backend", after);
        return;
      }
      // A backend, or lines inside one: checked with the doc's main config, and against what cutover writes.
      const standalone = /^backend\s/m.test(block.text);
      const text = standalone ? block.text : `backend cutover_shop\n    mode http\n    balance roundrobin\n${block.text}`;
      const check = haproxyCheck([main, await writeIn(cutoverDir, 'shop.cfg', text)]);
      if (!check.ok) throw fail('the backend lines', check);
      const servers = [...block.text.matchAll(/^\s*server (blue|green) (\S+) weight (\d+)/gm)];
      const endpoints = Object.fromEntries(servers.map(m => [m[1], m[2]])) as Record<'blue' | 'green', string>;
      const weights = Object.fromEntries(servers.map(m => [m[1], Number(m[3])])) as Record<'blue' | 'green', number>;
      const cookie = /^\s*cookie (\S+)/m.exec(block.text)?.[1];
      const generated = directives(renderHaproxy({ backend: 'cutover_shop', endpoints, weights, ...(cookie ? { affinity: { cookie } } : {}) }));
      if (standalone) expect(directives(block.text)).toEqual(generated);
      else expect(generated).toEqual(expect.arrayContaining(directives(block.text)));
    } finally {
      await remove();
    }
  });
});
