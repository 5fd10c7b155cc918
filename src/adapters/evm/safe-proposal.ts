import { keccak256, stringToHex, type Address, type Hex } from 'viem';
import type { Call } from './upgrade-call.js';

/** The Transaction Builder release whose batch format this follows. */
const TX_BUILDER_VERSION = '1.18.0';

/**
 * `call` as a Safe Transaction Builder batch file, for a team whose upgrader is
 * a Safe: they import it in the Safe app, and its owners sign it there. Raw call
 * data only (contractMethod null), so the builder proposes exactly these bytes.
 */
export function safeProposal(call: Call, meta: { chainId: number; name: string; description: string; createdAt: Date; safe?: Address }) {
  const batch = {
    version: '1.0',
    chainId: String(meta.chainId),
    createdAt: meta.createdAt.getTime(),
    meta: {
      name: meta.name,
      description: meta.description,
      txBuilderVersion: TX_BUILDER_VERSION,
      createdFromSafeAddress: meta.safe ?? '',
      createdFromOwnerAddress: ''
    },
    transactions: [{ to: call.to, value: call.value.toString(), data: call.data, contractMethod: null, contractInputsValues: null }]
  };
  return { ...batch, meta: { ...batch.meta, checksum: batchChecksum(batch) } };
}

/**
 * The checksum the Transaction Builder checks on import (it warns that the file
 * was modified when it differs): keccak256 of its own key-sorted serialization,
 * with the name left out so that renaming a batch keeps it valid.
 */
export function batchChecksum(batch: { meta: object }): Hex {
  return keccak256(stringToHex(serialize({ ...batch, meta: { ...batch.meta, name: null } })));
}

// The builder's serialization: an object is `{` + its sorted keys as a JSON array + each value followed by a comma + `}`.
function serialize(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(serialize).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort();
    return `{${JSON.stringify(keys)}${keys.map(key => `${serialize((value as Record<string, unknown>)[key])},`).join('')}}`;
  }
  return JSON.stringify(value ?? null);
}
