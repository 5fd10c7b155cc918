import { readFile } from 'node:fs/promises';
import { BadInputError } from '../../shared/errors.js';
import { wholeBuild, type BuildFormat } from './build-format.js';

/** The same setting in Hardhat 2 and 3. */
const FIX =
  'Hardhat: add settings: { outputSelection: { "*": { "*": ["storageLayout"] } } } to solidity in hardhat.config ' +
  '(@openzeppelin/hardhat-upgrades adds it), compile again and point at artifacts/.';

/** Hardhat 2's artifacts/build-info/<id>.json: {_format, id, solcVersion, solcLongVersion, input, output}. */
export const HARDHAT_2: BuildFormat = {
  recognizes: json => json._format === 'hh-sol-build-info-1',
  read: (json, file, field) => wholeBuild(json, file, field, HARDHAT_2),
  fix: FIX
};

/**
 * Hardhat 3 splits a run in two: artifacts/build-info/<id>.json holds the input
 * (with userSourceNameMap, as its sources are named project/contracts/…), and
 * <id>.output.json beside it the output.
 */
export const HARDHAT_3: BuildFormat = {
  recognizes: json => json._format === 'hh3-sol-build-info-1',
  read: async (json, file, field) => {
    const outputFile = file.replace(/\.json$/, '.output.json');
    const text = await readFile(outputFile, 'utf8').catch(() => null);
    let output: unknown;
    try {
      output = text === null ? undefined : (JSON.parse(text) as { output?: unknown }).output;
    } catch {
      output = undefined;
    }
    if (output === undefined) throw new BadInputError(`${field}: ${file} is Hardhat 3's build input, and ${outputFile} with its output is missing or not JSON. Compile again and point at artifacts/.`);
    const build = await wholeBuild({ ...json, output }, file, field, HARDHAT_3);
    const sourceNames = json.userSourceNameMap;
    return typeof sourceNames === 'object' && sourceNames !== null ? { ...build, sourceNames: sourceNames as Record<string, string> } : build;
  },
  fix: FIX
};

/** The half of a Hardhat 3 build the input half reads; never a build on its own. */
export const isHardhat3Output = (name: string): boolean => name.endsWith('.output.json');
