import { httpGet, shownUrl } from '../../shared/io/http.js';
import { AbortedError } from '../../shared/io/wait.js';
import { cleanOutsideText, controlCharacterIn } from '../../shared/logging/outside-text.js';

/** Longer than any version scheme writes; the version lands in logs, outputs, the record and CUTOVER_VERSION. */
export const VERSION_MAX = 128;

/** Why a text cannot be a version (one line of printable text, at most VERSION_MAX characters); null when it can. */
export function versionProblem(version: string): string | null {
  const control = controlCharacterIn(version);
  if (control) return `not one line of printable text (${control})`;
  if (version.length > VERSION_MAX) return `${version.length} characters, more than ${VERSION_MAX}`;
  return null;
}

/** How much of a refused body a warning quotes: enough to recognise it. */
const QUOTE_MAX = 60;

/** `version` when it can be one; otherwise null, and `warn` is told why, quoting what `source` gave. */
export function acceptedVersion(version: string, source: string, warn: (reason: string) => void): string | null {
  const problem = versionProblem(version);
  if (!problem) return version;
  warn(`${source} "${cleanOutsideText(version, { max: QUOTE_MAX })}": not used as a version: ${problem}.`);
  return null;
}

/**
 * The version a color reports: the body of a plain-text endpoint, or the
 * `version` field of a JSON one. Null when it cannot be read, since a color
 * that is not running has no version. The body comes from the build being
 * released: a text that is not a version is refused, and `warn` is told why.
 */
export async function readVersion(url: string, options: { timeoutMs: number; signal?: AbortSignal; warn?: (reason: string) => void }): Promise<string | null> {
  const { timeoutMs, signal, warn = () => undefined } = options;
  try {
    const response = await httpGet(url, { timeoutMs, signal });
    if (response.status < 200 || response.status > 299) return null;
    const body = response.body.trim();
    const version = versionIn(body);
    if (version === '') return null;
    if (version === null) {
      warn(`${shownUrl(url)} answered "${cleanOutsideText(body, { max: QUOTE_MAX })}": not used as a version: a JSON "version" that is neither text nor a number.`);
      return null;
    }
    return acceptedVersion(version, `${shownUrl(url)} answered`, warn);
  } catch {
    // A cancelled step stops here; a color that cannot answer just has no version.
    if (signal?.aborted) throw new AbortedError(`reading the version at ${shownUrl(url)}`);
    return null;
  }
}

/** The `version` field of a JSON body, or the whole body; null when the field holds neither text nor a number. */
function versionIn(body: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body; // not JSON: the body is the version
  }
  if (!parsed || typeof parsed !== 'object' || !('version' in parsed)) return body;
  const { version } = parsed as { version: unknown };
  return typeof version === 'string' || typeof version === 'number' ? String(version) : null;
}
