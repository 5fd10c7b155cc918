import { COLORS, otherColor, type Color } from '../../../core/color.js';
import { ReleaseError } from '../../../shared/errors.js';
import type { RouterState } from '../../../core/router-state.js';
import { COOKIE_ATTRIBUTES } from '../common/affinity.js';
import { COLOR_HEADER, GENERATION_HEADER, generationOf } from '../common/confirm.js';
import type { Affinity } from '../router.js';

/**
 * The map, in either mode, from the client's cookies to `$<upstream>_affinity`,
 * the color its affinity cookie names (empty without one). The name is matched
 * exactly, case and all, as RFC 6265 compares names.
 */
export function affinityMap(upstream: string, affinity: Affinity): string[] {
  const name = affinity.cookie.replace(/[^A-Za-z0-9_]/g, '\\$&');
  return [
    `# Session affinity (traffic.affinity): the cookie ${affinity.cookie} names the color a client landed on.`,
    `map $http_cookie $${upstream}_affinity {`,
    '    default "";',
    `    "~(^|;)\\s*${name}=(blue|green)\\s*(;|$)" $2;`,
    '}'
  ];
}

/** The affinity a body was written with, from the line `affinityMap` starts with; the body's read-back proves the rest. */
export function affinityIn(body: string): Affinity | undefined {
  const cookie = /^# Session affinity \(traffic\.affinity\): the cookie (\S+) names /m.exec(body)?.[1];
  return cookie === undefined ? undefined : { cookie };
}

/**
 * mode reload cannot honour a cookie inside the split upstream (open-source
 * nginx has no `sticky`), so the location proxies to `$<upstream>_route`:
 * a color's own upstream for a client whose cookie names a color with
 * traffic, the split for everyone else. Regenerated on every switch, as
 * weights decide which cookies count.
 */
function reloadAffinity(state: RouterState, affinity: Affinity): string[] {
  const upstream = String(state.settings.upstream);
  const weighted = COLORS.filter(color => state.weights[color] > 0);
  const setCookie = (answered: Color, sent: string) => `    "${answered} ${sent}" "${affinity.cookie}=${answered}; ${COOKIE_ATTRIBUTES}";`;
  return [
    ...affinityMap(upstream, affinity),
    ...COLORS.flatMap(color => [`upstream ${upstream}_${color} {`, `    server ${state.endpoints[color]};`, '}']),
    `# proxy_pass http://$${upstream}_route; a cookie naming a color at 0% counts for nothing, so its client moves.`,
    `map $${upstream}_affinity $${upstream}_route {`,
    `    default ${upstream};`,
    ...weighted.map(color => `    ${color} ${upstream}_${color};`),
    '}',
    '# The cookie names the color that answered, sent when the client named none or another,',
    '# on an answer marked private, so that no shared cache hands it to other clients.',
    `map "$${upstream}_color $${upstream}_affinity" $${upstream}_set_cookie {`,
    '    default "";',
    ...COLORS.flatMap(color => [setCookie(color, ''), setCookie(color, otherColor(color))]),
    '}',
    `map $${upstream}_set_cookie $${upstream}_cache_control {`,
    '    default private;',
    '    "" "";',
    '}',
    `add_header Set-Cookie $${upstream}_set_cookie always;`,
    `add_header Cache-Control $${upstream}_cache_control always;`
  ];
}

/**
 * The body of the generated file in `router.mode: reload`: a plain upstream
 * with a weight per color, which nginx takes up when it is reloaded.
 */
export function renderNginx(state: RouterState, affinity?: Affinity): string {
  const upstream = String(state.settings.upstream);
  const line = (color: Color) => {
    const weight = state.weights[color];
    // nginx refuses weight=0; a color without traffic is marked down instead.
    const share = weight === 0 ? 'down' : `weight=${weight}`;
    return `    server ${state.endpoints[color]} ${share}; # ${color}`;
  };
  const match = (endpoint: string) => `"~(^|, )${endpoint.replace(/[.[\]]/g, '\\$&')}$"`;
  const generation = generationOf(state);
  return [
    `upstream ${upstream} {`,
    ...COLORS.map(line),
    '}',
    '',
    '# Which color and which generated state answered, for clients and for cutover itself.',
    `map $upstream_addr $${upstream}_color {`,
    '    default "";',
    ...COLORS.map(color => `    ${match(state.endpoints[color])} ${color};`),
    '}',
    `map $upstream_addr $${upstream}_generation {`,
    '    default "";',
    ...COLORS.map(color => `    ${match(state.endpoints[color])} ${generation};`),
    '}',
    `add_header ${COLOR_HEADER} $${upstream}_color always;`,
    `add_header ${GENERATION_HEADER} $${upstream}_generation always;`,
    ...(affinity ? ['', ...reloadAffinity(state, affinity)] : []),
    ''
  ].join('\n');
}

/** The state and affinity a reload-mode body describes; refuses a body that does not render back to itself. */
export function parseReloadBody(body: string, file: string): { state: RouterState; affinity?: Affinity } {
  const upstream = /^upstream (\S+) \{$/m.exec(body)?.[1];
  const endpoints: Partial<Record<Color, string>> = {};
  const weights: Partial<Record<Color, number>> = {};
  for (const match of body.matchAll(/^ {4}server (\S+) (down|weight=(\d+)); # (blue|green)$/gm)) {
    const color = match[4] as Color;
    endpoints[color] = match[1] as string;
    weights[color] = match[2] === 'down' ? 0 : Number(match[3]);
  }
  if (!upstream || endpoints.blue === undefined || endpoints.green === undefined) {
    throw new ReleaseError(`${file}: cannot find the upstream and both colors in the generated file. Restore it from a backup.`);
  }
  const state: RouterState = {
    kind: 'nginx',
    endpoints: endpoints as Record<Color, string>,
    weights: weights as Record<Color, number>,
    settings: { upstream }
  };
  const affinity = affinityIn(body);
  if (renderNginx(state, affinity) !== body) {
    throw new ReleaseError(`${file}: the generated file does not read back to the state it describes. Restore it from a backup.`);
  }
  return affinity ? { state, affinity } : { state };
}
