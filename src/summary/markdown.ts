import { cleanOutsideText } from '../shared/logging/outside-text.js';

/*
 * Markdown for text from outside (versions, comments, SQL, names, error messages): cleaned of
 * control characters and escaped, so that it renders as text and can never break a table or add markup.
 */

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function flat(value: string): string {
  return cleanOutsideText(value.replace(/\s+/g, ' ').trim());
}

export { shorten } from '../shared/logging/outside-text.js';

/** Outside text as inline markdown that renders literally, in a table cell or anywhere else. */
export function text(value: string): string {
  return flat(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~$]/g, '\\$&');
}

/**
 * Outside text as a code span: a fence longer than any backtick run inside, so backticks cannot
 * close it. In a table cell pipes are escaped too, because GitHub splits cells before it reads code spans.
 */
export function code(value: string, inTable = false): string {
  const one = flat(value);
  if (one === '') return '—';
  const longest = Math.max(0, ...(one.match(/`+/g) ?? []).map(run => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = one.startsWith('`') || one.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${inTable ? one.replace(/\|/g, '\\|') : one}${pad}${fence}`;
}

/** A block that keeps the lines as written, for SQL and diffs; the fence is longer than any backtick run inside. */
export function fenced(outside: string, info: string): string {
  const value = cleanOutsideText(outside, { multiline: true });
  const longest = Math.max(2, ...(value.match(/`+/g) ?? []).map(run => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${value.replace(/\s+$/, '')}\n${fence}`;
}

/**
 * A message as a quote that wraps on the page (a code block would not, and cuts long lines off),
 * keeping its line breaks and indentation.
 */
export function quoted(outside: string): string {
  const lines = cleanOutsideText(outside, { multiline: true })
    .replace(/\s+$/, '')
    .split('\n')
    .map(line => {
      const indent = /^\s*/.exec(line)?.[0].length ?? 0;
      return `${'&nbsp;'.repeat(indent)}${text(line)}`;
    });
  return lines.map((line, i) => `> ${line}${i < lines.length - 1 ? '<br>' : ''}`).join('\n');
}

/** Folded content: open it to read the details a decision does not need. */
export function details(summary: string, body: string): string {
  return `<details><summary>${text(summary)}</summary>\n\n${body}\n\n</details>`;
}

/**
 * An http(s) URL as a link, any other URL as code, each without the user or password it may carry.
 * `label` is shown instead of the URL when given.
 */
export function link(value: string, label?: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return code(value);
  }
  url.username = '';
  url.password = '';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return code(url.href);
  // The serialiser percent-encodes spaces and angle brackets, so nothing can leave the <...> destination.
  return `[${text(label ?? url.href)}](<${url.href}>)`;
}
