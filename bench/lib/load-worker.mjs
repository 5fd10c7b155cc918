// Steady load in its own thread, so that the switching code in the main thread
// (reloads, SSH crypto) never delays the clients whose latency is measured.
import { parentPort, workerData } from 'node:worker_threads';
import { startLoad } from '../../lib/src/demo/load.js';

const load = startLoad(workerData);
parentPort.once('message', async () => parentPort.postMessage(await load.stop()));
parentPort.postMessage('started');
