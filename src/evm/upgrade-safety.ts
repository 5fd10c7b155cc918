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
// Not re-exported by the package index: the report class (to explain a filtered rollback report) and the list of check names.
import { LayoutCompatibilityReport } from '@openzeppelin/upgrades-core/dist/storage/report.js';
import { isGap } from '@openzeppelin/upgrades-core/dist/storage/gap.js';
import { errorKinds } from '@openzeppelin/upgrades-core/dist/validate/run.js';
import { encodeAbiParameters, keccak256, toHex } from 'viem';
import type { ProxyKind } from '../core/eip1967.js';
import { BadInputError } from '../core/errors.js';
import type { ContractBuild } from './contract-build.js';
import { compileErrors, compileInWorker } from './solc-worker.js';

/** One storage change upgrades-core found unsafe, located. */
export interface LayoutChange {
  /** upgrades-core's operation: insert, delete, typechange, layoutchange, rename, replace, shrinkgap, finishgap, delete-namespace. */
  kind: string;
  variable: string;
  type?: string;
  /** Decimal for ordinary storage, 0x-hex for an ERC-7201 namespace member; absent when unknown. */
  slot?: string;
  offset?: number;
  /** Names the variable, its slot and offset, and what is wrong. */
  message: string;
}

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

type StorageOp = LayoutCompatibilityReport['ops'][number];
type Field = Extract<StorageOp, { updated: unknown }>['updated'];
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
    layout: layout.ops.map(op => describeOp(op, from, to)),
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
  const ops = reverse.ops.filter(op => !unreadOrSame(op, from.layout, to.layout));
  const report = new LayoutCompatibilityReport(ops);
  return { ok: report.ok, layout: ops.map(op => describeOp(op, from, to)), code: [], explanation: report.explain(false) };
}

/** Lines for a job summary, from the compiler's storage layouts: `+ fee uint256 slot 2`, `~ value uint256 -> uint128 slot 0`, `- old bool slot 3`; unchanged variables omitted. */
export function layoutDiff(from: ContractBuild, to: ContractBuild): string[] {
  const before = variables(from);
  const after = variables(to);
  const lines: string[] = [];
  for (const [key, now] of after) {
    const was = before.get(key);
    if (!was) lines.push(`+ ${now.label} ${now.type} ${now.position}`);
    else if (was.type !== now.type || was.position !== now.position) {
      const type = was.type === now.type ? now.type : `${was.type} -> ${now.type}`;
      const position = was.position === now.position ? now.position : `${was.position} -> ${now.position}`;
      lines.push(`~ ${now.label} ${type} ${position}`);
    }
  }
  for (const [key, was] of before) if (!after.has(key)) lines.push(`- ${was.label} ${was.type} ${was.position}`);
  return lines;
}

interface SolcStorageLayout {
  storage: { label: string; slot: string; offset: number; type: string }[];
  types: Record<string, { label: string }> | null;
}

/** The contract's variables keyed by name (and occurrence: two base contracts may each have a private variable of the same name). */
function variables(build: ContractBuild): Map<string, { label: string; type: string; position: string }> {
  const source = build.contract.slice(0, build.contract.lastIndexOf(':'));
  const layout = (build.output.contracts[source]?.[build.name]?.storageLayout ?? { storage: [], types: null }) as SolcStorageLayout;
  const seen = new Map<string, number>();
  const result = new Map<string, { label: string; type: string; position: string }>();
  for (const item of layout.storage) {
    const occurrence = (seen.get(item.label) ?? 0) + 1;
    seen.set(item.label, occurrence);
    const position = `slot ${item.slot}${item.offset ? ` offset ${item.offset}` : ''}`;
    result.set(`${item.label}#${occurrence}`, { label: item.label, type: layout.types?.[item.type]?.label ?? item.type, position });
  }
  return result;
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

function describeOp(op: StorageOp, from: Validated, to: Validated): LayoutChange {
  if (op.kind === 'delete-namespace') {
    return { kind: op.kind, variable: op.namespace, message: `removed namespace ${op.namespace}: keep its struct (with @custom:storage-location ${op.namespace}) even if unused` };
  }
  const field = 'updated' in op ? op.updated : op.original;
  const at = locate(field, 'updated' in op ? to : from);
  const type = field.type.item.label;
  const base = { kind: op.kind, variable: field.label, type, ...(at.slot !== undefined && { slot: at.slot }), ...(at.offset !== undefined && { offset: at.offset }) };
  const name = `\`${field.label}\``;
  switch (op.kind) {
    case 'insert':
    case 'append':
      return { ...base, message: `inserted ${name} (${type}) at ${at.text}: ${at.namespace ? 'new members go at the end of the struct' : 'new variables go after all existing ones, inherited ones included'}` };
    case 'delete':
      return { ...base, message: `deleted ${name} (${type}) at ${at.text}: keep the variable even if unused` };
    case 'typechange':
    case 'shrinkgap':
      return { ...base, message: `retyped ${name} from ${op.original.type.item.label} to ${type} at ${at.text}: incompatible (${op.change.kind})` };
    case 'layoutchange':
      return { ...base, message: `moved ${name} (${op.original.type.item.label} -> ${type}) from ${locate(op.original, from).text} to ${at.text}: its data stays where it was` };
    case 'rename':
      return { ...base, message: `renamed \`${op.original.label}\` to ${name} at ${at.text}: mark it /// @custom:oz-renamed-from ${op.original.label} if it holds the same data` };
    case 'replace':
      return { ...base, message: `replaced \`${op.original.label}\` (${op.original.type.item.label}) with ${name} (${type}) at ${at.text}: incompatible type` };
    case 'finishgap':
      return { ...base, message: `turned the end of storage gap \`${op.original.label}\` into ${name} at ${at.text}` };
  }
}

/** Where a field lives, in words ("slot 2, offset 0") and as slot/offset; namespace members get their absolute ERC-7201 slot. */
function locate(field: Field, side: Validated): { slot?: string; offset?: number; namespace?: string; text: string } {
  const namespace = Object.entries(side.layout.namespaces ?? {}).find(([, items]) => items.some(i => i.label === field.label && i.src === field.src))?.[0];
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

/**
 * A change read backwards that leaves the old code reading what it always
 * read: variables or namespaces `next` appended, or put into what is a storage
 * gap for `previous` (the old code never reads a gap), a gap resized, and a
 * variable only renamed (same slot, offset and type).
 */
function unreadOrSame(op: StorageOp, next: StorageLayout, previous: StorageLayout): boolean {
  switch (op.kind) {
    case 'delete-namespace':
    case 'rename':
      return true;
    case 'delete':
      return appendedBy(op.original, next, previous) || insideGapOf(op.original, previous);
    case 'typechange':
      return isGap(op.original) && isGap(op.updated);
    default:
      return false;
  }
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
