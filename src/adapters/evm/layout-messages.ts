import type { StorageLayout } from '@openzeppelin/upgrades-core';
import { storageFieldBegin, storageFieldEnd, stripContractSubstrings } from '@openzeppelin/upgrades-core/dist/storage/compare.js';
import { getDetailedLayout } from '@openzeppelin/upgrades-core/dist/storage/layout.js';
import { encodeAbiParameters, keccak256, toHex } from 'viem';
import type { Field, LayoutOp, StorageOp } from './storage-moves.js';

/** One storage change found unsafe, located. */
export interface LayoutChange {
  /** upgrades-core's operation (insert, delete, typechange, layoutchange, rename, replace, shrinkgap, finishgap, delete-namespace), or move: a variable found by name at another slot or offset. */
  kind: string;
  variable: string;
  type?: string;
  /** Decimal for ordinary storage, 0x-hex for an ERC-7201 namespace member; absent when unknown. */
  slot?: string;
  offset?: number;
  /** Names the variable, its slot and offset, and what is wrong. */
  message: string;
}

/** One side of a comparison: its layout as upgrades-core extracted it. */
export interface LayoutSide {
  build: { solcVersion: string };
  layout: StorageLayout;
  /** Whether namespaced members have slots (that takes a second compile with the build's solc version). */
  namespacedSlots: boolean;
}

/** For an upgrade, messages say what to change in the new code; for a rollback the old code is as it is. */
export type Direction = 'upgrade' | 'rollback';

type Retype = Extract<StorageOp, { kind: 'typechange' | 'layoutchange' }>;

/** A storage operation in words: what changed, where, why it is refused and, for an upgrade, what to do instead. */
export function describeOp(op: LayoutOp, from: LayoutSide, to: LayoutSide, direction: Direction): LayoutChange {
  if (op.kind === 'delete-namespace') {
    return { kind: op.kind, variable: op.namespace, message: `removed namespace ${op.namespace}: keep its struct (with @custom:storage-location ${op.namespace}) even if unused` };
  }
  const field = 'updated' in op ? op.updated : op.original;
  const at = locate(field, 'updated' in op ? to : from);
  const type = field.type.item.label;
  const base = { kind: op.kind, variable: field.label, type, ...(at.slot !== undefined && { slot: at.slot }), ...(at.offset !== undefined && { offset: at.offset }) };
  const name = `\`${field.label}\``;
  const fix = (text: string) => (direction === 'upgrade' ? `; ${text}` : '');
  switch (op.kind) {
    case 'insert':
    case 'append':
      return { ...base, message: `inserted ${name} (${type}) at ${at.text}: ${at.namespace ? 'new members go at the end of the struct' : 'new variables go after all existing ones, inherited ones included'}` };
    case 'delete':
      return { ...base, message: `deleted ${name} (${type}) at ${at.text}: keep the variable even if unused` };
    case 'move': {
      const was = locate(op.original, from);
      const renamed = op.original.label === field.label ? '' : `, renamed from \`${op.original.label}\``;
      const types = op.original.type.item.label === type ? type : `${op.original.type.item.label} -> ${type}`;
      const why = op.causes.length > 0 ? `, shifted by ${op.causes.join(', ')}` : '';
      const order = at.namespace ? 'keep the members of the struct in their order and add new ones at its end' : 'keep the variables in their order and add new ones after all existing ones, or in a storage gap';
      return {
        ...base,
        message: `moved ${name} (${types}${renamed}) from ${was.text} to ${at.text}${why}: incompatible, its data stays where it was and the ${direction === 'upgrade' ? 'new' : 'old'} code would read something else in its place${fix(order)}`
      };
    }
    case 'typechange':
    case 'layoutchange':
      if (op.kind === 'typechange' || storageFieldBegin(op.original) === storageFieldBegin(op.updated)) {
        return { ...base, message: `retyped ${name} from ${op.original.type.item.label} to ${type} at ${at.text}: ${retypeVerdict(op, from, fix)}` };
      }
      return { ...base, message: `moved ${name} (${op.original.type.item.label} -> ${type}) from ${locate(op.original, from).text} to ${at.text}: its data stays where it was` };
    case 'shrinkgap':
      return { ...base, message: `retyped ${name} from ${op.original.type.item.label} to ${type} at ${at.text}: incompatible (${op.change.kind})` };
    case 'rename':
      return { ...base, message: `renamed \`${op.original.label}\` to ${name} at ${at.text}: mark it /// @custom:oz-renamed-from ${op.original.label} if it holds the same data` };
    case 'replace':
      return { ...base, message: `replaced \`${op.original.label}\` (${op.original.type.item.label}) with ${name} (${type}) at ${at.text}: incompatible type` };
    case 'finishgap':
      return { ...base, message: `turned the end of storage gap \`${op.original.label}\` into ${name} at ${at.text}` };
  }
}

