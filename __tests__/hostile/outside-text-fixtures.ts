import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { startProxyServer, type ProxyServer } from '../../src/demo/proxy-server.js';
import { freePort } from '../../src/shared/io/ports.js';
import { cli } from '../support/cli.js';
import { startUpstreams, tempDir } from '../support/servers.js';

/**
 * Lines any outside source may send, with a payload naming the source so that a leak says where it
 * came from: every kind of workflow command (new style with properties, legacy, after a carriage
 * return, indented, a pause of its own) and terminal escapes.
 */
export function hostileText(source: string): string {
  const payload = `pwned-${source}`;
  return [
    `::add-mask::${payload}`,
    `::set-output name=live-color::${payload}`,
    `::warning file=cutover.yml,line=1::${payload}`,
    `::group::${payload}`,
    `##[error]${payload} legacy`,
    `waiting\r::stop-commands::${payload}`,
    `  ::error::${payload} indented`,
    `\x1b[31m${payload}\x1b[0m \x1b]0;${payload}\x07 \x1b]52;c;cHduZWQ=\x07 \u202e${payload} \x07bell`
  ].join('\n');
}

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
  ].join('\n'),
  /** What the command router's read and switch programs print, and what a failing switch says on stderr. */
  routerOutput: hostileText('router'),
  switchFailure: hostileText('switch-failure'),
  /** The body of an approval issue comment, and the login GitHub names as its author. */
  approvalReason: hostileText('approval'),
  approverLogin: `lead\n::add-mask::pwned-login\r::warning::pwned-login\x1b[31m`,
  /** Prometheus: a query's `error`, and label values of the series it returns. */
  prometheusError: hostileText('prometheus-error'),
  prometheusLabel: hostileText('prometheus-label'),
  /** A body served with an error status. */
  errorBody: hostileText('error-body')
};

/** Every line of the hostile texts as the runner would split it: none may reach it as a command. */
export const HOSTILE_LINES: readonly string[] = [...Object.values(HOSTILE), JSON.parse(HOSTILE.jsonVersion).version as string]
  .flatMap(text => text.split(/\r\n|\r|\n/))
  .map(line => line.trimStart())
  .filter(line => line.startsWith('::') || line.includes('##['));

/**
 * A server on 127.0.0.1 answering each path with its body and status (200 unless `statuses` says
 * otherwise; both can change between requests), and 404 to others.
 */
export async function startHostileServer(
  bodies: Record<string, string>
): Promise<{ url: string; bodies: Record<string, string>; statuses: Record<string, number>; close: () => Promise<void> }> {
  const statuses: Record<string, number> = {};
  const server = http.createServer((request, response) => {
    const body = bodies[request.url ?? ''];
    if (body === undefined) return response.writeHead(404).end();
    const status = statuses[request.url ?? ''] ?? 200;
    response.writeHead(status, { 'content-type': body.startsWith('{') ? 'application/json' : 'text/plain' }).end(body);
  });
  const port = await freePort();
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    statuses,
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

/** Commands cutover writes itself (annotations may carry properties, like a title); a pause of commands only with a token of its own making. */
const CUTOVER_COMMAND = /^::(group::|endgroup::$|debug::|(warning|error|notice)( [^:]*)?::|stop-commands::[0-9a-f]{32}$|[0-9a-f]{32}::$)/;

/** The lines cutover did not write as commands (it masks only `secrets`). */
function notCutovers(lines: readonly string[], secrets: readonly string[]): string[] {
  const masks = new Set(secrets.map(secret => `::add-mask::${secret}`));
  return lines.filter(line => !(CUTOVER_COMMAND.test(line) || masks.has(line)) || HOSTILE_LINES.includes(line.trimStart()));
}

/** Command lines of a step's output that cutover did not write: empty when no outside text got through. */
export function foreignCommands(output: string, secrets: readonly string[] = []): string[] {
  return notCutovers(commandLines(output), secrets);
}

/**
 * Lines of a step's output that start with `::` (after leading whitespace) and that cutover did not
 * write, even inside a pause of commands: outside text is shown as one line, never as a line of its own.
 */
export function foreignCommandLines(output: string, secrets: readonly string[] = []): string[] {
  return notCutovers(output.split(/\r\n|\r|\n/).filter(line => line.trimStart().startsWith('::')), secrets);
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
