import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { startProxyServer, type ProxyServer } from '../../src/demo/proxy-server.js';
import { freePort } from '../../src/io/ports.js';
import { cli } from '../support/cli.js';
import { startUpstreams, tempDir } from '../support/servers.js';

/**
 * What a server or a program cutover does not control may say, and what the Actions runner would
 * make of it: each hostile text carries workflow commands (new style, legacy, after a carriage
 * return, indented) and terminal escapes.
 */
export const HOSTILE = {
  /** A JSON version endpoint with command lines inside its version. */
  jsonVersion: JSON.stringify({ version: '2.0.0\n::add-mask::x\n::stop-commands::abc\n::warning::pwned-json' }),
  /** A plain-text version with a carriage return, ANSI colors, an OSC title and a bidi override. */
  plainVersion: '1.0.0\r::set-output name=live-color::pwned-plain\x1b[31m red\x1b]0;pwned title\x07 \u202eevil',
  longVersion: `3.0.0-${'x'.repeat(60_000)}`,
  /** A health body, served with 200: cutover needs only the status, and must not echo the rest. */
  healthBody: 'ok\n::add-mask::pwned-health\n##[error]pwned-health\x1b[2J',
  /** What the deploy command prints, stdout and stderr alike. */
  deployOutput: [
    '::set-output name=color::pwned-deploy',
    '::add-mask::pwned-deploy',
    '##[error]pwned-deploy legacy',
    'progress 50%\r::stop-commands::pwned-deploy',
    'done\r::warning::pwned-deploy after a carriage return',
    '  indented ##[set-output name=version]pwned-deploy',
    '\x1b[31mred\x1b[0m \x1b]8;;https://evil.example\x07link\x1b]8;;\x07 \x1b]52;c;cHduZWQ=\x07 \u202eevil \x07bell'
  ].join('\n')
};

/** Every line of the hostile texts as the runner would split it: none may reach it as a command. */
export const HOSTILE_LINES: readonly string[] = [...Object.values(HOSTILE), JSON.parse(HOSTILE.jsonVersion).version as string]
  .flatMap(text => text.split(/\r\n|\r|\n/))
  .map(line => line.trimStart())
  .filter(line => line.startsWith('::') || line.includes('##['));

/** A server on 127.0.0.1 answering each path with its body (changed between requests through `bodies`), and 404 to others. */
export async function startHostileServer(bodies: Record<string, string>): Promise<{ url: string; bodies: Record<string, string>; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const body = bodies[request.url ?? ''];
    if (body === undefined) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': body.startsWith('{') ? 'application/json' : 'text/plain' }).end(body);
  });
  const port = await freePort();
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    close: () => new Promise<void>(resolve => server.close(() => resolve()))
  };
}

/** A deploy command that prints the hostile output on stdout and stderr, as a Node script. */
export async function hostileDeployCommand(dir: string): Promise<string[]> {
  const script = path.join(dir, 'hostile-deploy.mjs');
  await writeFile(script, `const text = ${JSON.stringify(HOSTILE.deployOutput)};\nprocess.stdout.write(text + '\\n');\nprocess.stderr.write(text + '\\n');\n`);
  return [process.execPath, script];
}

/** The command name of a line as the runner parses it (`::name ...::data`, or the legacy `##[name ...]data` anywhere); null for text. */
function parsed(line: string): { name: string; data: string } | null {
  const trimmed = line.trimStart();
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2);
    if (end >= 0) return { name: trimmed.slice(2, end).split(' ')[0] as string, data: trimmed.slice(end + 2) };
  }
  const legacy = line.indexOf('##[');
  const close = legacy >= 0 ? line.indexOf(']', legacy) : -1;
  if (close >= 0) return { name: line.slice(legacy + 3, close).split(' ')[0] as string, data: line.slice(close + 1) };
  return null;
}

/**
 * The lines of a step's output that the Actions runner would process as workflow commands, by its
 * rules: a line ends at \n, \r\n or a lone \r; after `::stop-commands::<token>` no line is a command
 * until one named by the token.
 */
export function commandLines(output: string): string[] {
  const found: string[] = [];
  let stopToken: string | null = null;
  for (const line of output.split(/\r\n|\r|\n/)) {
    const command = parsed(line);
    if (!command) continue;
    if (stopToken !== null) {
      if (command.name.toLowerCase() !== stopToken.toLowerCase()) continue;
      stopToken = null;
    } else if (command.name === 'stop-commands') {
      stopToken = command.data;
    }
    found.push(line);
  }
  return found;
}

/** Commands cutover writes itself; a pause of commands only with a token of its own making. */
const CUTOVER_COMMAND = /^::(group::|endgroup::$|debug::|warning::|error::|notice::|stop-commands::[0-9a-f]{32}$|[0-9a-f]{32}::$)/;

/** Command lines of a step's output that cutover did not write (it masks only `secrets`): empty when no outside text got through. */
export function foreignCommands(output: string, secrets: readonly string[] = []): string[] {
  const masks = new Set(secrets.map(secret => `::add-mask::${secret}`));
  return commandLines(output).filter(line => !(CUTOVER_COMMAND.test(line) || masks.has(line)) || HOSTILE_LINES.includes(line.trimStart()));
}

/** Characters a terminal or the runner would act on, other than line feeds. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_OR_ESCAPE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * A release setup whose outside text is hostile: blue's version is the plain-text one, green's (the
 * idle color's) the JSON one and its health URL answers 200 with the hostile health body; the
 * deploy command prints the hostile output. Traffic goes through cutover's in-process proxy.
 */
export interface HostileSetup {
  dir: string;
  config: string;
  hostile: Awaited<ReturnType<typeof startHostileServer>>;
  proxy: ProxyServer;
  stop: () => Promise<void>;
}

export async function hostileSetup(): Promise<HostileSetup> {
  const { dir, remove } = await tempDir();
  const apps = await startUpstreams();
  const proxy = await startProxyServer(await freePort(), await freePort());
  const hostile = await startHostileServer({ '/plain': HOSTILE.plainVersion, '/json': HOSTILE.jsonVersion, '/healthz': HOSTILE.healthBody });
  const config = path.join(dir, 'cutover.yml');
  await writeFile(
    config,
    `service: shop
colors:
  blue:  { upstream: ${apps.blue}, health: http://${apps.blue}/healthz, version: ${hostile.url}/plain }
  green: { upstream: ${apps.green}, health: ${hostile.url}/healthz, version: ${hostile.url}/json }
router: { kind: proxy, admin: ${proxy.admin}, probe: ${proxy.url} }
health: { timeout: 3s, interval: 50ms, max-interval: 500ms }
deploy: { command: ${JSON.stringify(await hostileDeployCommand(dir))} }
`
  );
  const init = await cli(['init', '--live', 'blue', '--config', config]);
  if (init.code !== 0) throw new Error(init.err);
  return {
    dir,
    config,
    hostile,
    proxy,
    stop: async () => {
      await hostile.close();
      await proxy.close();
      await apps.stop();
      await remove();
    }
  };
}
