import * as core from '@actions/core';
import path from 'node:path';
import { describeError } from '../core/errors.js';
import { optionsOf, type OptionValues, type StepName, type StepOption } from '../steps/options.js';
import { runStep } from '../steps/run.js';
import { actionsGitHubClient, actionsRun } from './github.js';
import { actionsLogger } from './logger.js';

/**
 * The runner passes every input its action.yml declares, defaults included. The root action
 * declares every step's inputs, so another step's input still at its declared default was
 * not given; anything else the step does not take is left for the step to refuse.
 */
function readInputs(step: StepName, options: readonly StepOption[]): OptionValues {
  const takes = new Set(optionsOf(step).map(option => option.name));
  const values: OptionValues = {};
  for (const option of options) {
    const value = option.kind === 'list' ? core.getMultilineInput(option.name) : core.getInput(option.name);
    if (!takes.has(option.name) && option.default !== undefined && value === option.default) continue;
    values[option.name] = value;
  }
  return values;
}

/**
 * One step as a GitHub Action: inputs in, outputs out, any failure reported
 * with its reason. `inputs` are the inputs its action.yml declares; the root
 * action declares all, and an input the step does not take is refused.
 */
export async function runAction(step: StepName, inputs: readonly StepOption[] = optionsOf(step)): Promise<void> {
  const cancelled = onCancel();
  try {
    const outputs = await runStep(step, readInputs(step, inputs), {
      env: process.env,
      onSecret: value => core.setSecret(value),
      logger: () => actionsLogger,
      label: name => `input "${name}"`,
      defaultSnapshotFile: service => path.join(process.env.RUNNER_TEMP ?? '.cutover', 'cutover', `${service}.json`),
      signal: cancelled,
      run: actionsRun(),
      gitHubClient: actionsGitHubClient,
      summary: async markdown => {
        await core.summary.addRaw(markdown, true).write();
      },
      nextAfterFailure: (failed, next) => core.error(next, { title: `cutover ${failed} failed: what to do next` })
    });
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
  } catch (error) {
    core.setFailed(describeError(error));
  }
}

/** Grace after the runner cancels the job: long enough to close an approval issue, then the step ends. */
const CANCEL_GRACE_MS = 5000;

/** The runner cancels a job with SIGINT, then SIGTERM; both end waits early so nothing is left open. */
function onCancel(): AbortSignal {
  const controller = new AbortController();
  const cancel = () => {
    controller.abort();
    setTimeout(() => process.exit(1), CANCEL_GRACE_MS).unref();
  };
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);
  return controller.signal;
}
