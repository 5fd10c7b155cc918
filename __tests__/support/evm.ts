import { ANVIL_INSTALL, findAnvil } from '../../src/demo/anvil-server.js';
import { requireServer } from './servers.js';

export { startAnvil, ANVIL_KEYS, type LocalAnvil } from '../../src/demo/anvil-server.js';
export { compileSolidity, type BuildInfo } from '../../src/demo/solidity.js';

export const anvilBinary = findAnvil();
export const describeWithAnvil = requireServer('anvil', anvilBinary !== null, ANVIL_INSTALL) ? describe : describe.skip;
