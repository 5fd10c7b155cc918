import { cleanOutsideText } from './outside-text.js';

/**
 * How steps talk to the person running them. The Actions version writes
 * workflow commands (groups, annotations); the terminal version writes plain
 * lines. Both hide every secret registered with `Secrets`, and both treat every
 * message as possibly quoting outside text: nothing in it reaches the terminal
 * or the runner as an escape or a command.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
  group<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Progress of long work, `fraction` from 0 to 1: a bar on a terminal, a line now and then in a log. */
  progress(message: string, fraction: number): void;
}

export interface TerminalLoggerOptions {
  write: (text: string) => void;
  redact: (text: string) => string;
  verbose?: boolean;
  /** A terminal redraws one progress bar in place; a log file gets a line every few seconds. */
  tty?: boolean;
}

const PROGRESS_LINE_MS = 5000;

/** Lets a progress line through at most every `intervalMs`, and always the last one. */
export function progressLines(write: (message: string) => void, intervalMs = PROGRESS_LINE_MS, now = () => Date.now()): (message: string, fraction: number) => void {
  let last = -Infinity;
  return (message, fraction) => {
    if (fraction < 1 && now() - last < intervalMs) return;
    last = now();
    write(message);
  };
}

function bar(fraction: number, width = 24): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%`;
}

export function terminalLogger(options: TerminalLoggerOptions): Logger {
  let depth = 0;
  let barShown = false;
  const endBar = () => {
    if (barShown) options.write('\n');
    barShown = false;
  };
  // Secrets are matched first, in the text as it came: cleaning could change one so it no longer matches.
  const plain = (message: string) => cleanOutsideText(options.redact(message), { multiline: true });
  const line = (prefix: string, message: string) => {
    endBar();
    const indent = '  '.repeat(depth);
    const text = plain(message).replace(/\n/g, `\n${indent}`);
    options.write(`${indent}${prefix}${text}\n`);
  };
  return {
    info: message => line('', message),
    progress: options.tty
      ? (message, fraction) => {
          // The carriage return and erase-line are cutover's own: they redraw the bar; the message is one clean line.
          options.write(`\r${'  '.repeat(depth)}${bar(fraction)} ${cleanOutsideText(options.redact(message))}\x1b[K`);
          barShown = true;
          if (fraction >= 1) endBar();
        }
      : progressLines(message => line('', message)),
    warn: message => line('warning: ', message),
    debug: message => {
      if (options.verbose) line('debug: ', message);
    },
    async group(name, work) {
      line('▸ ', name);
      depth++;
      const started = Date.now();
      try {
        return await work();
      } finally {
        depth--;
        line('  ', `${name}: ${((Date.now() - started) / 1000).toFixed(1)}s`);
      }
    }
  };
}

