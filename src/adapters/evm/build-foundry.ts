import type { SolcInput } from '@openzeppelin/upgrades-core';
import { wholeBuild, type BuildFormat } from './build-format.js';

/**
 * forge's out/build-info/<id>.json (Foundry 1.x): {id, source_id_to_path,
 * language, _format, input, output, solcVersion, solcLongVersion}. forge asks
 * solc for the AST, bytecode and link and immutable references itself; only
 * the storage layout and the file must be asked for. Its input also keeps
 * what forge passed solc on the command line (version, allowPaths, basePath,
 * includePaths); solc refuses those keys in standard JSON, so they are dropped
 * before the namespaced-storage compile reuses the input.
 */
export const FOUNDRY: BuildFormat = {
  recognizes: json => json._format === 'ethers-rs-sol-build-info-1' || 'source_id_to_path' in json,
  read: async (json, file, field) => {
    const build = await wholeBuild(json, file, field, FOUNDRY);
    const { language, sources, settings } = build.input as SolcInput & { language?: string };
    return { ...build, input: { language, sources, settings } as SolcInput };
  },
  fix: 'Foundry: add build_info = true and extra_output = ["storageLayout"] to [profile.default] in foundry.toml (or run forge build --build-info --extra-output storageLayout), build again and point at out/.'
};