// Value types held in place in their slot: the same bytes read as another such type of the same size.
const IN_PLACE = /^t_(address|bool|u?int\d+|bytes\d+|contract|enum|userDefinedValueType)/;

/**
 * Why a retype at the same slot and offset is refused, and whether
 * `@custom:oz-retyped-from` would make upgrades-core accept it: that
 * annotation skips the type comparison but never a change of size, and is
 * only suggested between value types kept in place (an enum that changed its
 * members or a mapping of other values stays refused as upgrades-core says).
 */
function retypeVerdict(op: Retype, from: LayoutSide, fix: (text: string) => string): string {
  const { original, updated } = op;
  const was = original.type.item.label;
  const size = { was: BigInt(original.type.item.numberOfBytes ?? 0), now: BigInt(updated.type.item.numberOfBytes ?? 0) };
  const inPlace = IN_PLACE.test(original.type.head) && IN_PLACE.test(updated.type.head);
  if (!inPlace || (op.kind === 'typechange' && op.change.kind !== 'obvious mismatch' && op.change.kind !== 'type resize')) {
    return `incompatible (${op.kind === 'typechange' ? op.change.kind : 'layout change'})`;
  }
  if (size.was !== size.now) {
    const covered = coveredBy(updated, original, from);
    const reads =
      size.now > size.was
        ? `it takes ${size.now} bytes instead of ${size.was}${covered.length ? `, so it would also cover ${covered.join(', ')}` : ''}`
        : `it takes ${size.now} bytes instead of ${size.was}, so it would read only part of the stored value`;
    return `incompatible, ${reads}, and no annotation makes a change of size safe${fix(`keep ${was}, or add a new variable after all existing ones`)}`;
  }
  const wrong = updated.retypedFrom === undefined ? '' : ` (its @custom:oz-retyped-from says ${updated.retypedFrom}, which is not the live type)`;
  return `incompatible as written${wrong}, the same ${size.now} bytes read as another type${fix(`if this is intended, annotate it with /// @custom:oz-retyped-from ${stripContractSubstrings(was)}`)}`;
}

/** The live layout's other variables whose bytes the retyped one now overlaps, located. */
function coveredBy(updated: Field, original: Field, from: LayoutSide): string[] {
  const start = storageFieldBegin(updated);
  const end = storageFieldEnd(updated);
  if (start === undefined || end === undefined) return [];
  const namespace = namespaceOf(original, from.layout);
  const storage = namespace === undefined ? from.layout.storage : (from.layout.namespaces?.[namespace] ?? []);
  return getDetailedLayout({ ...from.layout, storage })
    .filter(other => !(other.label === original.label && other.src === original.src))
    .filter(other => {
      const otherStart = storageFieldBegin(other);
      const otherEnd = storageFieldEnd(other);
      return otherStart !== undefined && otherEnd !== undefined && otherStart < end && start < otherEnd;
    })
    .map(other => `\`${other.label}\` (${locate(other, from).text})`);
}

function namespaceOf(field: Field, layout: StorageLayout): string | undefined {
  return Object.entries(layout.namespaces ?? {}).find(([, items]) => items.some(i => i.label === field.label && i.src === field.src))?.[0];
}

/** Where a field lives, in words ("slot 2, offset 0") and as slot/offset; namespace members get their absolute ERC-7201 slot. */
export function locate(field: Field, side: LayoutSide): { slot?: string; offset?: number; namespace?: string; text: string } {
  const namespace = namespaceOf(field, side.layout);
  const { slot, offset } = field;
  if (namespace === undefined) {
    return slot === undefined ? { text: 'an unknown slot (the build has no storage layout)' } : { slot, offset, text: `slot ${slot}, offset ${offset ?? 0}` };
  }
  if (slot === undefined) {
    const why = side.namespacedSlots ? '' : ` (laying out namespaces needs solc-js ${side.build.solcVersion} installed)`;
    return { namespace, text: `an unknown slot in namespace ${namespace}${why}` };
  }
  const base = namespace.startsWith('erc7201:') ? erc7201Slot(namespace.slice('erc7201:'.length)) : null;
  if (base === null) return { namespace, offset, text: `member slot ${slot}, offset ${offset ?? 0} of namespace ${namespace}` };
  const absolute = toHex(base + BigInt(slot), { size: 32 });
  return { namespace, slot: absolute, offset, text: `slot ${absolute}, offset ${offset ?? 0} (member slot ${slot} of namespace ${namespace})` };
}

/** ERC-7201: keccak256(abi.encode(uint256(keccak256(id)) - 1)) & ~bytes32(uint256(0xff)). */
function erc7201Slot(id: string): bigint {
  const inner = BigInt(keccak256(toHex(id))) - 1n;
  return BigInt(keccak256(encodeAbiParameters([{ type: 'uint256' }], [inner]))) & ~0xffn;
}
