import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Secrets } from '../../src/shared/secrets.js';
import { BadInputError, ReleaseError } from '../../src/shared/errors.js';
import type { RouterState } from '../../src/core/router-state.js';
import { headerValue, httpGet } from '../../src/shared/io/http.js';
import { terminalLogger } from '../../src/shared/logging/logger.js';
import { cookieNameProblem, validCookieName } from '../../src/adapters/routers/common/affinity.js';
import { createNginxRouter } from '../../src/adapters/routers/nginx/router.js';
import { nginxOptionsSchema } from '../../src/adapters/routers/nginx/options.js';
import { readNginxFile, renderNginxFile, type NginxLayout } from '../../src/adapters/routers/nginx/file.js';
import type { Affinity } from '../../src/adapters/routers/router.js';
import { describeWithNginxLua, startRig, type NginxRig } from './nginx-setup.js';

const COOKIE = 'cutover_color';
const affinity: Affinity = { cookie: COOKIE };

describe('the affinity cookie name', () => {
  it('accepts RFC 6265 tokens and refuses the rest', () => {
    for (const name of ['cutover_color', 'c', 'a-b.c', "!#$%&'*+-.^_`|~09AZaz"]) expect(validCookieName(name)).toBe(true);
    for (const name of ['', 'my cookie', 'a=b', 'a;b', 'a,b', '"a"', 'a/b', 'a{b}', 'é', 'a\tb']) expect(validCookieName(name)).toBe(false);
  });

  it('says what is wrong, naming the field, the value and the fix', () => {
    expect(cookieNameProblem('cutover_color')).toBeNull();
    expect(cookieNameProblem('my color')).toMatch(/^traffic\.affinity\.cookie: expected a cookie name \(an RFC 6265 token.*got "my color"\. Choose a name like cutover_color\.$/);
  });

  it('is refused before the nginx router touches anything', () => {
    const options = nginxOptionsSchema.parse({ kind: 'nginx', file: 'shop.conf', probe: 'http://127.0.0.1:8080/' });
    const context = (cookie: string) => ({
      service: 'shop',
      endpoints: { blue: '127.0.0.1:8081', green: '127.0.0.1:8082' },
      baseDir: '/nonexistent',
      logger: terminalLogger({ write: () => undefined, redact: text => text }),
      secrets: new Secrets({}, () => {}),
      affinity: { cookie }
    });
    expect(() => createNginxRouter(options, context('a b'))).toThrow(BadInputError);
    expect(() => createNginxRouter(options, context('a b'))).toThrow(/^traffic\.affinity\.cookie: .*got "a b"/);
    // add_header would read the $ as a variable; the Lua balancer writes the cookie itself.
    expect(() => createNginxRouter(options, context('a$b'))).toThrow(/^traffic\.affinity\.cookie: router\.mode reload .* got "a\$b"\. Choose a name without \$, or use router\.mode lua\.$/);
    const lua = nginxOptionsSchema.parse({ kind: 'nginx', file: 'shop.conf', probe: 'http://127.0.0.1:8080/', mode: 'lua', admin: '127.0.0.1:9901' });
    expect(createNginxRouter(lua, context('a$b')).kind).toBe('nginx');
  });
});

describe('the generated nginx file with affinity', () => {
  const state = (blue: number): RouterState => ({
    kind: 'nginx',
    endpoints: { blue: '127.0.0.1:8081', green: '[::1]:8082' },
    weights: { blue, green: 100 - blue },
    settings: { upstream: 'cutover_shop' }
  });
  const layouts: NginxLayout[] = [
    { mode: 'reload', affinity },
    { mode: 'lua', admin: '127.0.0.1:9901', affinity: { cookie: "a.b$c'd" } }
  ];

  it('reads back to the state and the layout, affinity included, in either mode', () => {
    for (const layout of layouts) {
      for (const blue of [100, 90, 50, 0]) expect(readNginxFile(renderNginxFile(state(blue), layout), 'f')).toEqual({ state: state(blue), layout });
      const without: NginxLayout = layout.mode === 'lua' ? { mode: 'lua', admin: layout.admin } : { mode: 'reload' };
      expect(readNginxFile(renderNginxFile(state(50), without), 'f')).toEqual({ state: state(50), layout: without });
      expect(readNginxFile(renderNginxFile(state(50), without), 'f').layout).not.toHaveProperty('affinity');
    }
  });

  it('in mode reload, routes only cookies that name a color with traffic', () => {
    const route = (blue: number) => /map \$cutover_shop_affinity \$cutover_shop_route \{\n([^}]*)\}/.exec(renderNginxFile(state(blue), layouts[0]))?.[1];
    expect(route(50)).toBe('    default cutover_shop;\n    blue cutover_shop_blue;\n    green cutover_shop_green;\n');
    expect(route(0)).toBe('    default cutover_shop;\n    green cutover_shop_green;\n');
  });
});

