import { COLORS, isColor, otherColor, type Color } from '../../../core/color.js';
import { ReleaseError } from '../../../shared/errors.js';
import type { RouterState } from '../../../core/router-state.js';
import { headerValue, httpGet } from '../../../shared/io/http.js';
import { poll } from '../../../shared/io/wait.js';
import { COLOR_HEADER } from './confirm.js';

/** RFC 6265 cookie-name: an RFC 2616 token, printable ASCII without separators. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Attributes of the affinity cookie every router sets: the whole site, out of scripts' reach, sent on top-level
 * navigation. Names as RFC 6265 spells them; clients read them in any case.
 */
export const COOKIE_ATTRIBUTES = 'Path=/; HttpOnly; SameSite=Lax';

export function validCookieName(name: string): boolean {
  return TOKEN.test(name);
}

/** What is wrong with `name` as `traffic.affinity.cookie`, with the fix; null when nothing is. */
export function cookieNameProblem(name: string): string | null {
  if (validCookieName(name)) return null;
  return (
    `traffic.affinity.cookie: expected a cookie name (an RFC 6265 token: letters, digits and !#$%&'*+-.^_\`|~, without spaces or ()<>@,;:\\"/[]?={}), ` +
    `got ${JSON.stringify(name)}. Choose a name like cutover_color.`
  );
}

export interface AffinityCheck {
  url: string;
  /** Answers in a row a cookie naming a color with traffic must get from that color. */
  responses: number;
  timeoutMs: number;
  intervalMs: number;
  /** What the user must change when clients are not kept on their color. */
  fix: string;
  /** The step's: a cancelled job stops waiting at once. */
  signal?: AbortSignal;
}

interface Landing {
  color: Color | null;
  /** The color the answer's cookie names, if it sets one. */
  cookie: string | undefined;
}

async function land(url: string, cookie: string, sent?: Color): Promise<Landing> {
  const response = await httpGet(url, { timeoutMs: 5000, headers: sent ? { cookie: `${cookie}=${sent}` } : {} });
  const color = headerValue(response.headers, COLOR_HEADER) ?? null;
  const setCookie = (response.headers['set-cookie'] ?? []).find(line => line.startsWith(`${cookie}=`));
  return { color: isColor(color) ? color : null, cookie: setCookie?.slice(cookie.length + 1).split(';')[0] };
}

/** Why answers in `state` do not keep clients on their color, or null when they do. */
async function mismatch(state: RouterState, cookie: string, options: AffinityCheck): Promise<string | null> {
  const fresh = await land(options.url, cookie);
  if (fresh.color === null || state.weights[fresh.color] === 0) return `a client without the cookie was answered by ${fresh.color ?? 'no color'}`;
  if (fresh.cookie !== fresh.color) return `a client answered by ${fresh.color} got ${fresh.cookie === undefined ? `no ${cookie} cookie` : `${cookie}=${fresh.cookie}`}`;
  for (const color of COLORS) {
    // A color without traffic honours no cookie: its clients move, and learn where to.
    const expected = state.weights[color] > 0 ? color : otherColor(color);
    for (let i = 0; i < (expected === color ? options.responses : 1); i++) {
      const sent = await land(options.url, cookie, color);
      if (sent.color !== expected) return `a client whose cookie names ${color} was answered by ${sent.color ?? 'no color'}`;
      if (expected !== color && sent.cookie !== expected) return `a client moved from ${color} to ${expected} got no cookie naming ${expected}`;
    }
  }
  return null;
}

/**
 * Waits until answers through the router keep clients on their color in
 * `state`: a new client gets a cookie naming the color that answered, a
 * cookie naming a color with traffic is answered by that color every time,
 * and one naming a color at 0% moves its client, with a new cookie.
 */
export async function confirmAffinity(state: RouterState, cookie: string, options: AffinityCheck): Promise<void> {
  await poll(() => mismatch(state, cookie, options).catch((error: Error) => error.message), {
    what: `the router to keep clients on their color (traffic.affinity) at ${options.url}`,
    done: problem => problem === null,
    timeoutMs: options.timeoutMs,
    intervalMs: options.intervalMs,
    signal: options.signal,
    timeoutError: problem =>
      new ReleaseError(`the router does not keep clients on their color (traffic.affinity) at ${options.url} within ${options.timeoutMs}ms: ${problem}. ${options.fix}`)
  });
}
