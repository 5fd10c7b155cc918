import * as core from '@actions/core';
import { POST_STEPS, STEP_OPTIONS, STEPS, type StepName } from '../steps/options.js';
import { failStep } from './logger.js';
import { runAction, runPost } from './run-action.js';

function chosenStep(): StepName | null {
  const step = core.getInput('step', { required: true }).trim();
  return (STEPS as readonly string[]).includes(step) ? (step as StepName) : null;
}

/** The root action runs any step, chosen by the `step` input. */
export async function runRootAction(): Promise<void> {
  const step = chosenStep();
  if (step) {
    await runAction(step, STEP_OPTIONS);
  } else {
    failStep(`input "step": expected one of ${STEPS.join(', ')}, got ${JSON.stringify(core.getInput('step').trim())}.`);
  }
}

/** The root action's post step: only the steps that move traffic have anything to record. */
export async function runRootPost(): Promise<void> {
  const step = chosenStep();
  if (step && POST_STEPS.includes(step)) await runPost(step);
}
