import type { Color } from './color.js';
import { digestOf, type Json } from './canonical.js';
import { formatWeights, type Weights } from './weights.js';

/**
 * What a router does with traffic, in a form every router kind can report:
 * where each color lives and what share it gets. `settings` holds the few
 * kind-specific facts that change what users see (the nginx upstream name, say).
 * The digest over this object is what snapshots record and drift checks compare.
 */
export interface RouterState {
  kind: string;
  endpoints: Record<Color, string>;
  weights: Weights;
  settings: Record<string, Json>;
}

export function routerDigest(state: RouterState): string {
  return digestOf(state);
}

export function withWeights(state: RouterState, weights: Weights): RouterState {
  return { ...state, weights: { ...weights } };
}

export function describeRouterState(state: RouterState): string {
  return `${state.kind}: ${formatWeights(state.weights)} (blue at ${state.endpoints.blue}, green at ${state.endpoints.green})`;
}
