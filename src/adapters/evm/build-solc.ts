import { FULL_OUTPUT_SELECTION, wholeBuild, type BuildFormat } from './build-format.js';

/** solc's standard-JSON input and output saved together with the compiler version: {solcVersion, input, output}. */
export const SOLC: BuildFormat = {
  recognizes: () => true,
  read: (json, file, field) => wholeBuild(json, file, field, SOLC),
  fix: `solc: compile standard JSON with ${FULL_OUTPUT_SELECTION} and save {"solcVersion", "input", "output"}.`
};
