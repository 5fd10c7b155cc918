// Setup of the jest `unit` project (see jest.config.js): a short timeout, and
// no process started and no server listening, so that a test which needs one
// fails here, saying where it belongs, instead of slowing the fast run.
import { afterAll, jest } from '@jest/globals';
import { createRequire } from 'node:module';

// Through require, the node module itself: an ESM import here would freeze its exports for the test file before they are replaced.
const require = createRequire(import.meta.url);
const childProcess = require('node:child_process') as Record<string, unknown>;
const net = require('node:net') as typeof import('node:net');

jest.setTimeout(10_000);

const MOVE = 'move this test to the integration project (INTEGRATION in jest.config.js)';
// The synchronous forms stay: test helpers probe for a binary (`nginx -v`) when they load, to decide what to skip.
const STARTERS = ['spawn', 'exec', 'execFile', 'fork'];
const originals = Object.fromEntries(STARTERS.map(name => [name, childProcess[name]]));
const listen = net.Server.prototype.listen;

for (const name of STARTERS) {
  childProcess[name] = () => {
    throw new Error(`a unit test started a process (child_process.${name}): ${MOVE}`);
  };
}
// http, https and net servers all listen through net.Server.
net.Server.prototype.listen = () => {
  throw new Error(`a unit test started a server (listen): ${MOVE}`);
};

// A jest worker runs test files of both projects one after another: the next file gets the real functions back.
afterAll(() => {
  Object.assign(childProcess, originals);
  net.Server.prototype.listen = listen;
});
