// Everything the actions and the CLI run, in one bundle (dist/cutover/index.js).
// The files dist/<step>/index.js and dist/cli/index.js only choose what to run.
export { runAction, runPost, runPrepare } from './actions/run-action.js';
export { runRootAction, runRootPost } from './actions/root-action.js';
export { runCli } from './cli/index.js';
