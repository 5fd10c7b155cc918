import { decodeFunctionData, getAddress, slice, toFunctionSelector, toFunctionSignature, type AbiFunction, type AbiParameter, type Hex } from 'viem';

/** One argument of a call, as text a reviewer reads: addresses checksummed, integers in decimal, bytes as hex. */
export interface DecodedArg {
  name: string;
  type: string;
  value: string;
}

export interface DecodedCall {
  /** The function's name, like upgradeToAndCall. */
  function: string;
  /** Its canonical signature, like initializeV2(uint256): what the selector is the hash of. */
  signature: string;
  args: DecodedArg[];
}

/**
 * Reads call data back with the ABI that encoded it, so that what is shown is
 * decoded from the very bytes that go out, not from the settings that made them.
 */
export function decodeCall(abi: readonly AbiFunction[], data: Hex): DecodedCall {
  const selector = slice(data, 0, 4);
  const item = abi.find(candidate => toFunctionSelector(candidate) === selector);
  if (!item) throw new Error(`call data with selector ${selector} matches none of ${abi.map(candidate => toFunctionSignature(candidate)).join(', ')}`);
  const { args = [] } = decodeFunctionData({ abi: [item], data });
  return {
    function: item.name,
    signature: toFunctionSignature(item),
    args: item.inputs.map((input, index) => ({ name: input.name ?? '', type: typeOf(input), value: textOf(input, args[index]) }))
  };
}

/** The type as written in a signature: a tuple spelled out with its members' types. */
function typeOf(parameter: AbiParameter): string {
  if (!parameter.type.startsWith('tuple')) return parameter.type;
  const members = 'components' in parameter ? parameter.components : [];
  return `(${members.map(typeOf).join(',')})${parameter.type.slice('tuple'.length)}`;
}

function textOf(parameter: AbiParameter, value: unknown): string {
  const array = /\[\d*\]$/.exec(parameter.type);
  if (array) {
    const element = { ...parameter, type: parameter.type.slice(0, array.index) } as AbiParameter;
    return `[${(value as readonly unknown[]).map(item => textOf(element, item)).join(', ')}]`;
  }
  if (parameter.type === 'tuple') {
    const members = 'components' in parameter ? parameter.components : [];
    // viem decodes a tuple whose members all have names to an object, otherwise to an array.
    const items = Array.isArray(value) ? value : members.map(member => (value as Record<string, unknown>)[member.name ?? '']);
    return `(${members.map((member, index) => textOf(member, items[index])).join(', ')})`;
  }
  if (parameter.type === 'address') return getAddress(value as string);
  // Integers decode to bigint (or number for small types), bools to boolean, bytes to hex already.
  return String(value);
}
