import * as core from '@actions/core';
import path from 'node:path';
import { describeError } from '../core/errors.js';
import { optionsOf, type OptionValues, type StepName, type StepOption } from '../steps/options.js';
import { runStep } from '../steps/run.js';
import { actionsLogger } from './logger.js';

function readInputs(options: readonly StepOption[]): OptionValues {
  const values: OptionValues = {};
  for (const option of options) {
    values[option.name] = option.kind === 'list' ? core.getMultilineInput(option.name) : core.getInput(option.name);
  }
  return values;
}

/**
 * One step as a GitHub Action: inputs in, outputs out, any failure reported
 * with its reason. `inputs` are the inputs its action.yml declares; the root
 * action declares all, and an input the step does not take is refused.
 */
export async function runAction(step: StepName, inputs: readonly StepOption[] = optionsOf(step)): Promise<void> {
  try {
    const outputs = await runStep(step, readInputs(inputs), {
      env: process.env,
      onSecret: value => core.setSecret(value),
      logger: () => actionsLogger,
      label: name => `input "${name}"`,
      defaultSnapshotFile: service => path.join(process.env.RUNNER_TEMP ?? '.cutover', 'cutover', `${service}.json`)
    });
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
  } catch (error) {
    core.setFailed(describeError(error));
  }
}
