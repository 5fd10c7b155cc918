import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ReleaseError } from '../../src/shared/errors.js';
import type { RouterState } from '../../src/core/router-state.js';
import { COLOR_HEADER, confirmServing, GENERATION_HEADER, generationOf } from '../../src/adapters/routers/common/confirm.js';

const state: RouterState = {
  kind: 'nginx',
  endpoints: { blue: '127.0.0.1:8081', green: '127.0.0.1:8082' },
  weights: { blue: 0, green: 100 },
  settings: {}
};

const ANSWER_MS = 900;

describe('confirming a switch through a router that answers slowly but keeps answering', () => {
  let server: http.Server;
  let url = '';

  beforeAll(async () => {
    // Every answer is right (the new generation, from green), and each takes ANSWER_MS.
    server = http.createServer((_request, response) => {
      const timer = setTimeout(() => {
        response.writeHead(200, { [COLOR_HEADER]: 'green', [GENERATION_HEADER]: generationOf(state), connection: 'close' });
        response.end('ok');
      }, ANSWER_MS);
      response.on('close', () => clearTimeout(timer));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
  });

  it('gives up at its timeout instead of finishing a streak that outlasts it', async () => {
    const started = performance.now();
    const outcome = await confirmServing(state, { url, responses: 3, timeoutMs: 2000, intervalMs: 50 }).catch((error: unknown) => error);
    const ms = performance.now() - started;
    expect(outcome).toBeInstanceOf(ReleaseError);
    expect((outcome as Error).message).toMatch(/did not serve the new state .* within 2000ms; last answer: /);
    // Three answers take 2.7 s; the wait ends by its 2 s timeout, with room for a loaded machine.
    expect(ms).toBeLessThan(2000 + 600);
  });

  it('still confirms when the streak fits in the timeout', async () => {
    await expect(confirmServing(state, { url, responses: 2, timeoutMs: 4000, intervalMs: 50 })).resolves.toBeUndefined();
  });
});
