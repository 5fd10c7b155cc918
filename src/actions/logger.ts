import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { cleanOutsideText } from '../shared/logging/outside-text.js';
import { progressLines, type Logger } from '../shared/logging/logger.js';

/** A message cleaned of escapes and control characters; its lines stay lines. */
const clean = (message: string): string => cleanOutsideText(message, { multiline: true });

/**
 * Whether the runner would take a line of the text as a workflow command: `::` after leading
 * whitespace, or the legacy `##[`, which the runner looks for anywhere in a line.
 */
function holdsCommand(text: string): boolean {
  return text.split('\n').some(line => line.trimStart().startsWith('::') || line.includes('##['));
}

/**
 * A message as log lines the runner only shows. One that holds a line the runner would run is
 * wrapped in `::stop-commands::<token>` ... `::<token>::`, as GitHub documents, with a token
 * nobody can guess, so no line inside can end the pause early.
 */
export function logLines(message: string): string {
  const text = clean(message);
  if (!holdsCommand(text)) return text;
  const token = randomBytes(16).toString('hex');
  return `::stop-commands::${token}\n${text}\n::${token}::`;
}

/** Fails the step with a cleaned message: the runner escapes its lines, but not what a terminal or the log viewer would act on. */
export function failStep(message: string): void {
  core.setFailed(clean(message));
}

/**
 * Logs as workflow commands: collapsible groups, warning annotations, debug lines shown with step
 * debugging. Annotations, debug lines and group names are command data, escaped by the toolkit;
 * plain lines are not, so they go through logLines.
 */
export const actionsLogger: Logger = {
  info: message => core.info(logLines(message)),
  warn: message => core.warning(clean(message)),
  debug: message => core.debug(clean(message)),
  group: (name, work) => core.group(clean(name), work),
  progress: progressLines(message => core.info(logLines(message)))
};
