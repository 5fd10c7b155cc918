export const COLORS = ['blue', 'green'] as const;

export type Color = (typeof COLORS)[number];

export function isColor(value: unknown): value is Color {
  return value === 'blue' || value === 'green';
}

export function otherColor(color: Color): Color {
  return color === 'blue' ? 'green' : 'blue';
}
