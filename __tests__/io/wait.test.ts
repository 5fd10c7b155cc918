import { setTimeout as timer } from 'node:timers/promises';
import { AbortedError, isAbortError, MAX_TIMER_MS, poll, sleep, sleepUnlessAborted, WaitTimeoutError, type Clock } from '../../src/shared/io/wait.js';

/** A clock whose sleeps pass at once, advancing its time: poll's arithmetic without real waiting. */
function fakeClock(): Clock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async ms => {
      sleeps.push(ms);
      now += ms;
    }
  };
}

/** Whether `promise` has settled, checked after the event loop ran its due timers. */
function tracked(promise: Promise<unknown>): () => boolean {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true)
  );
  return () => settled;
}

describe('sleep', () => {
  it('waits at least the time asked', async () => {
    const started = performance.now();
    await sleep(30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(29);
  });

  it('ends at once, rejecting with an abort error, when the signal aborts mid-wait', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    const error = await waiting.catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(AbortedError);
    expect(isAbortError(error)).toBe(true);
    expect((error as Error).message).toMatch(/aborted during a wait of 60000 ms/);
  });

  it('rejects before waiting when the signal has already aborted', async () => {
    await expect(sleep(60_000, AbortSignal.abort())).rejects.toThrow(AbortedError);
  });

  it('does not fire early beyond the 2^31-1 ms timer limit, and still aborts', async () => {
    for (const ms of [MAX_TIMER_MS + 1, 2 ** 32 + 5]) {
      const controller = new AbortController();
      const waiting = sleep(ms, controller.signal);
      const settled = tracked(waiting);
      // An unclamped timer would be set to 1 ms, and so fire before this 20 ms one.
      await timer(20);
      expect(settled()).toBe(false);
      controller.abort();
      await expect(waiting).rejects.toThrow(AbortedError);
    }
  });

  it('refuses a duration that is not a finite number', async () => {
    await expect(sleep(Number.NaN)).rejects.toThrow(RangeError);
    await expect(sleep(Infinity)).rejects.toThrow(RangeError);
  });
});

describe('sleepUnlessAborted', () => {
  it('tells whether the whole time passed, and never rejects on an abort', async () => {
    expect(await sleepUnlessAborted(1)).toBe(true);
    const controller = new AbortController();
    const started = performance.now();
    const waiting = sleepUnlessAborted(60_000, controller.signal);
    controller.abort();
    expect(await waiting).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await sleepUnlessAborted(60_000, AbortSignal.abort())).toBe(false);
  });
});

describe('poll', () => {
  it('returns the answer that is done, with the attempts it took', async () => {
    const clock = fakeClock();
    const polled = await poll(async attempt => attempt, { what: 'the third attempt', done: n => n === 3, timeoutMs: 10_000, intervalMs: 100, clock });
    expect(polled).toEqual({ result: 3, attempts: 3, elapsedMs: 200 });
    expect(clock.sleeps).toEqual([100, 100]);
  });

  it('backs off by the factor up to the cap, and cuts the last wait to the deadline', async () => {
    const clock = fakeClock();
    const calls: number[] = [];
    const error = await poll(
      async () => {
        calls.push(clock.now());
        return 'down';
      },
      { what: 'blue to become healthy', done: () => false, timeoutMs: 3000, intervalMs: 100, backoff: { maxIntervalMs: 800 }, clock }
    ).catch((e: unknown) => e);
    expect(clock.sleeps).toEqual([100, 200, 400, 800, 800, 700]);
    expect(calls).toEqual([0, 100, 300, 700, 1500, 2300, 3000]);
    expect(error).toBeInstanceOf(WaitTimeoutError);
  });

  it('ends at the deadline with a timeout error naming what was awaited, for how long, and the last answer', async () => {
    const clock = fakeClock();
    const error = (await poll(async attempt => `HTTP 503 (attempt ${attempt})`, {
      what: 'blue to become healthy at http://127.0.0.1:1/healthz',
      done: () => false,
      timeoutMs: 1000,
      intervalMs: 300,
      describe: last => last,
      clock
    }).catch((e: unknown) => e)) as WaitTimeoutError;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.message).toBe('timed out after 1000 ms (limit 1000 ms) waiting for blue to become healthy at http://127.0.0.1:1/healthz (5 attempts; last: HTTP 503 (attempt 5))');
    expect(error.what).toBe('blue to become healthy at http://127.0.0.1:1/healthz');
    expect(error.attempts).toBe(5);
    expect(clock.sleeps).toEqual([300, 300, 300, 100]);
  });

  it("throws the caller's own error at the deadline", async () => {
    const clock = fakeClock();
    const timeoutError = (last: number, polled: { attempts: number }) => new RangeError(`still ${last} after ${polled.attempts}`);
    await expect(poll(async () => 7, { what: 'zero', done: n => n === 0, timeoutMs: 50, intervalMs: 20, timeoutError, clock })).rejects.toThrow(new RangeError('still 7 after 4'));
  });

  it('ends at once, with an abort error naming what was awaited, when the signal aborts mid-wait', async () => {
    const controller = new AbortController();
    let calls = 0;
    const started = performance.now();
    const waiting = poll(
      async () => {
        calls++;
        // Runs once the poll is in its wait: the probe's answer and the wait's start are microtasks.
        setImmediate(() => controller.abort());
        return false;
      },
      { what: 'the router to serve the new state', done: ok => ok, timeoutMs: 120_000, intervalMs: 60_000, signal: controller.signal }
    );
    const error = await waiting.catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(calls).toBe(1);
    expect(isAbortError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^aborted while waiting for the router to serve the new state \(after \d+ ms\)$/);
  });

  it('makes no further attempt once the signal aborted during one', async () => {
    const controller = new AbortController();
    const clock = fakeClock();
    let calls = 0;
    const probe = async () => {
      calls++;
      controller.abort();
      return false;
    };
    await expect(poll(probe, { what: 'anything', done: ok => ok, timeoutMs: 10_000, intervalMs: 10, signal: controller.signal, clock })).rejects.toThrow(AbortedError);
    expect(calls).toBe(1);
    expect(clock.sleeps).toEqual([]);
    await expect(poll(probe, { what: 'anything', done: ok => ok, timeoutMs: 10_000, intervalMs: 10, signal: controller.signal, clock })).rejects.toThrow(AbortedError);
    expect(calls).toBe(1);
  });

  it("ends with the probe's own error", async () => {
    const clock = fakeClock();
    await expect(
      poll(
        async () => {
          throw new Error('the server exited');
        },
        { what: 'the server', done: () => true, timeoutMs: 1000, intervalMs: 10, clock }
      )
    ).rejects.toThrow('the server exited');
  });

  it('waits between attempts for real, growing to the cap', async () => {
    const calls: number[] = [];
    await poll(
      async () => {
        calls.push(performance.now());
        return calls.length;
      },
      { what: 'five attempts', done: n => n === 5, timeoutMs: 10_000, intervalMs: 10, backoff: { maxIntervalMs: 40 } }
    );
    const gaps = calls.slice(1).map((at, i) => at - (calls[i] as number));
    [10, 20, 40, 40].forEach((least, i) => expect(gaps[i]).toBeGreaterThanOrEqual(least - 1));
  });
});
