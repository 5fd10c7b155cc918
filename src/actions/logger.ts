import * as core from '@actions/core';
import { progressLines, type Logger } from '../logging/logger.js';

/** Logs as workflow commands: collapsible groups, warning annotations, debug lines shown with step debugging. */
export const actionsLogger: Logger = {
  info: message => core.info(message),
  warn: message => core.warning(message),
  debug: message => core.debug(message),
  group: (name, work) => core.group(name, work),
  progress: progressLines(message => core.info(message))
};
