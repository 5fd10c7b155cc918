import { COLORS, type Color } from '../core/color.js';
import { ReleaseError } from '../core/errors.js';
import type { Weights } from '../core/weights.js';
import { COLOR_HEADER } from './confirm.js';
import { sealGenerated, unsealGenerated } from './generated-file.js';

/** What the backend file cutover owns describes. */
export interface HaproxyBackend {
  backend: string;
  endpoints: Record<Color, string>;
  weights: Weights;
}

/**
 * The backend section for a state. It holds only what cutover must own for
 * weights to work: everything else (global, defaults, frontends) stays in the
 * user's own config.
 */
export function renderHaproxy({ backend, endpoints, weights }: HaproxyBackend): string {
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
    // HAProxy accepts weight 0: the color gets no new traffic but stays known, so it can drain.
    ...COLORS.map(color => `    server ${color} ${endpoints[color]} weight ${weights[color]}`),
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
  const endpoints: Partial<Record<Color, string>> = {};
  const weights: Partial<Weights> = {};
  for (const match of body.matchAll(/^ {4}server (blue|green) (\S+) weight (\d+)$/gm)) {
    const color = match[1] as Color;
    endpoints[color] = match[2] as string;
    weights[color] = Number(match[3]);
  }
  if (!backend || endpoints.blue === undefined || endpoints.green === undefined) {
    throw new ReleaseError(`${file}: cannot find the backend and both colors in the generated file. Restore it from a backup.`);
  }
  const parsed: HaproxyBackend = { backend, endpoints: endpoints as Record<Color, string>, weights: weights as Weights };
  if (renderHaproxy(parsed) !== body) {
    throw new ReleaseError(`${file}: the generated file does not read back to the state it describes. Restore it from a backup.`);
  }
  return parsed;
}
