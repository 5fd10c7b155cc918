import { findPrometheus } from '../../harness/prometheus-server.js';
import { requireServer } from './servers.js';

export { startPrometheus, type LocalPrometheus } from '../../harness/prometheus-server.js';

export const prometheusBinary = findPrometheus();
export const describeWithPrometheus = requireServer('prometheus', prometheusBinary !== null, 'apt-get install prometheus') ? describe : describe.skip;
