import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { findLuaModules } from '../../src/demo/nginx-server.js';
import { httpGet } from '../../src/shared/io/http.js';
import { poll } from '../../src/shared/io/wait.js';
import { nginxBinary, requireServer } from '../support/servers.js';
import { codeBlocks, type CodeBlock } from './markdown.js';

/**
 * What the docs' server configs become in a test. The docs show a machine's own paths and ports;
 * a test runs unprivileged in a temp folder on loopback, so only these change:
 * - absolute paths under /etc, /run and /var move into the temp folder, same layout;
 * - `listen …;` (nginx) and `bind …` (HAProxy) become a free port on 127.0.0.1;
 * - the commands that reach the server (router test, reload, binary) are the test's own instance's.
 * Everything else is used as the doc writes it.
 */
export function rebase(text: string, dir: string): string {
  return text.replace(/(?<![\w./-])\/(etc|run|var)\//g, `${dir}/$1/`);
}

export const luaModules = findLuaModules();
export const nginxHasLua = (): boolean =>
  requireServer('nginx with the Lua module', nginxBinary !== null && luaModules !== null, 'apt-get install nginx libnginx-mod-http-lua lua-resty-core');

/**
 * A whole nginx.conf around a doc's snippet: a snippet with an `http` block is the main config
 * (events and the paths an unprivileged nginx writes are added); anything else is the inside of a
 * `server` that includes `routerFile`.
 */
export async function nginxConfig(snippet: string, dir: string, options: { routerFile?: string; lua: boolean; port?: number }): Promise<string> {
  let main = rebase(snippet, dir);
  if (!/^\s*http\s*\{/m.test(main)) {
    if (options.routerFile === undefined) throw new Error('a snippet inside a server needs the router file to include');
    const inner = main.replace(/^/gm, '        ');
    main = `http {\n    include ${options.routerFile};\n    server {\n        listen 80;\n${inner}\n    }\n}\n`;
  }
  if (options.port !== undefined) main = main.replace(/^(\s*)listen\s+[^;]+;/gm, `$1listen 127.0.0.1:${options.port};`);
  if (options.lua && !/load_module/.test(main)) {
    const modules = luaModules as NonNullable<typeof luaModules>;
    main = `load_module ${modules.ndk};\nload_module ${modules.lua};\n${main}`;
  }
  // A relative load_module path is taken from the prefix, as in Debian's /usr/share/nginx/modules.
  if (/load_module\s+modules\//.test(main)) await symlink(path.dirname((luaModules as NonNullable<typeof luaModules>).lua), path.join(dir, 'modules'));
  const temp = path.join(dir, 'temp');
  const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(kind => `${kind}_temp_path ${temp}/${kind};`).join(' ');
  main = main.replace(/^(\s*)http\s*\{/m, `$1http {\n    ${temps}\n    access_log off;`);
  if (!/^\s*events\s*\{/m.test(main)) main = `events {}\n${main}`;
  // nginx's default pid file, rebased: a cutover.yml that names /run/nginx.pid finds it. After load_module, which must come first.
  const pid = rebase('/run/nginx.pid', dir);
  const modules = main.match(/^\s*load_module[^;]*;\n/gm) ?? [];
  main = `${modules.join('')}pid ${pid};\n${modules.reduce((rest, line) => rest.replace(line, ''), main)}`;
  await makeParents(main, dir);
  return main;
}

/** How a test runs nginx on a config: `nginx -p <dir> -e <log> -c <conf>`, plus what is asked. */
export function nginxCommand(dir: string, conf: string): string[] {
  return [nginxBinary as string, '-p', dir, '-e', path.join(dir, 'error.log'), '-c', conf];
}

export function nginxTest(dir: string, conf: string): { ok: boolean; output: string } {
  const [binary, ...args] = nginxCommand(dir, conf);
  const run = spawnSync(binary as string, [...args, '-t', '-q'], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}

export interface Running {
  pid: number;
  stop(): Promise<void>;
}

/** Starts a server in the foreground and waits until `url` answers at all; fails with its stderr if it exits first. */
export async function runUntilAnswering(argv: string[], url: string): Promise<Running> {
  const child: ChildProcess = spawn(argv[0] as string, argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', chunk => (stderr += String(chunk)));
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  const answers = async () => {
    const outcome = await Promise.race([exited.then(code => ({ code })), httpGet(url, { timeoutMs: 1000 }).then(() => 'up' as const, () => 'down' as const)]);
    if (typeof outcome === 'object') throw new Error(`${argv[0]} exited with code ${outcome.code}: ${stderr.trim()}`);
    return outcome === 'up';
  };
  try {
    await poll(answers, { what: `${argv[0]} to answer at ${url}`, done: up => up, timeoutMs: 10_000, intervalMs: 20 });
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: child.pid as number, stop };
}

/** The blocks of a doc's section, in order. */
export function sectionBlocks(file: string, heading: string): CodeBlock[] {
  const blocks = codeBlocks(file).filter(block => block.heading === heading);
  if (blocks.length === 0) throw new Error(`${file} has no code blocks under "${heading}"`);
  return blocks;
}

/** `npx cutover …` lines of sh blocks, as argument lists, comments left out. */
export function cutoverCommands(blocks: readonly CodeBlock[]): string[][] {
  return blocks
    .filter(block => block.lang === 'sh')
    .flatMap(block => block.text.split('\n'))
    .map(line => line.replace(/\s#.*$/, '').trim())
    .filter(line => line.startsWith('npx cutover '))
    .map(line => line.split(/\s+/).slice(2));
}

/**
 * A doc's cutover.yml for the test's servers: each color's doc address becomes the local app's,
 * the router's URL and paths move as `rebase` says, and `router` gets the test instance's commands.
 */
export function localConfig(doc: string, options: { dir: string; apps: { blue: string; green: string }; url: string; router: Record<string, unknown> }): string {
  const config = parse(doc) as { colors: Record<'blue' | 'green', { upstream: string }>; router: Record<string, unknown> };
  for (const color of ['blue', 'green'] as const) {
    const address = config.colors[color].upstream;
    config.colors[color] = parse(stringify(config.colors[color]).split(address).join(options.apps[color])) as { upstream: string };
  }
  const probe = new URL(String(config.router.probe));
  config.router = { ...(parse(rebase(stringify(config.router), options.dir)) as Record<string, unknown>), probe: new URL(probe.pathname, options.url).href, ...options.router };
  return stringify(config);
}

/** Creates the folders of the rebased paths in a config, as the machine it was written for has them. */
export async function makeParents(text: string, dir: string): Promise<void> {
  for (const match of text.matchAll(new RegExp(`${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[^\\s;'"\\]]+`, 'g'))) {
    const target = match[0];
    await mkdir(target.endsWith('/') ? target : path.dirname(target), { recursive: true });
  }
}

export async function writeIn(dir: string, name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}
