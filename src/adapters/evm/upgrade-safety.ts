import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { stripVTControlCharacters } from 'node:util';
import {
  getContractVersion,
  getErrors,
  getStorageLayout,
  getStorageUpgradeReport,
  makeNamespacedInput,
  solcInputOutputDecoder,
  UpgradeableContractErrorReport,
  validate,
  withValidationDefaults,
  type SolcOutput,
  type StorageLayout,
  type ValidationRunData
} from '@openzeppelin/upgrades-core';
// Not re-exported by the package index: the report class (to explain a filtered rollback report), field positions, and the list of check names.
import { LayoutCompatibilityReport } from '@openzeppelin/upgrades-core/dist/storage/report.js';
import { storageFieldBegin, stripContractSubstrings } from '@openzeppelin/upgrades-core/dist/storage/compare.js';
import { isGap } from '@openzeppelin/upgrades-core/dist/storage/gap.js';
import { errorKinds } from '@openzeppelin/upgrades-core/dist/validate/run.js';
import type { ProxyKind } from './proxy-kinds.js';
import { BadInputError } from '../../shared/errors.js';
import type { ContractBuild } from './contract-build.js';
import { describeOp, type LayoutChange } from './layout-messages.js';
import { compileErrors, compileInWorker } from './solc-worker.js';
import { withMoves, type Field, type LayoutOp, type StorageOp } from './storage-moves.js';

export { layoutDiff } from './layout-diff.js';
export type { LayoutChange } from './layout-messages.js';

export interface CodeProblem {
  kind: string;
  /** file:line */
  where: string;
  message: string;
}

export interface SafetyReport {
  ok: boolean;
  layout: LayoutChange[];
  code: CodeProblem[];
  /** upgrades-core's own explanation (explain(false)), plus its warnings about checks the options allowed. */
  explanation: string;
}

type CheckName = (typeof errorKinds)[number];
type ValidationError = UpgradeableContractErrorReport['errors'][number];

interface Validated {
  build: ContractBuild;
  run: ValidationRunData;
  version: ReturnType<typeof getContractVersion>;
  layout: StorageLayout;
  /** Whether namespaced members have slots: that takes a second compile, with the build's own solc version. */
  namespacedSlots: boolean;
}

/**
 * Whether a proxy of `kind` may switch from `live` to `next`: upgrades-core's
 * storage layout comparison (live is the reference) and its unsafe-code checks
 * on `next`. An unsafe upgrade is a report with ok false, not an exception;
 * only a build upgrades-core cannot read throws.
 */
export async function checkUpgrade(live: ContractBuild, next: ContractBuild, kind: ProxyKind, options: { unsafeAllow?: string[] } = {}): Promise<SafetyReport> {
  const settings = withValidationDefaults({ kind, unsafeAllow: allowedChecks(options.unsafeAllow ?? []) });
  const [from, to] = await Promise.all([validated(live), validated(next)]);
  const layout = quietly(() => getStorageUpgradeReport(from.layout, to.layout, settings)).value;
  const { value: errors, warnings } = quietly(() => getErrors(to.run, to.version, settings));
  const code = new UpgradeableContractErrorReport(errors);
  return {
    ok: layout.ok && code.ok,
    layout: withMoves(layout.ops, from.layout, to.layout).map(op => describeOp(op, from, to, 'upgrade')),
    code: errors.map(error => ({ kind: error.kind, where: error.src, message: describeProblem(error) })),
    explanation: [layout.explain(false), code.explain(false), ...warnings].filter(text => text !== '').join('\n\n')
  };
}

/**
 * Whether the proxy may go back from `next` to `previous`: can the old code
 * read what the new one may have written? The layout check run in reverse,
 * minus what upgrades-core, which has no rollback mode, flags although the old
 * code never reads it or reads it alike (see `unreadOrSame`).
 */