/** One client's visit: which color answered, and the affinity cookie (`name`) it was given, if any. */
async function visit(url: string, name: string, cookies?: string): Promise<{ color: string; setCookie: string | undefined }> {
  const response = await httpGet(url, { timeoutMs: 5000, headers: cookies ? { cookie: cookies } : {} });
  expect(response.status).toBe(200);
  const color = (JSON.parse(response.body) as { color: string }).color;
  expect(headerValue(response.headers, 'x-cutover-color')).toBe(color);
  const setCookie = response.headers['set-cookie']?.find(line => line.startsWith(`${name}=`));
  // An answer that sets the cookie must not be shared by a cache.
  expect(headerValue(response.headers, 'cache-control')).toBe(setCookie === undefined ? undefined : 'private');
  return { color, setCookie };
}

/** `count` visits sending `cookies`, tallied as "<color answered>" or "<color answered>, told <color its cookie names>". */
async function visits(url: string, name: string, count: number, cookies?: string): Promise<Record<string, number>> {
  const tally: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const { color, setCookie } = await visit(url, name, cookies);
    const key = setCookie === undefined ? color : `${color}, told ${setCookie.slice(name.length + 1).split(';')[0]}`;
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return tally;
}

describeWithNginxLua('nginx session affinity on a real nginx', () => {
  let rig: NginxRig;
  const settings = (mode: 'reload' | 'lua') => (mode === 'lua' ? { mode, admin: rig.admin } : {});

  beforeEach(async () => {
    rig = await startRig();
  });

  afterEach(async () => {
    await rig.stop();
  });

  // Names with characters a regular expression would read as its own: the cookie must match by name, exactly.
  describe.each([
    ['reload', 'cutover.color'],
    ['lua', "cutover$color'"]
  ] as const)('mode %s', (mode, name) => {
    it(`keeps a blue client on blue and a green client on green through 90/10, 75/25 and 50/50, and moves both at 0/100 (cookie ${name})`, async () => {
      if (mode === 'reload') await rig.proxyThroughRoute();
      const router = rig.router(settings(mode), { cookie: name });
      await router.initialize(rig.state(100));

      // A new client learns the color that answered it.
      expect(await visit(rig.nginx.url, name)).toEqual({ color: 'blue', setCookie: `${name}=blue; Path=/; HttpOnly; SameSite=Lax` });

      // Cookies as browsers send them, among others, some with names only like ours.
      const blue = `x${name}=green; ${name.replace(/[^A-Za-z0-9]/g, 'X')}=green; ${name}=blue`;
      const green = `theme=dark; ${name}=green; session=abc`;
      let current = rig.state(100);
      for (const share of [90, 75, 50]) {
        await router.apply(current, rig.state(share));
        current = rig.state(share);
        expect(await visits(rig.nginx.url, name, 40, blue)).toEqual({ blue: 40 });
        expect(await visits(rig.nginx.url, name, 40, green)).toEqual({ green: 40 });
      }
      const newcomers = await visits(rig.nginx.url, name, 40);
      expect(Object.keys(newcomers).sort()).toEqual(['blue, told blue', 'green, told green']);

      // At 0% blue honours no cookie: its clients move to green, and are told so.
      await router.apply(current, rig.state(0));
      expect(await visits(rig.nginx.url, name, 20, blue)).toEqual({ 'green, told green': 20 });
      expect(await visits(rig.nginx.url, name, 20, green)).toEqual({ green: 20 });
      expect(await router.read()).toEqual(rig.state(0));
    });

    it("adds the cookie to the application's own Set-Cookie and Cache-Control headers, never in their place", async () => {
      for (const server of rig.apps.servers) {
        server.prependListener('request', (_request: IncomingMessage, response: ServerResponse) => {
          response.setHeader('set-cookie', ['session=abc; Path=/', 'theme=dark']);
          response.setHeader('cache-control', 'no-store');
        });
      }
      await rig.router(settings(mode), affinity).initialize(rig.state(100));
      const response = await httpGet(rig.nginx.url, { timeoutMs: 5000 });
      expect([...(response.headers['set-cookie'] ?? [])].sort()).toEqual([`${COOKIE}=blue; Path=/; HttpOnly; SameSite=Lax`, 'session=abc; Path=/', 'theme=dark']);
      expect(headerValue(response.headers, 'cache-control')).toBe('no-store, private');
    });

    it('without affinity, a cookie changes nothing and none is set', async () => {
      const router = rig.router(settings(mode));
      await router.initialize(rig.state(100));
      await router.apply(rig.state(100), rig.state(50));
      const served = await visits(rig.nginx.url, COOKIE, 60, `${COOKIE}=blue`);
      expect(Object.keys(served).sort()).toEqual(['blue', 'green']);
    });

    it('turns affinity on for a file written without it, and off again', async () => {
      await rig.router(settings(mode)).initialize(rig.state(100));
      if (mode === 'reload') await rig.proxyThroughRoute();
      await rig.router(settings(mode), affinity).apply(rig.state(100), rig.state(50));
      expect(readNginxFile(await readFile(rig.nginx.routerFile, 'utf8'), 'f').layout.affinity).toEqual(affinity);
      expect(await visits(rig.nginx.url, COOKIE, 20, `${COOKIE}=green`)).toEqual({ green: 20 });
      if (mode === 'lua') expect(rig.log.join('')).toMatch(/written for mode lua, admin listener \S+, and router settings ask for mode lua, admin listener \S+, session affinity on the cookie cutover_color: .*reloading nginx this once/);

      const plain = rig.router(settings(mode));
      if (mode === 'reload') {
        // The location still proxies to $cutover_shop_route, which only a file with affinity defines.
        const before = await readFile(rig.nginx.routerFile, 'utf8');
        await expect(plain.apply(rig.state(50), rig.state(100))).rejects.toThrow(/nginx refused the new configuration; the previous file is back in place[^]*cutover_shop_route/);
        expect(await readFile(rig.nginx.routerFile, 'utf8')).toBe(before);
        expect(rig.log.join('')).toMatch(/must proxy to cutover_shop again first/);
        await rig.proxyThroughRoute(false);
      }
      await plain.apply(rig.state(50), rig.state(100));
      expect(readNginxFile(await readFile(rig.nginx.routerFile, 'utf8'), 'f').layout).not.toHaveProperty('affinity');
      expect(await visits(rig.nginx.url, COOKIE, 10, `${COOKIE}=green`)).toEqual({ blue: 10 });
      expect(await visits(rig.nginx.url, COOKIE, 10)).toEqual({ blue: 10 });
    });
  });

  it('mode reload: refuses a split the location does not route by cookie, naming the fix, and puts the previous state back', async () => {
    // The rig's location proxies straight to the split upstream.
    const router = rig.router({ confirm: { timeout: '1s', interval: '20ms' } }, affinity);
    await router.initialize(rig.state(100));
    const before = await readFile(rig.nginx.routerFile, 'utf8');
    const refusal = router.apply(rig.state(100), rig.state(50));
    await expect(refusal).rejects.toThrow(ReleaseError);
    await expect(refusal).rejects.toThrow(
      /does not keep clients on their color \(traffic\.affinity\).*: a client whose cookie names (blue|green) was answered by (blue|green)\. With router\.mode reload, the location must proxy_pass http:\/\/\$cutover_shop_route[^]*The previous state is back in place and served\./
    );
    expect(await readFile(rig.nginx.routerFile, 'utf8')).toBe(before);
    expect(await visits(rig.nginx.url, COOKIE, 10)).toEqual({ 'blue, told blue': 10 });
  });
});
