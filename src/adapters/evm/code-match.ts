import { hexToBytes, type Hex } from 'viem';
import type { ContractBuild } from './contract-build.js';

/**
 * Whether the code at an address is `build`'s runtime code. The bytes of
 * immutables are ignored on both sides: the constructor writes them at deploy
 * time (OZ's UUPSUpgradeable keeps its own address in `__self`), and the
 * build only has zeros there.
 */
export function runtimeCodeMatches(onChain: Hex, build: ContractBuild): { ok: true } | { ok: false; reason: string } {
  const chain = masked(hexToBytes(onChain), build);
  const built = masked(hexToBytes(build.deployedBytecode), build);
  const of = `${build.contract}'s deployedBytecode (${build.file})`;
  if (chain.length === 0) return { ok: false, reason: `there is no code at the address; ${of} is ${built.length} bytes` };
  let at = 0;
  while (at < chain.length && at < built.length && chain[at] === built[at]) at++;
  if (at === chain.length && at === built.length) return { ok: true };
  const lengths = `on chain ${chain.length} bytes, in the build ${built.length} bytes`;
  // Same length and the first difference inside the trailing CBOR metadata: same code, other sources or compiler settings.
  const metadataOnly = chain.length === built.length && at >= built.length - metadataLength(built);
  const hint = metadataOnly ? '; only the compiler metadata at the end differs, so the code was built from other sources or settings' : '';
  return { ok: false, reason: `the code at the address differs from ${of} at byte ${at} (${lengths})${hint}` };
}

function masked(code: Uint8Array, build: ContractBuild): Uint8Array {
  for (const references of Object.values(build.immutableReferences)) {
    for (const { start, length } of references) code.fill(0, start, Math.min(start + length, code.length));
  }
  return code;
}

/** solc ends runtime code with CBOR metadata followed by its length as two bytes; 0 when that length does not fit. */
function metadataLength(code: Uint8Array): number {
  if (code.length < 2) return 0;
  const length = ((code[code.length - 2] ?? 0) << 8) + (code[code.length - 1] ?? 0) + 2;
  return length <= code.length ? length : 0;
}
