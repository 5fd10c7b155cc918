import { parseConfig } from '../../src/config/load.js';
import { refusalOf } from '../support/refusal.js';

const VALID = `
service: shop-api
colors:
  blue:  { upstream: 127.0.0.1:8081, health: http://127.0.0.1:8081/healthz }
  green: { upstream: 127.0.0.1:8082, health: http://127.0.0.1:8082/healthz }
router:
  kind: nginx
  file: /etc/nginx/cutover/shop-api.conf
  probe: http://127.0.0.1/healthz
`;

const problemsOf = (text: string, overrides = []) => refusalOf(() => parseConfig(text, 'cutover.yml', overrides));

describe('parseConfig', () => {
  it('fills defaults for a minimal valid config', () => {
    const config = parseConfig(VALID, 'cutover.yml');
    expect(config.service).toBe('shop-api');
    expect(config.environment).toBe('production');
    expect(config.router).toMatchObject({ kind: 'nginx', test: ['nginx', '-t', '-q'], reload: ['nginx', '-s', 'reload'] });
    expect(config.health).toMatchObject({ timeout: 120_000, interval: 1000, 'expect-status': [200] });
  });

  it('reports every mistake at once with its path and line', () => {
    const text = VALID.replace('127.0.0.1:8081,', '10.0.0.1,').replace('kind: nginx', 'kind: nginx\n  relaod: [nginx, -s, reload]').replace('service: shop-api', 'service: Shop API');
    const message = problemsOf(text);
    expect(message).toMatch(/has 3 problems/);
    expect(message).toMatch(/service \(line 2\): expected a lowercase name.*got "Shop API"/);
    expect(message).toMatch(/colors\.blue\.upstream \(line 4\): expected host:port.*got "10\.0\.0\.1"/);
    expect(message).toMatch(/router\.relaod \(line 8\): unknown key; did you mean "reload"\?/);
  });

  it('suggests the router kind that was probably meant', () => {
    expect(problemsOf(VALID.replace('kind: nginx', 'kind: ngnix'))).toMatch(/router\.kind.*expected one of nginx, haproxy, command, proxy, evm-proxy, got "ngnix"; did you mean "nginx"\?/);
  });

  it('refuses a command written as one string, so no shell parses it', () => {
    const message = problemsOf(`${VALID}deploy:\n  command: ./deploy.sh --color green\n`);
    expect(message).toMatch(/deploy\.command \(line \d+\): expected a list of arguments/);
  });

  it('refuses two colors on the same address', () => {
    expect(problemsOf(VALID.replace('127.0.0.1:8082,', '127.0.0.1:8081,'))).toMatch(/colors\.green\.upstream.*same as colors\.blue\.upstream/);
  });

  it('names the flag when an override is wrong', () => {
    const message = problemsOf(VALID, [{ path: ['health', 'timeout'], value: 'soon', label: '--health-timeout' }] as never);
    expect(message).toMatch(/--health-timeout \(health\.timeout\): expected a duration with a unit.*got "soon"/);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problemsOf('service: [shop\ncolors: {')).toMatch(/not valid YAML:\n\s+line \d+, column \d+/);
  });

  it('accepts env references and refuses malformed ones', () => {
    expect(parseConfig(`${VALID}health:\n  headers: { Authorization: env:HEALTH_TOKEN }\n`, 'c').health.headers).toEqual({ Authorization: 'env:HEALTH_TOKEN' });
    expect(problemsOf(`${VALID}health:\n  headers: { Authorization: "env:bad name" }\n`)).toMatch(/health\.headers\.Authorization.*env:NAME/);
  });
});
