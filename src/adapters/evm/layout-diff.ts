import type { ContractBuild } from './contract-build.js';

interface Variable {
  label: string;
  type: string;
  slot: string;
  offset: number;
}

/**
 * Lines for a job summary, from the compiler's storage layouts, in the new
 * order: `+ fee uint256 slot 2`, `~ value uint256 -> uint128 slot 0`,
 * `~ limit uint128 slot 0 offset 16 -> slot 1 offset 0` (moved),
 * `~ value -> amount uint256 slot 0` (renamed in place), `- old bool slot 3`;
 * unchanged variables omitted.
 */
export function layoutDiff(from: ContractBuild, to: ContractBuild): string[] {
  const before = variables(from);
  const after = variables(to);
  const removed = [...before].filter(([key]) => !after.has(key)).map(([, was]) => was);
  const lines: string[] = [];
  for (const [key, now] of after) {
    const was = before.get(key);
    if (was) {
      if (was.type !== now.type || !samePlace(was, now)) lines.push(`~ ${now.label} ${change(was.type, now.type)} ${placeChange(was, now)}`);
      continue;
    }
    // A name that is new where a variable of the same type was: most likely a rename, and read as one.
    const renamed = removed.findIndex(old => old.type === now.type && samePlace(old, now));
    if (renamed < 0) lines.push(`+ ${now.label} ${now.type} ${place(now)}`);
    else lines.push(`~ ${removed.splice(renamed, 1)[0]?.label} -> ${now.label} ${now.type} ${place(now)}`);
  }
  for (const was of removed) lines.push(`- ${was.label} ${was.type} ${place(was)}`);
  return lines;
}

const change = (was: string, now: string) => (was === now ? now : `${was} -> ${now}`);
const samePlace = (a: Variable, b: Variable) => a.slot === b.slot && a.offset === b.offset;
const place = (item: Variable, withOffset = item.offset !== 0) => `slot ${item.slot}${withOffset ? ` offset ${item.offset}` : ''}`;

/** Offsets shown on both sides when either is not 0, so a packed variable's move reads whole. */
function placeChange(was: Variable, now: Variable): string {
  if (samePlace(was, now)) return place(now);
  const withOffset = was.offset !== 0 || now.offset !== 0;
  return `${place(was, withOffset)} -> ${place(now, withOffset)}`;
}

interface SolcStorageLayout {
  storage: { label: string; slot: string; offset: number; type: string }[];
  types: Record<string, { label: string }> | null;
}

/** The contract's variables keyed by name (and occurrence: two base contracts may each have a private variable of the same name). */
function variables(build: ContractBuild): Map<string, Variable> {
  const source = build.contract.slice(0, build.contract.lastIndexOf(':'));
  const layout = (build.output.contracts[source]?.[build.name]?.storageLayout ?? { storage: [], types: null }) as SolcStorageLayout;
  const seen = new Map<string, number>();
  const result = new Map<string, Variable>();
  for (const item of layout.storage) {
    const occurrence = (seen.get(item.label) ?? 0) + 1;
    seen.set(item.label, occurrence);
    result.set(`${item.label}#${occurrence}`, { label: item.label, type: layout.types?.[item.type]?.label ?? item.type, slot: item.slot, offset: item.offset });
  }
  return result;
}
