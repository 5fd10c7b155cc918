import { runRootAction } from '../cutover/index.js';
await runRootAction();
