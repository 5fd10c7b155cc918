import { actionYaml, evaluateDefault, inputVariable } from './action-bundle.js';
import { runAction } from '../../src/actions/run-action.js';
import type { StepName } from '../../src/steps/options.js';

export interface EntryRun {
  /** 1 when the step failed (process.exitCode, as the runner reads it), else 0. */
  code: number;
  /** What the step printed: log lines and workflow commands. */
  stdout: string;
}

/**
 * Runs a step's action from its TypeScript entry in this process, before it is bundled: every input
 * its action.yml declares is an INPUT_* variable (its default, evaluated with `token`, unless given),
 * as the runner passes them. `env` adds the variables the workflow sets for the step.
 */
export async function runActionEntry(step: StepName, inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}, token = ''): Promise<EntryRun> {
  const declared = actionYaml(step).inputs ?? {};
  for (const name of Object.keys(inputs)) {
    if (!declared[name]) throw new Error(`${step}/action.yml declares no input ${JSON.stringify(name)}: the runner would warn and the step would never see it`);
  }
  // No runner's files: outputs and state come back as workflow commands in stdout, and a test run inside a job never writes to the job's own.
  const variables: NodeJS.ProcessEnv = { GITHUB_OUTPUT: '', GITHUB_STATE: '', GITHUB_STEP_SUMMARY: '', ...env };
  for (const [name, input] of Object.entries(declared)) {
    variables[inputVariable(name)] = inputs[name] ?? (input.default === undefined ? '' : evaluateDefault(String(input.default), { token }));
  }
  const saved = Object.fromEntries(Object.keys(variables).map(name => [name, process.env[name]]));
  const listening = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const write = process.stdout.write.bind(process.stdout);
  let stdout = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  const exitCode = process.exitCode;
  Object.assign(process.env, variables);
  process.exitCode = 0;
  try {
    await runAction(step);
    return { code: Number(process.exitCode ?? 0), stdout };
  } finally {
    process.stdout.write = write;
    process.exitCode = exitCode;
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    // The entry listens for the runner's cancellation; this process is jest's, so it stops listening once the step is over.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      for (const listener of process.listeners(signal)) if (!listening[signal].includes(listener)) process.removeListener(signal, listener);
    }
  }
}
