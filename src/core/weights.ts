import { type Color, otherColor } from './color.js';

/** Percent of traffic per color. Always whole numbers summing to 100. */
export type Weights = Record<Color, number>;

export function weightsAllOn(color: Color): Weights {
  return { [color]: 100, [otherColor(color)]: 0 } as Weights;
}

/**
 * The color serving traffic. During a canary both carry weight; the one with
 * the larger share is reported as live, and blue wins a 50/50 tie so the answer is stable.
 */
export function liveColorOf(weights: Weights): Color {
  return weights.green > weights.blue ? 'green' : 'blue';
}

export function formatWeights(weights: Weights): string {
  return `blue ${weights.blue}% / green ${weights.green}%`;
}
