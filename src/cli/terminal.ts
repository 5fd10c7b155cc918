import { terminalLogger, type Logger } from '../shared/logging/logger.js';
import { Secrets } from '../shared/secrets.js';

export interface Terminal {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** The command that runs this CLI again (node and the script), for processes the demo starts. */
  self: readonly string[];
  /** Whether stderr is a terminal, where progress is drawn as a bar. */
  tty?: boolean;
  /** Told every secret a command resolves, so that nothing it prints afterwards shows one, its error included. */
  mask?: (value: string) => void;
}

/** The terminal with every secret resolved so far hidden from all it prints. */
export function maskedTerminal(terminal: Terminal): Terminal {
  const shown = new Secrets(terminal.env, () => undefined);
  return {
    ...terminal,
    out: text => terminal.out(shown.redact(text)),
    err: text => terminal.err(shown.redact(text)),
    mask: value => {
      shown.add(value);
      terminal.mask?.(value);
    }
  };
}

/** The secrets a command resolves, each told to the terminal as it is resolved so that nothing printed shows it. */
export function terminalSecrets(terminal: Terminal): Secrets {
  return new Secrets(terminal.env, value => terminal.mask?.(value));
}

/** The log on standard error, with `secrets` hidden, debug lines with --verbose, and a progress bar on a terminal. */
export function terminalLog(terminal: Terminal, secrets: Secrets, verbose: boolean): Logger {
  return terminalLogger({ write: terminal.err, redact: text => secrets.redact(text), verbose, tty: terminal.tty });
}
