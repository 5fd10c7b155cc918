/**
 * Text cutover did not write: version and health bodies, command output, metric labels, chain data,
 * comments, and error messages quoting any of them. It is data: before it reaches a log, a summary, an
 * output or the record it loses what a terminal, a log viewer or the Actions runner would act on.
 * A leaf module on purpose, so that every layer can use it.
 */

export interface CleanOptions {
  /** Keep line breaks (as `\n`); otherwise they are shown escaped and the text is one line. */
  multiline?: boolean;
  /** Most characters per line; the rest is cut with a visible marker. */
  max?: number;
}

/** Long enough for any message cutover writes; a longer line is noise or an attack. */
export const LINE_MAX = 2000;

/**
 * Terminal escape sequences (ECMA-48), 7-bit and 8-bit: CSI (colors, cursor moves), OSC (titles,
 * hyperlinks, clipboard), DCS/SOS/PM/APC strings, and the two- and three-character escapes. A string
 * without its terminator ends at the line break, so it cannot swallow the lines after it.
 */
const ESCAPE_SEQUENCE =
  // eslint-disable-next-line no-control-regex -- matching control characters is what this module is for
  /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]/g;

/**
 * What is left that acts instead of showing: C0 (a carriage return starts a new line for the runner),
 * DEL, C1, the Unicode line separators, and the bidi controls that make text read other than it runs.
 */
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** JSON's escapes, so that a cleaned JSON text stays JSON and means the same. */
function shown(character: string): string {
  return NAMED[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function capped(line: string, max: number): string {
  if (line.length <= max) return line;
  // Never split a surrogate pair: half a character would show as a replacement mark.
  const kept = /[\ud800-\udbff]/.test(line[max - 1] ?? '') ? max - 1 : max;
  return `${line.slice(0, kept)}… (${line.length - kept} more characters cut)`;
}

/**
 * Outside text as plain data: escape sequences removed, every other control character shown escaped
 * (`\r`, `\u0007`, `\u202e`), tabs as spaces, and each line cut at `max` characters. Line breaks stay
 * only with `multiline`; a CRLF counts as one.
 */
export function cleanOutsideText(text: string, options: CleanOptions = {}): string {
  const { multiline = false, max = LINE_MAX } = options;
  const plain = text
    .replace(/\r\n/g, '\n')
    .replace(ESCAPE_SEQUENCE, '')
    .replace(CONTROL, character => (character === '\t' ? ' ' : multiline && character === '\n' ? '\n' : shown(character)));
  return plain
    .split('\n')
    .map(line => capped(line, max))
    .join('\n');
}

/**
 * Outside text as one short line, for a table cell or a listing: white space folded to single spaces,
 * cleaned, and cut at `max` characters with an ellipsis (Infinity keeps it whole).
 */
export function shorten(text: string, max: number): string {
  const line = cleanOutsideText(text.replace(/\s+/g, ' ').trim(), { max: Infinity });
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The first character that cleaning would change, shown escaped with its position (from 1); null for printable one-line text. */
export function controlCharacterIn(text: string): string | null {
  const found = new RegExp(CONTROL.source).exec(text);
  return found ? `${shown(found[0])} at character ${found.index + 1}` : null;
}