export async function checkRollback(next: ContractBuild, previous: ContractBuild): Promise<SafetyReport> {
  const [from, to] = await Promise.all([validated(next), validated(previous)]);
  const reverse = quietly(() => getStorageUpgradeReport(from.layout, to.layout, withValidationDefaults({}))).value;
  const unsafe = (op: LayoutOp) => op.kind === 'move' || !unreadOrSame(op, from.layout, to.layout);
  // Moves first: the operations a move replaces may pair a moved variable with one the old code never reads.
  const layout = withMoves(reverse.ops, from.layout, to.layout).filter(unsafe);
  const explained = new LayoutCompatibilityReport(reverse.ops.filter(unsafe));
  return { ok: layout.length === 0, layout: layout.map(op => describeOp(op, from, to, 'rollback')), code: [], explanation: explained.explain(false) };
}

function allowedChecks(names: string[]): CheckName[] {
  const unknown = names.filter(name => !(errorKinds as readonly string[]).includes(name));
  if (unknown.length > 0) throw new BadInputError(`unsafeAllow: unknown check ${unknown.map(n => JSON.stringify(n)).join(', ')}. Known checks: ${errorKinds.join(', ')}.`);
  // withValidationDefaults appends to the list it is given, so it gets a copy.
  return [...names] as CheckName[];
}

async function validated(build: ContractBuild): Promise<Validated> {
  const namespaced = await namespacedOutput(build);
  try {
    const { input, output, solcVersion } = build;
    const run = quietly(() => validate(output, solcInputOutputDecoder(input, output), solcVersion, input, namespaced)).value;
    const version = getContractVersion(run, build.contract);
    return { build, run, version, layout: getStorageLayout(run, version), namespacedSlots: namespaced !== undefined };
  } catch (error) {
    throw new BadInputError(`${build.file}: upgrades-core cannot check ${build.contract}: ${(error as Error).message}`);
  }
}

/**
 * Runs `work` with upgrades-core's console notes captured instead of printed,
 * for this call only (its own silenceWarnings() is process-wide and permanent).
 * The work is synchronous, so nothing else can print meanwhile.
 */
function quietly<T>(work: () => T): { value: T; warnings: string[] } {
  const warnings: string[] = [];
  const print = console.error;
  console.error = (...parts: unknown[]) => warnings.push(stripVTControlCharacters(parts.join(' ')).trim());
  try {
    return { value: work(), warnings };
  } finally {
    console.error = print;
  }
}

function describeProblem(error: ValidationError): string {
  const text = new UpgradeableContractErrorReport([error]).explain(false);
  const [title = '', ...details] = text
    .replace(`${error.src}: `, '')
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '');
  return details.length > 0 ? `${title}: ${details.join('; ')}` : title;
}

/**
 * A change read backwards that leaves the old code reading what it always
 * read: variables or namespaces `next` appended, or put into what is a storage
 * gap for `previous` (the old code never reads a gap), a gap resized, a
 * variable only renamed (same slot, offset and type), and a retype `next`
 * declared with @custom:oz-retyped-from at the same place and size (the old
 * code reads the same bytes as its own type, as the forward check accepted).
 */
function unreadOrSame(op: StorageOp, next: StorageLayout, previous: StorageLayout): boolean {
  switch (op.kind) {
    case 'delete-namespace':
    case 'rename':
      return true;
    case 'delete':
      return appendedBy(op.original, next, previous) || insideGapOf(op.original, previous);
    case 'typechange':
      return (isGap(op.original) && isGap(op.updated)) || declaredRetype(op.original, op.updated);
    default:
      return false;
  }
}

/** Whether `next`'s variable says by annotation it was `previous`'s type, and holds the same bytes. */
function declaredRetype(next: Field, previous: Field): boolean {
  return (
    stripContractSubstrings(next.retypedFrom?.trim()) === stripContractSubstrings(previous.type.item.label) &&
    storageFieldBegin(next) === storageFieldBegin(previous) &&
    next.type.item.numberOfBytes === previous.type.item.numberOfBytes
  );
}

