import { BadInputError } from '../shared/errors.js';

/**
 * One thing wrong with a setting, where the config schema can place it: the
 * path from the top of cutover.yml, what is expected (which says how to fix
 * it), and the value given. The config schema passes path and message on as
 * an issue; callers without a schema throw them with `rejectProblems`.
 */
export interface FieldProblem {
  path: readonly (string | number)[];
  message: string;
  value: unknown;
}

/** The same shape as the config loader's lines: `traffic.steps.2: expected ..., got 25`. */
export function describeFieldProblem(problem: FieldProblem): string {
  return `${problem.path.join('.')}: ${problem.message}, got ${show(problem.value)}`;
}

/** JSON, except where JSON hides the value: NaN and Infinity are not null, and a missing value is "nothing". */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value);
}

/** Throws every problem at once, so one run shows all there is to fix. */
export function rejectProblems(problems: readonly FieldProblem[]): void {
  if (problems.length === 0) return;
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  throw new BadInputError(`${count}; nothing was changed:\n${problems.map(p => `  ${describeFieldProblem(p)}`).join('\n')}`);
}
