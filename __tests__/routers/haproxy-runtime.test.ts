import { DriftError, ReleaseError } from '../../src/shared/errors.js';
import { haproxyOptionsSchema } from '../../src/adapters/routers/haproxy/options.js';
import { parseHaproxyFile, renderHaproxyFile, type HaproxyBackend } from '../../src/adapters/routers/haproxy/config.js';
import { inFlightOf, parseServersState, parseStat, socketTarget, weightCommands, withoutBackend } from '../../src/adapters/routers/haproxy/runtime.js';

// As HAProxy 2.6 prints it: green drained over the socket, blue named by host name.
const STATE = `1
# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight srv_iweight srv_time_since_last_change srv_check_status srv_check_result srv_check_health srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord srv_use_ssl srv_check_port srv_check_addr srv_agent_addr srv_agent_port
3 cutover_shop 1 blue 127.0.0.1 2 0 100 100 6 1 0 2 0 0 0 0 localhost 18081 - 0 0 - - 0
3 cutover_shop 2 green ::1 2 8 50 0 0 1 0 2 0 0 0 0 - 18082 - 0 0 - - 0
4 other 1 web1 10.0.0.5 0 1 7 7 0 1 0 0 0 0 0 0 - 80 - 0 0 - - 0

`;

describe("HAProxy's runtime answers", () => {
  it('reads show servers state by column name: weight, drain, maintenance and the address as configured', () => {
    expect(parseServersState(STATE)).toEqual([
      { backend: 'cutover_shop', name: 'blue', endpoint: 'localhost:18081', weight: 100, admin: 'ready' },
      { backend: 'cutover_shop', name: 'green', endpoint: '[::1]:18082', weight: 50, admin: 'drain' },
      { backend: 'other', name: 'web1', endpoint: '10.0.0.5:80', weight: 7, admin: 'maint' }
    ]);
  });

  it('does not depend on the order of the columns', () => {
    const shuffled = '1\n# srv_uweight srv_name srv_port be_name srv_admin_state srv_addr\n25 blue 8081 b 0 127.0.0.1\n';
    expect(parseServersState(shuffled)).toEqual([{ backend: 'b', name: 'blue', endpoint: '127.0.0.1:8081', weight: 25, admin: 'ready' }]);
  });

  it('refuses an answer without the columns it needs, quoting it', () => {
    expect(() => parseServersState("Can't find backend.\n\n", 'HAProxy at x')).toThrow(ReleaseError);
    expect(() => parseServersState("Can't find backend.\n\n", 'HAProxy at x')).toThrow(/HAProxy at x: "show servers state" answered without the column\(s\) be_name.*\nCan't find backend\./s);
  });

  it('keeps the state file format when leaving one backend out', () => {
    const kept = withoutBackend(STATE, 'cutover_shop');
    expect(kept.split('\n')).toEqual([STATE.split('\n')[0], STATE.split('\n')[1], STATE.split('\n')[4], '']);
    expect(parseServersState(kept).map(s => s.backend)).toEqual(['other']);
  });

  it('counts sessions being served and queued on one server from show stat', () => {
    const stat = '# pxname,svname,qcur,qmax,scur,smax\ncutover_shop,blue,1,0,3,9\ncutover_shop,green,0,0,0,0\n\n';
    expect(inFlightOf(parseStat(stat), 'cutover_shop', 'blue')).toBe(4);
    expect(inFlightOf(parseStat(stat), 'cutover_shop', 'green')).toBe(0);
    expect(inFlightOf(parseStat(stat), 'cutover_shop', 'purple')).toBeNull();
    expect(parseStat('No such proxy.\n\n')).toEqual([]);
  });

  it('gives weight to the color gaining traffic before taking it from the other', () => {
    expect(weightCommands('b', { blue: 100, green: 0 }, { blue: 0, green: 100 })).toEqual([
      'set server b/green state ready',
      'set server b/green weight 100',
      'set server b/blue weight 0',
      'set server b/blue state drain'
    ]);
    expect(weightCommands('b', { blue: 10, green: 90 }, { blue: 100, green: 0 })).toEqual([
      'set server b/blue state ready',
      'set server b/blue weight 100',
      'set server b/green weight 0',
      'set server b/green state drain'
    ]);
    expect(weightCommands('b', { blue: 100, green: 0 }, { blue: 90, green: 10 })).toEqual([
      'set server b/green state ready',
      'set server b/green weight 10',
      'set server b/blue state ready',
      'set server b/blue weight 90'
    ]);
  });

  it('takes host:port as a TCP socket and anything else as a path from the config folder', () => {
    expect(socketTarget('127.0.0.1:9999', '/etc/cutover')).toEqual({ host: '127.0.0.1', port: 9999 });
    expect(socketTarget('[::1]:9999', '/etc/cutover')).toEqual({ host: '::1', port: 9999 });
    expect(socketTarget('run/admin.sock', '/etc/cutover')).toEqual({ path: '/etc/cutover/run/admin.sock' });
    expect(socketTarget('/run/haproxy/admin.sock', '/etc/cutover')).toEqual({ path: '/run/haproxy/admin.sock' });
  });
});

describe('the generated HAProxy backend file', () => {
  const backend = (blue: number): HaproxyBackend => ({
    backend: 'cutover_shop',
    endpoints: { blue: '127.0.0.1:8081', green: '[::1]:8082' },
    weights: { blue, green: 100 - blue }
  });

  it('reads back to the backend it was written from', () => {
    for (const blue of [100, 90, 50, 0]) expect(parseHaproxyFile(renderHaproxyFile(backend(blue)), 'f')).toEqual(backend(blue));
  });

  it('holds what weights over the runtime API need, and servers named after the colors', () => {
    const text = renderHaproxyFile(backend(100));
    expect(text).toMatch(/^backend cutover_shop$/m);
    expect(text).toMatch(/^ {4}mode http$/m);
    expect(text).toMatch(/^ {4}balance roundrobin$/m);
    expect(text).toMatch(/^ {4}load-server-state-from-file global$/m);
    expect(text).toMatch(/^ {4}http-response set-header X-Cutover-Color %\[srv_name\]$/m);
    expect(text).toMatch(/^ {4}server blue 127\.0\.0\.1:8081 weight 100$/m);
    expect(text).toMatch(/^ {4}server green \[::1\]:8082 weight 0$/m);
  });

  it('refuses a file edited by hand, naming both digests', () => {
    const edited = renderHaproxyFile(backend(100)).replace('weight 100', 'weight 99');
    expect(() => parseHaproxyFile(edited, 'f')).toThrow(DriftError);
    expect(() => parseHaproxyFile(edited, 'f')).toThrow(/f was edited by hand: its header records sha256:[0-9a-f]{64} but its content hashes to sha256:[0-9a-f]{64}/);
    expect(() => parseHaproxyFile('backend x\n', '/etc/haproxy/x.cfg')).toThrow(/x\.cfg was not generated by cutover/);
  });
});

describe('router.kind haproxy settings', () => {
  const base = { kind: 'haproxy', socket: '/run/haproxy/admin.sock', file: 'cutover.cfg', 'state-file': '/var/lib/haproxy/server-state', probe: 'http://127.0.0.1/' };

  it('fills in defaults: reload with systemd, 5s per command', () => {
    const options = haproxyOptionsSchema.parse(base);
    expect(options).toMatchObject({ reload: ['systemctl', 'reload', 'haproxy'], timeout: 5000, confirm: { responses: 5 } });
    expect(options.test).toBeUndefined();
  });

  it('refuses bad values, naming the field', () => {
    const issues = (extra: Record<string, unknown>) => haproxyOptionsSchema.safeParse({ ...base, ...extra }).error?.issues.map(i => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ socket: '127.0.0.1:70000' })).toEqual(['socket: expected a UNIX socket path, or host:port with a port from 1 to 65535']);
    expect(issues({ reload: 'systemctl reload haproxy' })?.[0]).toMatch(/^reload: expected a list of arguments.*no shell parses it/);
    expect(issues({ backend: 'a b' })).toEqual(['backend: expected an HAProxy backend name: letters, digits, _ . and -']);
    expect(issues({ timeout: 5 })?.[0]).toMatch(/^timeout: expected a duration with a unit/);
    expect(issues({ sockett: 'x' })?.[0]).toMatch(/sockett/);
  });
});
