import { sshdInstalled } from '../../harness/sshd-server.js';
import { requireServer } from './servers.js';

export { startSshd, type Sshd } from '../../harness/sshd-server.js';

export const describeWithSshd = requireServer('sshd', sshdInstalled(), 'apt-get install openssh-server') ? describe : describe.skip;
