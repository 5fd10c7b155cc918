import { runAction } from '../cutover/index.js';
await runAction('drill');
