import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { httpGet } from '../shared/io/http.js';
import { poll } from '../shared/io/wait.js';

/** How long a fresh nginx may take to answer at all. */
const READY_TIMEOUT_MS = 10_000;

export interface LocalNginx {
  pid: number;
  url: string;
  /** The file cutover owns, included by the main config. */
  routerFile: string;
  /** The master's pid file (router.pid-file), where drain finds the workers a reload retired. */
  pidFile: string;
  /** Commands a cutover.yml uses for this instance. */
  binary: string;
  test: string[];
  reload: string[];
  stop: () => Promise<void>;
}

/** The nginx binary on PATH or in the usual sbin folders; null when nginx is not installed. */
export function findNginx(): string | null {
  for (const candidate of ['nginx', '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx']) {
    const probe = spawnSync(candidate, ['-v'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

/** The Lua module for router.mode lua, and the NDK module it needs loaded first (load_module paths). */
export interface LuaModules {
  ndk: string;
  lua: string;
}

/** The lua-nginx-module files where distributions install them (Debian: libnginx-mod-http-lua); null when missing. */
export function findLuaModules(): LuaModules | null {
  for (const dir of ['/usr/lib/nginx/modules', '/usr/lib64/nginx/modules', '/usr/local/nginx/modules', '/etc/nginx/modules']) {
    const modules = { ndk: path.join(dir, 'ndk_http_module.so'), lua: path.join(dir, 'ngx_http_lua_module.so') };
    if (existsSync(modules.ndk) && existsSync(modules.lua)) return modules;
  }
  return null;
}

export interface StartNginxOptions {
  /** Load the Lua module, for router.mode lua. */
  lua?: LuaModules;
}

/**
 * Runs a private nginx on 127.0.0.1:`port` with its prefix in `dir`, proxying
 * to the upstream that cutover's file will define. proxy_pass goes through a
 * variable so nginx starts before that file exists; `cutover init` writes it.
 * Started again on the same folder and port, it is the same nginx restarted.
 */
export async function startNginx(binary: string, dir: string, port: number, upstream: string, options: StartNginxOptions = {}): Promise<LocalNginx> {
  const routerDir = path.join(dir, 'router');
  const temp = path.join(dir, 'temp');
  await mkdir(routerDir, { recursive: true });
  await mkdir(temp, { recursive: true });
  const conf = path.join(dir, 'nginx.conf');
  const asRoot = process.getuid?.() === 0 ? 'user root;\n' : '';
  // The NDK module must be loaded before the Lua module.
  const modules = options.lua ? `load_module ${options.lua.ndk};\nload_module ${options.lua.lua};\n` : '';
  const pidFile = path.join(dir, 'nginx.pid');
  const errorLog = path.join(dir, 'error.log');
  await writeFile(
    conf,
    `${modules}${asRoot}worker_processes 2;
pid ${pidFile};
error_log ${errorLog} warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path ${temp}/body;
    proxy_temp_path ${temp}/proxy;
    fastcgi_temp_path ${temp}/fastcgi;
    uwsgi_temp_path ${temp}/uwsgi;
    scgi_temp_path ${temp}/scgi;
    include ${routerDir}/*.conf;
    server {
        listen 127.0.0.1:${port};
        location / {
            set $cutover_upstream ${upstream};
            proxy_pass http://$cutover_upstream;
            # Lets nginx keep connections to the upstreams open where the upstream block asks for it (mode lua).
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }
    }
}
`
  );
  const base = [binary, '-p', dir, '-c', conf, '-e', errorLog];
  const child: ChildProcess = spawn(base[0] as string, [...base.slice(1), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', chunk => (stderr += String(chunk)));
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
  const url = `http://127.0.0.1:${port}/`;
  // Ready when it answers at all; before cutover init the answer is a 502.
  const answers = async () => {
    const outcome = await Promise.race([exited.then(code => ({ code })), httpGet(url, { timeoutMs: 1000 }).then(() => 'up' as const, () => 'down' as const)]);
    if (typeof outcome === 'object') throw new Error(`nginx exited with code ${outcome.code}: ${stderr.trim()}`);
    return outcome === 'up';
  };
  await poll(answers, {
    what: `nginx to answer at ${url}`,
    done: up => up,
    timeoutMs: READY_TIMEOUT_MS,
    intervalMs: 10,
    timeoutError: () => {
      child.kill('SIGTERM');
      return new Error(`nginx did not answer at ${url} within ${READY_TIMEOUT_MS}ms: ${stderr.trim()}`);
    }
  });
  return {
    pid: child.pid as number,
    url,
    routerFile: path.join(routerDir, `${upstream}.conf`),
    pidFile,
    binary,
    test: [...base, '-t', '-q'],
    reload: [...base, '-s', 'reload'],
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    }
  };
}