/** Whether all of `item`'s slots lie in a storage gap (a `__gap` array, as upgrades-core names them) of `layout`'s main storage. */
function insideGapOf(item: Field, layout: StorageLayout): boolean {
  const range = slotsOf(item.slot, item.offset, item.type.item.numberOfBytes);
  if (!range) return false;
  return layout.storage.some(gap => {
    if (!/^__gap(_|$)/.test(gap.label) || !gap.type.startsWith('t_array')) return false;
    const covered = slotsOf(gap.slot, gap.offset, layout.types[gap.type]?.numberOfBytes);
    return covered !== null && covered.first <= range.first && range.last <= covered.last;
  });
}

/** The first and last slot of a main-storage variable; null without slot or size. */
function slotsOf(slot: string | undefined, offset: number | undefined, bytes: string | undefined): { first: bigint; last: bigint } | null {
  if (slot === undefined || bytes === undefined) return null;
  const first = BigInt(slot);
  return { first, last: first + (BigInt(offset ?? 0) + BigInt(bytes) - 1n) / 32n };
}

/** Whether `item` of next's layout sits past the end of its list (main storage or namespace) in previous's layout. */
function appendedBy(item: Field, next: StorageLayout, previous: StorageLayout): boolean {
  const lists: [string | null, StorageLayout['storage']][] = [[null, next.storage], ...Object.entries(next.namespaces ?? {})];
  for (const [namespace, list] of lists) {
    const index = list.findIndex(i => i.label === item.label && i.src === item.src);
    if (index < 0) continue;
    const before = namespace === null ? previous.storage : (previous.namespaces?.[namespace] ?? []);
    return index >= before.length;
  }
  return false;
}

// Namespaced outputs by build input: a check and its rollback check, or several contracts of one build, compile once.
const NAMESPACED_CACHE = new Map<string, Promise<SolcOutput | undefined>>();
const NAMESPACED_CACHE_SIZE = 8;

/**
 * The output upgrades-core needs to give ERC-7201 namespace members their
 * slots: the build's sources rewritten by makeNamespacedInput, compiled again
 * with the same solc version. Without solc-js of that version installed, the
 * checks still run and see namespaced changes, only without slots.
 */
function namespacedOutput(build: ContractBuild): Promise<SolcOutput | undefined> {
  if (!Object.values(build.input.sources).some(s => s.content?.includes('@custom:storage-location'))) return Promise.resolve(undefined);
  const solc = solcFor(build.solcVersion);
  if (solc === null) return Promise.resolve(undefined);
  const key = createHash('sha256').update(build.solcVersion).update(JSON.stringify(build.input)).digest('hex');
  let output = NAMESPACED_CACHE.get(key);
  if (!output) {
    output = compile(solc, makeNamespacedInput(build.input, build.output, build.solcVersion), build);
    output.catch(() => NAMESPACED_CACHE.delete(key));
    NAMESPACED_CACHE.set(key, output);
    for (const old of NAMESPACED_CACHE.keys()) if (NAMESPACED_CACHE.size > NAMESPACED_CACHE_SIZE) NAMESPACED_CACHE.delete(old);
  }
  return output;
}

/** solc-js of exactly `version`: `solc-<version>` (an npm alias installed beside others) or `solc`; null when neither is that version. */
function solcFor(version: string): string | null {
  const require = createRequire(import.meta.url);
  for (const name of [`solc-${version}`, 'solc']) {
    try {
      if ((require(`${name}/package.json`) as { version: string }).version === version) return require.resolve(name);
    } catch {
      // not installed under this name
    }
  }
  return null;
}

async function compile(solc: string, input: unknown, build: ContractBuild): Promise<SolcOutput> {
  const { output } = await compileInWorker<SolcOutput>(solc, input, import.meta.url);
  const errors = compileErrors(output);
  if (errors.length > 0) throw new Error(`laying out the namespaced storage of ${build.file} failed:\n${errors.join('\n')}`);
  return output;
}
