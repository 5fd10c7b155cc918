import { COLORS, type Color, otherColor } from '../../../core/color.js';
import type { Json } from '../../../core/canonical.js';
import type { RouterState } from '../../../core/router-state.js';
import { liveColorOf, weightsAllOn } from '../../../core/weights.js';

/**
 * For a contract proxy the colors are its two implementations in one release:
 * the one live when the snapshot was taken and the new one (`candidate`). There
 * is no router file to keep them in, so the release's snapshot does: while it
 * names the candidate, its colors stand; otherwise a new release starts and the
 * live implementation keeps the color it had (blue the first time).
 */
export function implementationState(facts: {
  /** The implementation the proxy delegates to now. */
  live: string;
  candidate: string;
  /** The router state the latest release recorded, if any. */
  recorded: RouterState | null;
  settings: Record<string, Json>;
}): RouterState {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const { live, candidate, recorded, settings } = facts;
  const colorOf = (address: string) => (recorded ? COLORS.find(c => same(recorded.endpoints[c], address)) : undefined);
  if (recorded && same(recorded.endpoints[otherColor(liveColorOf(recorded.weights))], candidate)) {
    const before = liveColorOf(recorded.weights);
    const now = colorOf(live);
    // An implementation the release does not know stands in the live color's place, so the digest shows the drift.
    const endpoints = now ? { ...recorded.endpoints } : { ...recorded.endpoints, [before]: live };
    return { kind: 'evm-proxy', endpoints, weights: weightsAllOn(now ?? before), settings };
  }
  const color = colorOf(live) ?? 'blue';
  return { kind: 'evm-proxy', endpoints: { [color]: live, [otherColor(color)]: candidate } as Record<Color, string>, weights: weightsAllOn(color), settings };
}
