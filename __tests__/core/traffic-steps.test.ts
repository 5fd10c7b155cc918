import { describeFieldProblem } from '../../src/core/field-problem.js';
import { resolveTrafficSteps, STEP_PRESETS, trafficStepsProblems, weightsAtStep } from '../../src/core/traffic-steps.js';
import { refusalOf } from '../support/refusal.js';

const lines = (value: unknown) => trafficStepsProblems(value).map(describeFieldProblem);

describe('traffic steps', () => {
  it('resolves the presets by name', () => {
    expect(resolveTrafficSteps('all-at-once')).toEqual([100]);
    expect(resolveTrafficSteps('canary')).toEqual([10, 100]);
    expect(resolveTrafficSteps('linear')).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });

  it('accepts explicit lists as given, and a copy that cannot change the input', () => {
    const given = [5, 25, 50, 100];
    const steps = resolveTrafficSteps(given);
    expect(steps).toEqual([5, 25, 50, 100]);
    given[0] = 99;
    expect(steps[0]).toBe(5);
    expect(resolveTrafficSteps([100])).toEqual([100]);
    expect(resolveTrafficSteps([1, 2, 100])).toEqual([1, 2, 100]);
  });

  it('refuses an unknown preset or a value of the wrong kind, listing the presets and the list form', () => {
    const hint = 'expected a preset (all-at-once, canary, linear) or a list of percentages like [5, 25, 50, 100]';
    expect(lines('canery')).toEqual([`traffic.steps: ${hint}, got "canery"`]);
    expect(lines('toString')).toEqual([`traffic.steps: ${hint}, got "toString"`]);
    expect(lines(50)).toEqual([`traffic.steps: ${hint}, got 50`]);
    expect(lines({ canary: true })).toEqual([`traffic.steps: ${hint}, got {"canary":true}`]);
    expect(lines([])).toEqual(['traffic.steps: expected at least one step; [100] moves all traffic at once, got []']);
  });

  it('names each bad step by its index: not a whole percentage from 1 to 100', () => {
    expect(lines([0, 12.5, '50', 100])).toEqual([
      'traffic.steps.0: expected a whole percentage from 1 to 100, got 0',
      'traffic.steps.1: expected a whole percentage from 1 to 100, got 12.5',
      'traffic.steps.2: expected a whole percentage from 1 to 100, got "50"'
    ]);
    expect(lines([50, 150])).toEqual(['traffic.steps.1: expected a whole percentage from 1 to 100, got 150']);
  });

  it('refuses steps that do not rise, against the highest step before them', () => {
    expect(lines([5, 50, 25, 40, 100])).toEqual([
      'traffic.steps.2: expected more than 50, the highest step before it: each step sends more traffic to the new color, like [5, 25, 50, 100], got 25',
      'traffic.steps.3: expected more than 50, the highest step before it: each step sends more traffic to the new color, like [5, 25, 50, 100], got 40'
    ]);
    expect(lines([25, 25, 100])).toEqual([expect.stringMatching(/^traffic\.steps\.1: expected more than 25, the highest step before it/)]);
  });

  it('refuses a list that does not end at 100, saying what to add', () => {
    expect(lines([5, 25, 50])).toEqual([
      'traffic.steps.2: expected 100 as the last step, so that the release ends with all traffic on the new color; add 100 at the end, got 50'
    ]);
  });

  it('throws every problem at once as bad input', () => {
    const message = refusalOf(() => resolveTrafficSteps([0, 30, 20]));
    expect(message).toMatch(/^3 problems; nothing was changed:\n/);
    expect(message).toContain('  traffic.steps.0: expected a whole percentage from 1 to 100, got 0');
    expect(message).toContain('  traffic.steps.2: expected more than 30');
    expect(message).toContain('  traffic.steps.2: expected 100 as the last step');
  });

  it('gives every preset as a valid list', () => {
    for (const steps of Object.values(STEP_PRESETS)) expect(trafficStepsProblems(steps)).toEqual([]);
  });
});

describe('weights at each step', () => {
  it('gives the new color the step share and the live color the rest, whichever color is live', () => {
    const steps = resolveTrafficSteps([5, 25, 50, 100]);
    expect(steps.map((_, i) => weightsAtStep(steps, i, 'blue'))).toEqual([
      { blue: 95, green: 5 },
      { blue: 75, green: 25 },
      { blue: 50, green: 50 },
      { blue: 0, green: 100 }
    ]);
    expect(steps.map((_, i) => weightsAtStep(steps, i, 'green'))).toEqual([
      { blue: 5, green: 95 },
      { blue: 25, green: 75 },
      { blue: 50, green: 50 },
      { blue: 100, green: 0 }
    ]);
  });

  it('makes [100] a plain switch', () => {
    expect(weightsAtStep(resolveTrafficSteps('all-at-once'), 0, 'green')).toEqual({ blue: 100, green: 0 });
  });

  it('refuses a step that does not exist', () => {
    expect(() => weightsAtStep([10, 100], 2, 'blue')).toThrow('step 2 does not exist: there are 2 steps (10, 100)');
    expect(() => weightsAtStep([10, 100], -1, 'blue')).toThrow(RangeError);
  });
});
