import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { httpGet } from '../io/http.js';

export interface LocalNginx {
  pid: number;
  url: string;
  /** The file cutover owns, included by the main config. */
  routerFile: string;
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

/**
 * Runs a private nginx on 127.0.0.1:`port` with its prefix in `dir`, proxying
 * to the upstream that cutover's file will define. proxy_pass goes through a
 * variable so nginx starts before that file exists; `cutover init` writes it.
 */
export async function startNginx(binary: string, dir: string, port: number, upstream: string): Promise<LocalNginx> {
  const routerDir = path.join(dir, 'router');
  const temp = path.join(dir, 'temp');
  await mkdir(routerDir, { recursive: true });
  await mkdir(temp, { recursive: true });
  const conf = path.join(dir, 'nginx.conf');
  const asRoot = process.getuid?.() === 0 ? 'user root;\n' : '';
  await writeFile(
    conf,
    `${asRoot}worker_processes 2;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
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
        }
    }
}
`
  );
  const base = [binary, '-p', dir, '-c', conf, '-e', path.join(dir, 'error.log')];
  const child: ChildProcess = spawn(base[0] as string, [...base.slice(1), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', chunk => (stderr += String(chunk)));
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
  const url = `http://127.0.0.1:${port}/`;
  // Ready when it answers at all; before cutover init the answer is a 502.
  for (;;) {
    const outcome = await Promise.race([exited.then(code => ({ code })), httpGet(url, { timeoutMs: 1000 }).then(() => 'up' as const, () => 'down' as const)]);
    if (outcome === 'up') break;
    if (typeof outcome === 'object') throw new Error(`nginx exited with code ${outcome.code}: ${stderr.trim()}`);
  }
  return {
    pid: child.pid as number,
    url,
    routerFile: path.join(routerDir, `${upstream}.conf`),
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
