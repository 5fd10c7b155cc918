import type { StorageLayout } from '@openzeppelin/upgrades-core';
import { StorageLayoutComparator, storageFieldBegin, storageFieldEnd } from '@openzeppelin/upgrades-core/dist/storage/compare.js';
import { isGap } from '@openzeppelin/upgrades-core/dist/storage/gap.js';
import { getDetailedLayout } from '@openzeppelin/upgrades-core/dist/storage/layout.js';
import type { LayoutCompatibilityReport } from '@openzeppelin/upgrades-core/dist/storage/report.js';

export type StorageOp = LayoutCompatibilityReport['ops'][number];
export type Field = Extract<StorageOp, { updated: unknown }>['updated'];

/** A variable found by name at another slot or offset: one finding where upgrades-core may say delete and insert. */
export interface Move {
  kind: 'move';
  original: Field;
  updated: Field;
  /** What shifted it, in words (``inserted `fee` ``, ```value` grown from uint128 to uint256``); empty for a plain reorder. */
  causes: string[];
}

export type LayoutOp = StorageOp | Move;

/**
 * upgrades-core's storage operations with every variable that kept its name
 * but not its place reported as one move. Its edit-distance alignment can
 * pair a moved variable with a neighbour (two swapped variables come out as
 * a delete, a move and an insert); the operations touching a moved variable
 * are replaced by the move, and what they said about the other variables
 * involved is said again from the name pairing. Only the wording changes:
 * every such operation was unsafe already, and so is every move.
 */
export function withMoves(ops: StorageOp[], original: StorageLayout, updated: StorageLayout): LayoutOp[] {
  let result: LayoutOp[] = ops;
  for (const [before, after] of comparedLists(original, updated)) result = movesIn(result, before, after);
  return result;
}

/** Main storage and each namespace both layouts have, with types resolved as upgrades-core compares them. */
function comparedLists(original: StorageLayout, updated: StorageLayout): [Field[], Field[]][] {
  const detailed = (layout: StorageLayout, storage: StorageLayout['storage']) => getDetailedLayout({ ...layout, storage });
  const lists: [Field[], Field[]][] = [[detailed(original, original.storage), detailed(updated, updated.storage)]];
  for (const [namespace, items] of Object.entries(original.namespaces ?? {})) {
    const next = updated.namespaces?.[namespace];
    if (next) lists.push([detailed(original, items), detailed(updated, next)]);
  }
  return lists;
}

const id = (field: Field) => `${field.label}@${field.src}`;

function movesIn(ops: LayoutOp[], before: Field[], after: Field[]): LayoutOp[] {
  const pairs = namePairs(before, after);
  const moves = [...pairs.byOriginal.entries()]
    // A gap that starts elsewhere is a gap used as meant, not a variable whose data was left behind.
    .filter(([original, updated]) => !isGap(original) && placed(original) && placed(updated) && storageFieldBegin(original) !== storageFieldBegin(updated))
    .map(([original, updated]): Move => ({ kind: 'move', original, updated, causes: [] }));
  if (moves.length === 0) return ops;
  for (const move of moves) move.causes = causesOf(move, before, after, pairs);
  const movedFrom = new Map(moves.map(move => [id(move.original), move]));
  const movedTo = new Map(moves.map(move => [id(move.updated), move]));
  const originals = new Map(before.map(field => [id(field), field]));
  const updateds = new Map(after.map(field => [id(field), field]));
  const comparator = new StorageLayoutComparator();

  const result: LayoutOp[] = [];
  const said = new Set<string>();
  const say = (key: string, op: LayoutOp | undefined) => {
    if (op !== undefined && !said.has(key)) result.push(op);
    said.add(key);
  };
  for (const op of ops) {
    const from = op.kind !== 'delete-namespace' && 'original' in op ? originals.get(id(op.original)) : undefined;
    const to = 'updated' in op ? updateds.get(id(op.updated)) : undefined;
    const moved = [from && movedFrom.get(id(from)), to && movedTo.get(id(to))].filter(move => move !== undefined);
    if (moved.length === 0) {
      result.push(op);
      continue;
    }
    for (const move of moved) say(`move ${id(move.original)}`, move);
    if (from && !movedFrom.has(id(from))) {
      const partner = pairs.byOriginal.get(from);
      if (partner) say(`pair ${id(from)}`, comparator.getFieldChange(from, partner));
      else say(`delete ${id(from)}`, { kind: 'delete', original: from });
    }
    if (to && !movedTo.has(id(to))) {
      const partner = pairs.byUpdated.get(to);
      if (partner) say(`pair ${id(partner)}`, comparator.getFieldChange(partner, to));
      else say(`insert ${id(to)}`, overwrites(to, before) ? { kind: 'insert', updated: to } : undefined);
    }
  }
  return result;
}

interface Pairs {
  byOriginal: Map<Field, Field>;
  byUpdated: Map<Field, Field>;
}

/** Variables of both lists with the same name (the updated one's oz-renamed-from counts as its name); a name used twice on either side pairs nothing. */
function namePairs(before: Field[], after: Field[]): Pairs {
  const unique = (fields: Field[], name: (field: Field) => string) => {
    const byName = new Map<string, Field | null>();
    for (const field of fields) byName.set(name(field), byName.has(name(field)) ? null : field);
    return byName;
  };
  const originals = unique(before, field => field.label);
  const updateds = unique(after, field => field.renamedFrom ?? field.label);
  const pairs: Pairs = { byOriginal: new Map(), byUpdated: new Map() };
  for (const [name, original] of originals) {
    const updated = updateds.get(name);
    if (original && updated) {
      pairs.byOriginal.set(original, updated);
      pairs.byUpdated.set(updated, original);
    }
  }
  return pairs;
}

const placed = (field: Field) => storageFieldBegin(field) !== undefined;
const bytes = (field: Field) => BigInt(field.type.item.numberOfBytes ?? 0);

/** Whether a variable without a counterpart lands on bytes a variable of the live layout (not a gap) used, as upgrades-core judges an insert. */
function overwrites(field: Field, before: Field[]): boolean {
  const start = storageFieldBegin(field);
  const end = storageFieldEnd(field);
  if (start === undefined || end === undefined) return true;
  return before.some(other => {
    const otherStart = storageFieldBegin(other);
    const otherEnd = storageFieldEnd(other);
    return !isGap(other) && (otherStart === undefined || otherEnd === undefined || (otherStart < end && start < otherEnd));
  });
}

/**
 * What comes before the moved variable and changed size: pushed further, by
 * variables inserted or grown in front of it; pulled nearer, by variables
 * deleted or shrunk in front of where it was.
 */
function causesOf(move: Move, before: Field[], after: Field[], pairs: Pairs): string[] {
  const pushed = (storageFieldBegin(move.updated) ?? 0n) > (storageFieldBegin(move.original) ?? 0n);
  const causes: string[] = [];
  if (pushed) {
    for (const field of after.slice(0, after.indexOf(move.updated))) {
      const was = pairs.byUpdated.get(field);
      if (!was) causes.push(`inserted \`${field.label}\``);
      else if (bytes(field) > bytes(was)) causes.push(`\`${field.label}\` grown from ${was.type.item.label} to ${field.type.item.label}`);
    }
  } else {
    for (const field of before.slice(0, before.indexOf(move.original))) {
      const now = pairs.byOriginal.get(field);
      if (!now) causes.push(`deleted \`${field.label}\``);
      else if (bytes(now) < bytes(field)) causes.push(`\`${field.label}\` shrunk from ${field.type.item.label} to ${now.type.item.label}`);
    }
  }
  return causes;
}
