import * as core from '@actions/core';
import { STEP_OPTIONS, STEPS, type StepName } from '../steps/options.js';
import { runAction } from './run-action.js';

/** The root action runs any step, chosen by the `step` input. */
export async function runRootAction(): Promise<void> {
  const step = core.getInput('step', { required: true }).trim();
  if ((STEPS as readonly string[]).includes(step)) {
    await runAction(step as StepName, STEP_OPTIONS);
  } else {
    core.setFailed(`input "step": expected one of ${STEPS.join(', ')}, got ${JSON.stringify(step)}.`);
  }
}
