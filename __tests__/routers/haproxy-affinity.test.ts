import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Secrets } from '../../src/shared/secrets.js';
import { COLORS, type Color } from '../../src/core/color.js';
import { BadInputError } from '../../src/shared/errors.js';
import type { RouterState } from '../../src/core/router-state.js';
import { headerValue, httpGet } from '../../src/shared/io/http.js';
import { terminalLogger } from '../../src/shared/logging/logger.js';
import { sealGenerated } from '../../src/adapters/routers/common/generated-file.js';
import { createHaproxyRouter } from '../../src/adapters/routers/haproxy/router.js';
import { haproxyOptionsSchema } from '../../src/adapters/routers/haproxy/options.js';
import { parseHaproxyFile, renderHaproxy, renderHaproxyFile, type HaproxyBackend } from '../../src/adapters/routers/haproxy/config.js';
import { parseStat } from '../../src/adapters/routers/haproxy/runtime.js';
import { askSocket, describeWithHaproxy, startHaproxySetup, type HaproxySetup } from '../support/haproxy.js';

const COOKIE = 'cutover_color';
const BACKEND = 'cutover_shop';

describe('the generated HAProxy backend file with session affinity', () => {
  const backend = (cookie?: string): HaproxyBackend => ({
    backend: BACKEND,
    endpoints: { blue: '127.0.0.1:8081', green: '127.0.0.1:8082' },
    weights: { blue: 90, green: 10 },
    ...(cookie ? { affinity: { cookie } } : {})
  });

  it('reads the cookie back, and no cookie from a file without one', () => {
    expect(parseHaproxyFile(renderHaproxyFile(backend(COOKIE)), 'f')).toEqual(backend(COOKIE));
    expect(parseHaproxyFile(renderHaproxyFile(backend()), 'f')).toEqual(backend());
    const text = renderHaproxyFile(backend(COOKIE));
    expect(text).toMatch(/^ {4}cookie cutover_color insert indirect nocache httponly attr SameSite=Lax$/m);
    expect(text).toMatch(/^ {4}server blue 127\.0\.0\.1:8081 weight 90 cookie blue$/m);
    expect(renderHaproxyFile(backend())).not.toMatch(/cookie/);
  });

  it('refuses a file whose affinity lines are not all cutover\'s, even re-sealed', () => {
    const withoutIgnore = renderHaproxy(backend(COOKIE)).replace(/^ {4}ignore-persist .*\n/m, '');
    expect(() => parseHaproxyFile(sealGenerated(withoutIgnore), 'f')).toThrow(/f: the generated file does not read back to the state it describes/);
  });

  it('refuses a cookie name that is no RFC 6265 token, or that HAProxy\'s config cannot hold, naming the field, the value and the fix', () => {
    const options = haproxyOptionsSchema.parse({ kind: 'haproxy', socket: '/run/haproxy/admin.sock', file: 'f.cfg', 'state-file': 's', probe: 'http://127.0.0.1/' });
    const create = (cookie: string) => () =>
      createHaproxyRouter(options, {
        service: 'shop',
        endpoints: { blue: '127.0.0.1:1', green: '127.0.0.1:2' },
        baseDir: '/tmp',
        logger: terminalLogger({ write: () => undefined, redact: text => text }),
        secrets: new Secrets({}, () => {}),
        affinity: { cookie }
      });
    expect(create('my color')).toThrow(BadInputError);
    expect(create('my color')).toThrow(/^traffic\.affinity\.cookie: expected a cookie name \(an RFC 6265 token.*got "my color"\. Choose a name like cutover_color\.$/);
    for (const cookie of ['a#b', "it's", '100%']) {
      expect(create(cookie)).toThrow(
        `traffic.affinity.cookie: the haproxy router writes the name into HAProxy's config, which reads # as a comment, ' as a quote and % as a log-format variable; got ${JSON.stringify(cookie)}. Choose a name without them, like cutover_color.`
      );
    }
    expect(create('a!$&*+-.^_`|~Z')).not.toThrow();
  });
});

/** One request on a new connection, with the affinity cookie naming `sent` if given: the color that answered, and the color the answer's cookie names. */
async function visit(url: string, sent?: string): Promise<{ color: string | undefined; cookie: string | undefined }> {
  const response = await httpGet(url, { timeoutMs: 5000, headers: sent ? { cookie: `theme=dark; ${COOKIE}=${sent}` } : {} });
  expect(response.status).toBe(200);
  const line = (response.headers['set-cookie'] ?? []).find(value => value.startsWith(`${COOKIE}=`));
  // HAProxy's own insertion writes path in lower case, cutover's header for a moved client RFC 6265's Path: the same attribute.
  if (line) expect(line).toMatch(/; [Pp]ath=\/; HttpOnly; SameSite=Lax$/);
  return { color: headerValue(response.headers, 'x-cutover-color'), cookie: line?.slice(COOKIE.length + 1).split(';')[0] };
}

/** `count` visits with the cookie naming `sent`, tallied as "green" (kept, no new cookie) or "green, cookie green" (told its color). */
async function visits(url: string, sent: string | undefined, count: number): Promise<Record<string, number>> {
  const tally: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const { color, cookie } = await visit(url, sent);
    const key = cookie === undefined ? String(color) : `${color}, cookie ${cookie}`;
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return tally;
}

describeWithHaproxy('session affinity through a real HAProxy', () => {
  let setup: HaproxySetup;
  let blueLive: RouterState;
  const withWeights = (blue: number, green: number): RouterState => ({ ...blueLive, weights: { blue, green } });
  /** The cookie HAProxy runs backend cutover_shop with, as an operator would ask. */
  const runningCookie = async () => parseStat(await askSocket(setup.haproxy.socket, `show stat ${BACKEND} 2 -1`))[0]?.cookie;

  beforeEach(async () => {
    setup = await startHaproxySetup();
    const { apps } = setup;
    blueLive = { kind: 'haproxy', endpoints: { blue: apps.blue, green: apps.green }, weights: { blue: 100, green: 0 }, settings: { backend: BACKEND } };
  });

  afterEach(() => setup.stop());

  it('keeps each client on its color through 90/10, 75/25 and 50/50, across a reload, and moves everyone at 100%', async () => {
    const { url } = setup.haproxy;
    const router = setup.router({}, { cookie: COOKIE });
    await router.initialize({ ...blueLive, settings: {} });
    expect(await runningCookie()).toBe(COOKIE);

    // One color live: a new client learns it, and a cookie naming the color at 0% moves its client there too.
    expect(await visit(url)).toEqual({ color: 'blue', cookie: 'blue' });
    expect(await visits(url, 'green', 5)).toEqual({ 'blue, cookie blue': 5 });

    await router.apply(blueLive, withWeights(90, 10));
    const landed: Partial<Record<Color, string>> = {};
    for (let i = 0; i < 100 && !(landed.blue && landed.green); i++) {
      const { color, cookie } = await visit(url);
      expect(cookie).toBe(color);
      landed[color as Color] ??= cookie;
    }
    expect(landed).toEqual({ blue: 'blue', green: 'green' });

    let state = withWeights(90, 10);
    for (const next of [withWeights(75, 25), withWeights(50, 50)]) {
      await router.apply(state, next);
      state = next;
      for (const color of COLORS) expect(await visits(url, landed[color], 30)).toEqual({ [color]: 30 });
    }
    await setup.haproxy.reloadAndWait();
    for (const color of COLORS) expect(await visits(url, landed[color], 30)).toEqual({ [color]: 30 });

    await router.apply(state, withWeights(0, 100));
    expect(await visits(url, 'blue', 10)).toEqual({ 'green, cookie green': 10 });
    expect(await visits(url, 'green', 10)).toEqual({ green: 10 });
    expect(await visit(url)).toEqual({ color: 'green', cookie: 'green' });
    await setup.haproxy.reloadAndWait();
    expect(await visits(url, 'blue', 10)).toEqual({ 'green, cookie green': 10 });
  });

  it('turns affinity on at the next switch with one reload, and off again the same way', async () => {
    const { url, routerFile } = setup.haproxy;
    const plain = setup.router();
    await plain.initialize({ ...blueLive, settings: {} });
    const sticky = setup.router({}, { cookie: COOKIE });
    // read() reports the state; the file's affinity is brought in line by the next switch.
    expect(await sticky.read()).toEqual(blueLive);

    let worker = await setup.haproxy.workerPid();
    await sticky.apply(blueLive, withWeights(50, 50));
    expect(await setup.haproxy.workerPid()).not.toBe(worker);
    expect(await runningCookie()).toBe(COOKIE);
    expect(await readFile(routerFile, 'utf8')).toBe(renderHaproxyFile({ backend: BACKEND, endpoints: blueLive.endpoints, weights: { blue: 50, green: 50 }, affinity: { cookie: COOKIE } }));
    expect(await visits(url, 'green', 20)).toEqual({ green: 20 });

    // The next switch with the same settings does not reload again.
    worker = await setup.haproxy.workerPid();
    await sticky.apply(withWeights(50, 50), withWeights(40, 60));
    expect(await setup.haproxy.workerPid()).toBe(worker);

    await plain.apply(withWeights(40, 60), withWeights(50, 50));
    expect(await setup.haproxy.workerPid()).not.toBe(worker);
    expect(await runningCookie()).toBe('');
    expect(await readFile(routerFile, 'utf8')).toBe(renderHaproxyFile({ backend: BACKEND, endpoints: blueLive.endpoints, weights: { blue: 50, green: 50 } }));
    // Without affinity, a cookie counts for nothing and none is set.
    expect(await visits(url, 'green', 20)).toEqual({ blue: 10, green: 10 });
  });

  it('puts the file back and changes nothing when HAProxy refuses the config with affinity', async () => {
    const plain = setup.router();
    await plain.initialize({ ...blueLive, settings: {} });
    const before = await readFile(setup.haproxy.routerFile, 'utf8');
    const worker = await setup.haproxy.workerPid();
    const failing = path.join(setup.dir, 'refuse.sh');
    await writeFile(failing, '#!/bin/sh\necho "[ALERT] config: refused for the test" >&2\nexit 1\n', { mode: 0o755 });

    const refused = setup.router({ test: [failing] }, { cookie: COOKIE }).apply(blueLive, withWeights(90, 10));
    await expect(refused).rejects.toThrow(/HAProxy refused the configuration with .*cutover_shop\.cfg; the previous .*cutover_shop\.cfg was put back and HAProxy was not reloaded\.\n.*refused for the test/s);
    expect(await readFile(setup.haproxy.routerFile, 'utf8')).toBe(before);
    expect(await setup.haproxy.workerPid()).toBe(worker);
    expect(await plain.read()).toEqual(blueLive);
    expect(await runningCookie()).toBe('');
  });

  it('takes a cookie name with every token character HAProxy reads literally', async () => {
    const cookie = 'a!$&*+-.^_`|~Z';
    const router = setup.router({}, { cookie });
    // Both confirm, with cookies of this name, that a new client learns its color, a client stays on a color with traffic, and one at 0% moves.
    await router.initialize({ ...blueLive, settings: {} });
    await router.apply(blueLive, withWeights(50, 50));
    expect(await runningCookie()).toBe(cookie);
    const answer = await httpGet(setup.haproxy.url, { timeoutMs: 5000, headers: { cookie: `${cookie}=green` } });
    expect(headerValue(answer.headers, 'x-cutover-color')).toBe('green');
  });
});
