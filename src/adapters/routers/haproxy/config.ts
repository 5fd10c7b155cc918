import { COLORS, type Color } from '../../../core/color.js';
import { ReleaseError } from '../../../shared/errors.js';
import type { Weights } from '../../../core/weights.js';
import { COOKIE_ATTRIBUTES, cookieNameProblem } from '../common/affinity.js';
import { COLOR_HEADER } from '../common/confirm.js';
import { sealGenerated, unsealGenerated } from '../common/generated-file.js';
import type { Affinity } from '../router.js';

/** What the backend file cutover owns describes. */
export interface HaproxyBackend {
  backend: string;
  endpoints: Record<Color, string>;
  weights: Weights;
  /** Session affinity (traffic.affinity); absent without. */
  affinity?: Affinity;
}

/** What is wrong with `traffic.affinity.cookie` for HAProxy, with the fix; null when nothing is. */
export function haproxyCookieProblem(name: string): string | null {
  const problem = cookieNameProblem(name);
  if (problem !== null || !/[#'%]/.test(name)) return problem;
  return (
    `traffic.affinity.cookie: the haproxy router writes the name into HAProxy's config, which reads # as a comment, ' as a quote and % as a log-format variable; ` +
    `got ${JSON.stringify(name)}. Choose a name without them, like cutover_color.`
  );
}

// HAProxy's own cookie insertion; the header cutover sets itself when a client moves has the same attributes as nginx's.
const COOKIE_OPTIONS = 'insert indirect nocache httponly attr SameSite=Lax';
const MOVED = 'var(txn.cutover_moved) -m bool';

/**
 * HAProxy's cookie persistence, except for a color at weight 0: HAProxy honours
 * a cookie even for a server at weight 0 or drained, so ignore-persist drops
 * it, and as ignore-persist also keeps HAProxy from setting the cookie, the
 * moved client is told its new color here. ignore-persist runs before the
 * backend's http-request rules, so both test the same named ACLs.
 */
function affinityLines({ cookie }: Affinity): string[] {
  const moved = COLORS.map(color => `cutover_${color}_cookie cutover_${color}_off`).join(' || ');
  return [
    '    # Session affinity (traffic.affinity): the cookie names the color that answered, and a client that sends it back stays there.',
    `    cookie ${cookie} ${COOKIE_OPTIONS}`,
    '    # Except on a color at weight 0, whose cookie HAProxy would still honour: its client moves, and learns where to.',
    ...COLORS.flatMap(color => [`    acl cutover_${color}_cookie req.cook(${cookie}) -m str ${color}`, `    acl cutover_${color}_off srv_weight(${color}) eq 0`]),
    `    ignore-persist if ${moved}`,
    `    http-request set-var(txn.cutover_moved) bool(true) if ${moved}`,
    `    http-response add-header Set-Cookie ${cookie}=%[srv_name];\\ ${COOKIE_ATTRIBUTES.replaceAll(' ', '\\ ')} if { ${MOVED} }`,
    `    http-response add-header Cache-Control private if { ${MOVED} }`
  ];
}

/**
 * The backend section for a state. It holds only what cutover must own for
 * weights to work: everything else (global, defaults, frontends) stays in the
 * user's own config.
 */
export function renderHaproxy({ backend, endpoints, weights, affinity }: HaproxyBackend): string {
  return [
    `backend ${backend}`,
    '    # HTTP whatever the defaults say: the color header below needs it.',
    '    mode http',
    '    # A dynamic algorithm, so weights set over the runtime API apply at once; static ones ignore them.',
    '    balance roundrobin',
    '    # A reload or restart takes the weights and drain states cutover set from the state file it saves after each switch.',
    '    load-server-state-from-file global',
    '    # Which color answered, for clients and for cutover itself.',
    `    http-response set-header ${COLOR_HEADER} %[srv_name]`,
    ...(affinity ? affinityLines(affinity) : []),
    // HAProxy accepts weight 0: the color gets no new traffic but stays known, so it can drain.
    ...COLORS.map(color => `    server ${color} ${endpoints[color]} weight ${weights[color]}${affinity ? ` cookie ${color}` : ''}`),
    ''
  ].join('\n');
}

export function renderHaproxyFile(backend: HaproxyBackend): string {
  return sealGenerated(renderHaproxy(backend));
}

/** Reads a generated backend file back, refusing files cutover did not write or that were changed since. */
export function parseHaproxyFile(text: string, file: string): HaproxyBackend {
  const body = unsealGenerated(text, file);
  const backend = /^backend (\S+)$/m.exec(body)?.[1];
  const cookie = new RegExp(`^ {4}cookie (\\S+) ${COOKIE_OPTIONS}$`, 'm').exec(body)?.[1];
  const endpoints: Partial<Record<Color, string>> = {};
  const weights: Partial<Weights> = {};
  for (const match of body.matchAll(/^ {4}server (blue|green) (\S+) weight (\d+)(?: cookie \S+)?$/gm)) {
    const color = match[1] as Color;
    endpoints[color] = match[2] as string;
    weights[color] = Number(match[3]);
  }
  if (!backend || endpoints.blue === undefined || endpoints.green === undefined) {
    throw new ReleaseError(`${file}: cannot find the backend and both colors in the generated file. Restore it from a backup.`);
  }
  const parsed: HaproxyBackend = { backend, endpoints: endpoints as Record<Color, string>, weights: weights as Weights, ...(cookie ? { affinity: { cookie } } : {}) };
  if (renderHaproxy(parsed) !== body) {
    throw new ReleaseError(`${file}: the generated file does not read back to the state it describes. Restore it from a backup.`);
  }
  return parsed;
}

/** For messages: "session affinity on the cookie cutover_color", or "no session affinity". */
export function describeAffinity(cookie: string | null | undefined): string {
  return cookie ? `session affinity on the cookie ${cookie}` : 'no session affinity';
}
