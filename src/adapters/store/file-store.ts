import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { canonicalJson } from '../../core/canonical.js';
import { z } from 'zod';
import { BadInputError } from '../../shared/errors.js';
import { writeFileAtomic } from '../../shared/io/files.js';
import { parseSnapshot, snapshotDigestMatches, type SealedSnapshot } from '../../core/snapshot.js';
import { sealRecord, verifyRecordSeal } from './record-seal.js';
import type { Phase } from '../../core/release.js';
import type { HistoryEntry, ReleaseRecord, ReleaseStore } from './release-store.js';

const PHASES: readonly Phase[] = ['snapshotted', 'deployed', 'promoted', 'rolled-back', 'contracted'];

export interface FileStoreOptions {
  file: string;
  /** A snapshot handed over from another job (the snapshot step's output), as JSON. */
  snapshotJson?: string;
  /** The digest the caller expects; any other snapshot is refused. */
  expectedDigest?: string;
  /** Where a job without the file finds its release (a GitHub deployment), by digest when one is known. */
  remote?: (digest: string | undefined) => Promise<ReleaseRecord | null>;
  /**
   * Checks a record read from the file against the source of truth (the release's GitHub deployment),
   * refusing one that claims what it does not record; returns the record to use.
   */
  confirm?: (record: ReleaseRecord, where: string) => Promise<ReleaseRecord>;
}

/**
 * Keeps the release record in a JSON file: the sealed snapshot, the phase and
 * the history, under a record digest (record-seal.ts). A snapshot given as
 * JSON starts a record when the file has none, and must match the file when it has one.
 */
export function fileStore(options: FileStoreOptions): ReleaseStore {
  const file = path.resolve(options.file);
  // What this store last wrote: a record the step saved itself needs no confirmation.
  let written: string | undefined;
  return {
    location: file,
    async load() {
      const given = options.snapshotJson?.trim() ? parseSnapshot(options.snapshotJson, 'input "snapshot"') : undefined;
      const read = await readRecord(file);
      const ownWrite = read?.digest !== undefined && read.digest === written;
      const confirmed = read && options.confirm && !ownWrite ? await options.confirm(read.record, file) : read?.record;
      const stored = confirmed ?? (await options.remote?.(options.expectedDigest ?? given?.digest)) ?? null;
      let record: ReleaseRecord;
      if (given && stored && stored.snapshot.digest !== given.digest) {
        throw new BadInputError(
          `input "snapshot" is ${given.digest}, but ${file} holds the release of ${stored.snapshot.digest}. Pass one of them, or the snapshot of the same release.`
        );
      } else if (stored) {
        record = stored;
      } else if (given) {
        record = { snapshot: given, history: [] };
      } else {
        throw new BadInputError(
          `no snapshot: ${file} does not exist and no "snapshot" input was given. Run the snapshot step first, and pass its "snapshot" output (or its file) to this step.`
        );
      }
      if (options.expectedDigest) snapshotDigestMatches(record.snapshot, options.expectedDigest, 'input "digest"');
      return record;
    },
    async save({ sealed: _sealed, ...record }) {
      const plain = JSON.parse(canonicalJson(record)) as Record<string, unknown>;
      const seal = sealRecord(plain);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, JSON.stringify(JSON.parse(canonicalJson({ ...plain, ...seal })), null, 2) + '\n', 0o600);
      written = seal.record_digest;
    }
  };
}

/**
 * A record without a record digest (a bare snapshot, or a record an older cutover wrote) proves
 * nothing beyond its snapshot, so it may claim no more than that: no phase past `snapshotted`, no
 * history but the snapshot's. It loads unsealed, and rollback then refuses to go by it alone.
 */
function refuseUnsealedClaims(raw: Record<string, unknown>, file: string): void {
  const history = Array.isArray(raw.history) ? (raw.history as { step?: unknown }[]) : [];
  const steps = [...new Set(history.map(entry => entry?.step).filter(step => step !== 'snapshot'))];
  const phaseClaimed = raw.phase !== undefined && raw.phase !== 'snapshotted';
  if (!phaseClaimed && steps.length === 0) return;
  const claims = [phaseClaimed ? `phase ${JSON.stringify(raw.phase)}` : '', steps.length ? `history of ${steps.map(String).join(', ')}` : ''].filter(Boolean).join(' and ');
  throw new BadInputError(
    `${file}: the release record has no record digest, yet claims ${claims}. cutover seals every record it writes, so this one was edited or written by an older cutover. ` +
      'Restore the file as cutover wrote it (from the workflow artifact), or in GitHub Actions remove it so the step reads the release from its GitHub deployment, or take a new snapshot.'
  );
}

