/**
 * How steps talk to the person running them. The Actions version writes
 * workflow commands (groups, annotations); the terminal version writes plain
 * lines. Both hide every secret registered with `Secrets`.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
  group<T>(name: string, work: () => Promise<T>): Promise<T>;
}

export interface TerminalLoggerOptions {
  write: (text: string) => void;
  redact: (text: string) => string;
  verbose?: boolean;
}

export function terminalLogger(options: TerminalLoggerOptions): Logger {
  let depth = 0;
  const line = (prefix: string, message: string) => {
    const indent = '  '.repeat(depth);
    const text = options.redact(message).replace(/\n/g, `\n${indent}`);
    options.write(`${indent}${prefix}${text}\n`);
  };
  return {
    info: message => line('', message),
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

