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
