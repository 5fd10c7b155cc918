import { encodeFunctionData, parseAbiItem, type AbiFunction, type Hex } from 'viem';
import { BadInputError } from '../../shared/errors.js';

/** A function named by its human-readable signature, with its arguments, as a config or a flag gives it. */
export interface SignatureCall {
  call: string;
  args: readonly unknown[];
}

/** The fields (or flags) a SignatureCall came from, named in messages. */
export interface SignatureFields {
  call: string;
  args: string;
}

/** The function `given.call` declares; refuses, naming the field, when it is not a function signature. */
export function signatureFunction(given: SignatureCall, fields: SignatureFields): AbiFunction {
  let item: ReturnType<typeof parseAbiItem> | undefined;
  try {
    item = parseAbiItem(given.call);
  } catch (error) {
    throw new BadInputError(`${fields.call}: ${JSON.stringify(given.call)} is not a function signature (${(error as Error).message.split('\n')[0]}). Write it like "function initialize(address owner)".`);
  }
  if (item.type !== 'function') throw new BadInputError(`${fields.call}: ${JSON.stringify(given.call)} is an ABI ${item.type}, not a function. Write it like "function initialize(address owner)".`);
  return item;
}

/** Call data for `given`; refuses, naming the field, when the arguments do not fit the signature. */
export function signatureCallData(given: SignatureCall, fields: SignatureFields): Hex {
  const item = signatureFunction(given, fields);
  try {
    return encodeFunctionData({ abi: [item], functionName: item.name, args: given.args });
  } catch (error) {
    throw new BadInputError(`${fields.args}: ${JSON.stringify(given.args)} do not fit ${given.call} (${(error as { shortMessage?: string }).shortMessage ?? (error as Error).message}).`);
  }
}
