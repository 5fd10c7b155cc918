import { Duplex, PassThrough } from 'node:stream';
import { exchange, ExchangeError, readAnswer } from '../../src/shared/io/exchange.js';
import { budget } from '../../src/shared/io/wait.js';

/** A stream to a peer in memory: what is written to it, and the peer's side to answer on. */
function peer(): { stream: Duplex; received: () => string; answer: PassThrough } {
  const sent = new PassThrough();
  const answer = new PassThrough();
  let received = '';
  sent.on('data', chunk => (received += String(chunk)));
  return { stream: Duplex.from({ readable: answer, writable: sent }), received: () => received, answer };
}

async function failure(work: Promise<unknown>): Promise<ExchangeError> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ExchangeError);
  return error as ExchangeError;
}

describe('exchange', () => {
  it('writes the request and returns all the peer sent until it closed', async () => {
    const { stream, received, answer } = peer();
    const answering = exchange(stream, 'show info\n', { limit: budget(5000), maxBytes: 1024 });
    answer.end('Name: HAProxy\n');
    expect((await answering).toString()).toBe('Name: HAProxy\n');
    expect(received()).toBe('show info\n');
  });

  it('ends at the deadline, naming the whole limit, and keeps what came before for the caller', async () => {
    const { stream, answer } = peer();
    answer.write('Unknown command.\n');
    const started = performance.now();
    const error = await failure(exchange(stream, 'help\n', { limit: budget(300), maxBytes: 1024 }));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error).toMatchObject({ failure: 'timeout', message: 'no complete answer within 300ms', partial: 'Unknown command.\n' });
    expect(stream.destroyed).toBe(true);
  });

  it('gives the answer only what is left of a limit its exchange began earlier', async () => {
    // A clock 300 ms on from the limit's start: connecting took that much.
    let now = 0;
    const limit = budget(400, { now: () => now, sleep: async () => undefined });
    now = 300;
    const started = performance.now();
    const error = await failure(readAnswer(new PassThrough(), { limit, maxBytes: 1024 }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    expect(performance.now() - started).toBeLessThan(300);
    expect(error.message).toBe('no complete answer within 400ms');
  });

  it('ends when a deadline that began before the answer passes', async () => {
    const error = await failure(readAnswer(new PassThrough(), { limit: budget(10_000), maxBytes: 1024, deadline: AbortSignal.timeout(50) }));
    expect(error).toMatchObject({ failure: 'timeout', message: 'no complete answer within 10000ms' });
  });

  it('stops reading at once when the answer passes its cap, and hangs up', async () => {
    const endless = new PassThrough();
    endless.write('x'.repeat(1200));
    const error = await failure(readAnswer(endless, { limit: budget(5000), maxBytes: 1000 }));
    expect(error).toMatchObject({ failure: 'too-long', message: 'answer longer than 1000 bytes' });
    expect(endless.destroyed).toBe(true);
  });

  it('says the connection closed when the peer hangs up before the answer ended', async () => {
    const { stream, answer } = peer();
    const answering = exchange(stream, 'show stat\n', { limit: budget(5000), maxBytes: 1024 });
    answer.write('# pxname');
    answer.destroy();
    const error = await failure(answering);
    expect(error).toMatchObject({ failure: 'cut-short', message: 'the connection closed before the answer ended' });
  });

  it("passes on the stream's own failure, such as a refused connection", async () => {
    const { stream, answer } = peer();
    const answering = exchange(stream, 'show info\n', { limit: budget(5000), maxBytes: 1024 });
    answer.destroy(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }));
    const error = await failure(answering);
    expect(error).toMatchObject({ failure: 'failed', message: 'connect ECONNREFUSED 127.0.0.1:1' });
  });
});
