import { COLORS, type Color } from '../core/color.js';
import { ReleaseError } from '../core/errors.js';
import type { RouterState } from '../core/router-state.js';
import { COLOR_HEADER, GENERATION_HEADER, generationOf } from './confirm.js';

/**
 * The body of the generated file in `router.mode: reload`: a plain upstream
 * with a weight per color, which nginx takes up when it is reloaded.
 */
export function renderNginx(state: RouterState): string {
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
    ''
  ].join('\n');
}

/** The state a reload-mode body describes; refuses a body that does not render back to itself. */
export function parseReloadBody(body: string, file: string): RouterState {
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
  if (renderNginx(state) !== body) {
    throw new ReleaseError(`${file}: the generated file does not read back to the state it describes. Restore it from a backup.`);
  }
  return state;
}
