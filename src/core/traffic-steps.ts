import { type Color, otherColor } from './color.js';
import { type FieldProblem, rejectProblems } from './field-problem.js';
import type { Weights } from './weights.js';

/**
 * The shares of traffic the new color gets, one per step, in percent: whole
 * numbers from 1 to 100, strictly rising, ending at 100. `[100]` is a plain
 * blue-green switch.
 */
export type TrafficSteps = readonly number[];

export const STEP_PRESETS = {
  'all-at-once': [100],
  canary: [10, 100],
  linear: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
} as const satisfies Record<string, TrafficSteps>;

export type StepPreset = keyof typeof STEP_PRESETS;

const FIELD = ['traffic', 'steps'] as const;
const EXAMPLE = '[5, 25, 50, 100]';
const PRESETS = Object.keys(STEP_PRESETS).join(', ');

function isPreset(value: string): value is StepPreset {
  return Object.hasOwn(STEP_PRESETS, value);
}

/** Everything wrong with a `traffic.steps` value (a preset name or a list), each at its own index. */
export function trafficStepsProblems(value: unknown): FieldProblem[] {
  if (typeof value === 'string' && isPreset(value)) return [];
  if (!Array.isArray(value)) {
    return [{ path: FIELD, message: `expected a preset (${PRESETS}) or a list of percentages like ${EXAMPLE}`, value }];
  }
  if (value.length === 0) {
    return [{ path: FIELD, message: 'expected at least one step; [100] moves all traffic at once', value }];
  }
  const problems: FieldProblem[] = [];
  let previous: number | undefined;
  value.forEach((step: unknown, i) => {
    const path = [...FIELD, i];
    if (typeof step !== 'number' || !Number.isInteger(step) || step < 1 || step > 100) {
      problems.push({ path, message: 'expected a whole percentage from 1 to 100', value: step });
      return;
    }
    if (previous !== undefined && step <= previous) {
      problems.push({ path, message: `expected more than ${previous}, the highest step before it: each step sends more traffic to the new color, like ${EXAMPLE}`, value: step });
    }
    previous = Math.max(previous ?? step, step);
  });
  const last: unknown = value[value.length - 1];
  if (typeof last === 'number' && Number.isInteger(last) && last >= 1 && last < 100) {
    problems.push({ path: [...FIELD, value.length - 1], message: 'expected 100 as the last step, so that the release ends with all traffic on the new color; add 100 at the end', value: last });
  }
  return problems;
}

/** The steps a preset name or list stands for; throws `BadInputError` naming every problem. */
export function resolveTrafficSteps(value: unknown): TrafficSteps {
  rejectProblems(trafficStepsProblems(value));
  return typeof value === 'string' ? STEP_PRESETS[value as StepPreset] : [...(value as number[])];
}

/** The router weights at step `index` (from 0): the new color, the one not live, gets the step's share and the live color the rest. */
export function weightsAtStep(steps: TrafficSteps, index: number, live: Color): Weights {
  const share = steps[index];
  if (share === undefined) throw new RangeError(`step ${index} does not exist: there are ${steps.length} steps (${steps.join(', ')})`);
  return { [otherColor(live)]: share, [live]: 100 - share } as Weights;
}