async function readRecord(file: string): Promise<{ record: ReleaseRecord; digest?: string } | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new BadInputError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new BadInputError(`${file}: not valid JSON (${(error as Error).message}). Take a new snapshot.`);
  }
  // The file holds either a full record or a bare snapshot, as written by hand from the step output.
  const isRecord = raw && typeof raw === 'object' && 'snapshot' in raw && 'history' in raw;
  const snapshot: SealedSnapshot = parseSnapshot(JSON.stringify(isRecord ? raw.snapshot : raw), file);
  if (!isRecord) return { record: { snapshot, history: [] } };
  const sealed = raw.record_digest !== undefined;
  if (sealed) verifyRecordSeal(raw, file);
  else refuseUnsealedClaims(raw, file);
  if (raw.phase !== undefined && !PHASES.includes(raw.phase as Phase)) {
    throw new BadInputError(`${file}: phase ${JSON.stringify(raw.phase)} is not one of ${PHASES.join(', ')}. Take a new snapshot.`);
  }
  const deployment = raw.deployment;
  const record: ReleaseRecord = {
    snapshot,
    phase: raw.phase as Phase | undefined,
    history: Array.isArray(raw.history) ? (raw.history as HistoryEntry[]) : [],
    ...(Number.isSafeInteger(deployment) ? { deployment: deployment as number } : {}),
    ...arrayField(raw, 'traffic'),
    ...arrayField(raw, 'analysis'),
    ...journalOf(raw, file),
    ...preparedOf(raw),
    ...(sealed ? { sealed } : {})
  };
  return { record, ...(sealed ? { digest: raw.record_digest as string } : {}) };
}

const journalSchema = z.array(
  z.object({
    step: z.string(),
    at: z.string(),
    action: z.enum(['deploy', 'upgrade', 'propose']),
    implementation: z.string(),
    tx: z.string().nullable(),
    block: z.number().int().nullable(),
    initializer: z.string().nullable(),
    data: z.string()
  })
);

/** What the router did (transactions sent): a decision rests on it (an initializer never goes twice), so a damaged one is refused. */
function journalOf(raw: object, file: string): Partial<ReleaseRecord> {
  const value = (raw as Record<string, unknown>).journal;
  if (value === undefined) return {};
  const parsed = journalSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadInputError(
      `${file}: journal${issue?.path.map(p => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') ?? ''} is damaged (${issue?.message}). It records the transactions this release sent; restore the file, or take a new snapshot.`
    );
  }
  return { journal: parsed.data };
}

const callArgsSchema = z.array(z.object({ name: z.string(), type: z.string(), value: z.string() }));
const plannedCallSchema = z.object({
  to: z.string(),
  from: z.string().nullable(),
  mode: z.enum(['send', 'propose']),
  function: z.string(),
  args: callArgsSchema,
  initializer: z.object({ signature: z.string(), args: callArgsSchema }).nullable(),
  data: z.string()
});
const preparedSchema = z.object({ endpoint: z.string(), version: z.string(), checks: z.array(z.string()), diff: z.array(z.string()), call: plannedCallSchema.optional(), no_rollback: z.string().optional() });

/** The deploy step's checks, for the summary, and a declared no-rollback, for rollback to refuse up front; anything malformed is dropped. */
function preparedOf(raw: object): Partial<ReleaseRecord> {
  const parsed = preparedSchema.safeParse((raw as Record<string, unknown>).prepared);
  return parsed.success ? { prepared: parsed.data } : {};
}

/** A list the record keeps for the summary only, so no decision rests on it; anything but a list is dropped. */
function arrayField(raw: object, key: 'traffic' | 'analysis'): Partial<ReleaseRecord> {
  const value = (raw as Record<string, unknown>)[key];
  return Array.isArray(value) ? { [key]: value } : {};
}
