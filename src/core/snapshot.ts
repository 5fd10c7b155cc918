import { z } from 'zod';
import { COLORS, type Color, otherColor } from './color.js';
import { canonicalJson, leaves, sha256, shortDigest, type Json } from './canonical.js';
import { BadInputError } from '../shared/errors.js';
import { routerDigest, type RouterState } from './router-state.js';
import { liveColorOf, type Weights } from './weights.js';

export const SNAPSHOT_FORMAT = 1;

/** The live environment as it was before a release touched anything. Never holds secrets. */
export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  service: string;
  environment: string | null;
  taken_at: string;
  source: { git_sha: string | null; run_id: string | null; actor: string | null };
  live_color: Color;
  idle_color: Color;
  weights: Weights;
  /** `observed`: facts of the moment (a chain's block), sealed here but never compared for drift. */
  router: { kind: string; digest: string; state: RouterState; observed?: Record<string, Json> };
  versions: Record<Color, string | null>;
  /** The schema as the migration history records it; null when the service has no database section. */
  database: DatabaseSnapshot | null;
}

/** Applied migration ids per phase and the schema version. Never the URL. */
export interface DatabaseSnapshot {
  engine: string;
  schema_version: string | null;
  applied: { expand: string[]; migrate: string[]; contract: string[] };
}

/**
 * A snapshot with its digest. `fingerprints` hash each leaf separately so that
 * a snapshot edited after the fact can be refused with the fields that changed,
 * not only with two opaque digests.
 */
export interface SealedSnapshot {
  snapshot: Snapshot;
  digest: string;
  fingerprints: Record<string, string>;
}

export interface SnapshotFacts {
  service: string;
  environment: string | null;
  takenAt: Date;
  source: Snapshot['source'];
  router: RouterState;
  observed?: Record<string, Json>;
  versions: Record<Color, string | null>;
  database: DatabaseSnapshot | null;
}

export function takeSnapshot(facts: SnapshotFacts): SealedSnapshot {
  const live = liveColorOf(facts.router.weights);
  return seal({
    format: SNAPSHOT_FORMAT,
    service: facts.service,
    environment: facts.environment,
    taken_at: facts.takenAt.toISOString(),
    source: facts.source,
    live_color: live,
    idle_color: otherColor(live),
    weights: { ...facts.router.weights },
    router: { kind: facts.router.kind, digest: routerDigest(facts.router), state: facts.router, ...(facts.observed ? { observed: facts.observed } : {}) },
    versions: facts.versions,
    database: facts.database
  });
}

function seal(snapshot: Snapshot): SealedSnapshot {
  return { snapshot, digest: sha256(canonicalJson(snapshot)), fingerprints: fingerprintsOf(snapshot) };
}

function fingerprintsOf(snapshot: Snapshot): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, value] of leaves(snapshot)) out[path] = shortDigest(sha256(`${path}=${value}`));
  return out;
}

/** The JSON text that travels between steps: canonical, so equal snapshots are equal bytes. */
export function serializeSnapshot(sealed: SealedSnapshot): string {
  return canonicalJson(sealed);
}

const colorSchema = z.enum(COLORS);
const weightsSchema = z.strictObject({ blue: z.number().int().min(0).max(100), green: z.number().int().min(0).max(100) });
const jsonSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(jsonSchema), z.record(z.string(), jsonSchema)])
);
const routerStateSchema = z.strictObject({
  kind: z.string().min(1),
  endpoints: z.strictObject({ blue: z.string(), green: z.string() }),
  weights: weightsSchema,
  settings: z.record(z.string(), jsonSchema)
});
const snapshotSchema = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT),
  service: z.string().min(1),
  environment: z.string().nullable(),
  taken_at: z.iso.datetime(),
  source: z.strictObject({ git_sha: z.string().nullable(), run_id: z.string().nullable(), actor: z.string().nullable() }),
  live_color: colorSchema,
  idle_color: colorSchema,
  weights: weightsSchema,
  router: z.strictObject({
    kind: z.string().min(1),
    digest: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    state: routerStateSchema,
    observed: z.record(z.string(), jsonSchema).optional()
  }),
  versions: z.strictObject({ blue: z.string().nullable(), green: z.string().nullable() }),
  database: z
    .strictObject({
      engine: z.string().min(1),
      schema_version: z.string().nullable(),
      applied: z.strictObject({ expand: z.array(z.string()), migrate: z.array(z.string()), contract: z.array(z.string()) })
    })
    .nullable()
});
const sealedSchema = z.strictObject({
  snapshot: snapshotSchema,
  digest: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected "sha256:" and 64 hex digits'),
  fingerprints: z.record(z.string(), z.string())
});

/**
 * Reads a snapshot that came from outside (a file, a step output, a deployment
 * payload) and refuses it unless its content still matches its digest. `where`
 * names the source in messages, e.g. `input "snapshot"`.
 */
export function parseSnapshot(text: string, where: string): SealedSnapshot {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new BadInputError(
      `${where}: not valid JSON (${(error as Error).message}). Pass the "snapshot" output of the snapshot step, or the file it wrote, unchanged.`
    );
  }
  const parsed = sealedSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(i => `  ${i.path.join('.') || '(top)'}: ${i.message}`).join('\n');
    throw new BadInputError(`${where}: not a cutover snapshot:\n${problems}\nTake a new one with the snapshot step.`);
  }
  return verifySnapshot(parsed.data as SealedSnapshot, where);
}

export function verifySnapshot(sealed: SealedSnapshot, where: string): SealedSnapshot {
  const actual = sha256(canonicalJson(sealed.snapshot));
  if (actual !== sealed.digest) {
    const now = fingerprintsOf(sealed.snapshot);
    const changed = [...new Set([...Object.keys(now), ...Object.keys(sealed.fingerprints)])]
      .filter(path => now[path] !== sealed.fingerprints[path])
      .sort();
    const what = changed.length
      ? `fields changed since it was taken: ${changed.join(', ')}`
      : 'its content is as taken, so the digest itself was altered';
    throw new BadInputError(
      `${where}: the snapshot does not match its digest (recorded ${sealed.digest}, content hashes to ${actual}); ${what}. ` +
        'A snapshot is evidence of what was live: take a new one instead of editing it.'
    );
  }
  const state = sealed.snapshot.router.state;
  if (routerDigest(state) !== sealed.snapshot.router.digest) {
    throw new BadInputError(`${where}: router.digest does not match router.state. Take a new snapshot.`);
  }
  return sealed;
}

export function snapshotDigestMatches(sealed: SealedSnapshot, expected: string, where: string): void {
  if (sealed.digest !== expected) {
    throw new BadInputError(
      `${where}: expected snapshot ${expected}, but the snapshot given is ${sealed.digest}. Pass the snapshot that the snapshot step of this release produced.`
    );
  }
}
