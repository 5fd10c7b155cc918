import { canonicalJson, sha256, shortDigest } from '../../core/canonical.js';
import { BadInputError } from '../../shared/errors.js';

/**
 * Everything besides the snapshot that a step decides on. The snapshot carries
 * its own digest, so the seal covers that digest rather than its content.
 */
export const SEALED_FIELDS = ['snapshot', 'phase', 'history', 'deployment', 'journal', 'traffic', 'analysis', 'prepared'] as const;

/**
 * Written beside the record: a digest over the sealed fields, and one
 * fingerprint per field, so that an edited record is refused naming the field
 * that changed. Anyone can recompute them: they catch hand edits and damage,
 * they do not prove who wrote the file.
 */
export interface RecordSeal {
  record_digest: string;
  record_fingerprints: Record<string, string>;
}

/** `record` is the record as JSON, the way it is written to or read from the file. */
function sealedValues(record: Record<string, unknown>): Record<string, unknown> {
  const snapshot = record.snapshot as { digest?: unknown } | undefined;
  const values: Record<string, unknown> = {};
  for (const field of SEALED_FIELDS) values[field] = field === 'snapshot' ? snapshot?.digest : record[field];
  return values;
}

function fingerprintsOf(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(values)) {
    if (value !== undefined) out[field] = shortDigest(sha256(`${field}=${canonicalJson(value)}`));
  }
  return out;
}

export function sealRecord(record: Record<string, unknown>): RecordSeal {
  const values = sealedValues(record);
  return { record_digest: sha256(canonicalJson(values)), record_fingerprints: fingerprintsOf(values) };
}

/** Refuses a record whose sealed fields no longer hash to its record digest, naming the fields that changed. */
export function verifyRecordSeal(record: Record<string, unknown>, where: string): void {
  const recorded = record.record_digest;
  const actual = sealRecord(record);
  if (recorded === actual.record_digest) return;
  const written = (record.record_fingerprints ?? {}) as Record<string, unknown>;
  const changed = SEALED_FIELDS.filter(field => written[field] !== actual.record_fingerprints[field]);
  const what = changed.length
    ? `fields changed since cutover wrote it: ${changed.join(', ')}`
    : 'its fields are as written, so the record digest itself was altered';
  throw new BadInputError(
    `${where}: the release record does not match its record digest (recorded ${String(recorded)}, content hashes to ${actual.record_digest}); ${what}. ` +
      `The record digest seals ${SEALED_FIELDS.join(', ')}, so that no step acts on a phase or history that no step recorded. ` +
      'Restore the file as cutover wrote it (from the workflow artifact), or in GitHub Actions remove it so the step reads the release from its GitHub deployment, or take a new snapshot.'
  );
}
