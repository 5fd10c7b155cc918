import { BadInputError } from './errors.js';
import { COLORS, type Color, otherColor } from './color.js';

/** Percent of traffic per color. Always whole numbers summing to 100. */
export type Weights = Record<Color, number>;

export function weightsAllOn(color: Color): Weights {
  return { [color]: 100, [otherColor(color)]: 0 } as Weights;
}

export function checkWeights(weights: Weights, field = 'weights'): Weights {
  for (const color of COLORS) {
    const w = weights[color];
    if (!Number.isInteger(w) || w < 0 || w > 100) {
      throw new BadInputError(`${field}.${color}: expected a whole percent from 0 to 100, got ${JSON.stringify(w)}`);
    }
  }
  if (weights.blue + weights.green !== 100) {
    throw new BadInputError(
      `${field}: blue ${weights.blue}% + green ${weights.green}% = ${weights.blue + weights.green}%, expected 100%`
    );
  }
  return weights;
}

/**
 * The color serving traffic. During a canary both carry weight; the one with
 * the larger share is reported as live, and blue wins a 50/50 tie so the answer is stable.
 */
export function liveColorOf(weights: Weights): Color {
  return weights.green > weights.blue ? 'green' : 'blue';
}

export function sameWeights(a: Weights, b: Weights): boolean {
  return a.blue === b.blue && a.green === b.green;
}

export function formatWeights(weights: Weights): string {
  return `blue ${weights.blue}% / green ${weights.green}%`;
}
