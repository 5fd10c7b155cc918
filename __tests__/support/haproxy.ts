import { findHaproxy } from '../../src/demo/haproxy-server.js';
import { requireServer } from './servers.js';

export { askSocket, startHaproxy, waitFor, type LocalHaproxy } from '../../src/demo/haproxy-server.js';

export const haproxyBinary = findHaproxy();
export const describeWithHaproxy = requireServer('haproxy', haproxyBinary !== null, 'apt-get install haproxy') ? describe : describe.skip;
