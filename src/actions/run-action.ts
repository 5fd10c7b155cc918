import * as core from '@actions/core';
import path from 'node:path';
import { describeError } from '../shared/errors.js';
import type { JournalEntry } from '../adapters/routers/router.js';
import { checkOptions, FAILURE_CAUSE, optionsOf, PREPARE, prepareOptions, type OptionValues, type StepName, type StepOption } from '../steps/options.js';
import { recordCutShort, runStep, type FrontEnd } from '../app/run.js';
import { gitHubRunOf } from '../adapters/github/environment.js';
import { actionsGitHubClient } from './github.js';
import { cleanOutsideText } from '../shared/logging/outside-text.js';
import { actionsLogger, failStep } from './logger.js';

const inputLabel = (name: string): string => `input "${name}"`;

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
  checkOptions(step, values, inputLabel);
  return values;
}

/**
 * Outputs reach later steps' inputs, scripts and environment. Values from outside (a version, a
 * comment) are already checked or cleaned where they are read; this keeps any control character
 * from slipping through. Not cut: the snapshot output must stay whole for its digest to match.
 */
function setOutput(name: string, value: string): void {
  core.setOutput(name, cleanOutsideText(value, { multiline: true, max: Infinity }));
}

function actionsFrontEnd(signal?: AbortSignal): FrontEnd {
  return {
    env: process.env,
    onSecret: value => core.setSecret(value),
    logger: () => actionsLogger,
    label: inputLabel,
    defaultSnapshotFile: service => path.join(process.env.RUNNER_TEMP ?? '.cutover', 'cutover', `${service}.json`),
    signal,
    run: gitHubRunOf(process.env),
    gitHubClient: actionsGitHubClient,
    keep: (name, value) => core.saveState(name, value),
    summary: async markdown => {
      await core.summary.addRaw(markdown, true).write();
    },
    nextAfterFailure: (failed, advice) => {
      core.setOutput(FAILURE_CAUSE.name, advice.cause);
      core.error(advice.next, { title: `cutover ${failed} failed: what to do next` });
    }
  };
}

/**
 * One step as a GitHub Action: inputs in, outputs out, any failure reported
 * with its reason. `inputs` are the inputs its action.yml declares; the root
 * action declares all, and an input the step does not take is refused.
 */
export async function runAction(step: StepName, inputs: readonly StepOption[] = optionsOf(step)): Promise<void> {
  try {
    const outputs = await runStep(step, readInputs(step, inputs), actionsFrontEnd(onCancel()));
    for (const [name, value] of Object.entries(outputs)) setOutput(name, value);
  } catch (error) {
    failStep(describeError(error));
  }
}

/** The prepare action: its steps in order, each with the inputs it takes, stopping at the first failure. */
export async function runPrepare(): Promise<void> {
  const frontEnd = actionsFrontEnd(onCancel());
  try {
    const outputs: Record<string, string> = {};
    for (const part of PREPARE.parts) {
      const values = readInputs(part.step, prepareOptions().filter(option => option.steps.includes(part.step)));
      Object.assign(outputs, await runStep(part.step, part.phase ? { ...values, phase: part.phase } : values, frontEnd));
    }
    for (const { name } of PREPARE.outputs) setOutput(name, outputs[name] ?? '');
  } catch (error) {
    failStep(describeError(error));
  }
}

/**
 * The post step of promote, rollback and drill (`post-if: cancelled()`): when the job was
 * cancelled before the step recorded its outcome, records where traffic was left and keeps
 * what the router did, from the state the step saved as it went.
 */
export async function runPost(step: StepName): Promise<void> {
  if (!core.getState('step')) return core.info(`cutover ${step} never started: nothing to record.`);
  if (core.getState('recorded') === 'true') return core.info(`cutover ${step} recorded its outcome itself: nothing to add.`);
  try {
    const done = JSON.parse(core.getState('journal') || '[]') as JournalEntry[];
    await recordCutShort(step, readInputs(step, optionsOf(step)), actionsFrontEnd(), done);
  } catch (error) {
    failStep(`could not record the cancelled ${step}: ${describeError(error)}`);
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
