import { createHash } from 'node:crypto';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Canonical JSON: object keys sorted, no insignificant whitespace, `undefined`
 * members dropped. Two equal values always serialise to the same bytes, so
 * their digests can be compared across jobs and machines.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortDeep(value));
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = sortDeep(member);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`canonical JSON cannot hold the number ${value}`);
  }
  return value;
}

export function sha256(text: string): string {
  return 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex');
}

export function digestOf(value: unknown): string {
  return sha256(canonicalJson(value));
}

/** Short form for logs and headers: the first 12 hex digits. */
export function shortDigest(digest: string): string {
  return digest.replace(/^sha256:/, '').slice(0, 12);
}

/** Every leaf of a JSON value by its dotted path, e.g. `router.state.servers.blue.weight`. */
export function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (v: unknown, path: string): void => {
    if (v !== null && typeof v === 'object' && Object.keys(v).length > 0) {
      for (const [key, member] of Object.entries(v)) {
        if (member !== undefined) walk(member, path ? `${path}.${key}` : key);
      }
    } else {
      out.set(path, canonicalJson(v));
    }
  };
  walk(value, prefix);
  return out;
}

export interface LeafChange {
  path: string;
  before?: string;
  after?: string;
}

/** What differs between two JSON values, leaf by leaf. */
export function diffJson(before: unknown, after: unknown): LeafChange[] {
  const a = leaves(before);
  const b = leaves(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths
    .filter(p => a.get(p) !== b.get(p))
    .map(p => ({ path: p, before: a.get(p), after: b.get(p) }));
}

export function formatChanges(changes: LeafChange[]): string {
  return changes
    .map(c => `  ${c.path}: ${c.before ?? '(absent)'} -> ${c.after ?? '(absent)'}`)
    .join('\n');
}
