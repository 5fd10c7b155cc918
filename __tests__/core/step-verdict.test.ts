import type { IntervalVerdict } from '../../src/core/interval-verdict.js';
import { judgeInterval } from '../../src/core/interval-verdict.js';
import { judgeStep, type StepPolicy } from '../../src/core/step-verdict.js';
import { at, errorRateMax, interval, noData, traffic } from './analysis-fixtures.js';

// Intervals of 10s judged by one check on the new color; the old color's data does not matter to it.
const healthy = (end: number) => judgeInterval([errorRateMax], interval(end, traffic(480, 1), noData()));
const erroring = (end: number) => judgeInterval([errorRateMax], interval(end, traffic(480, 101), noData()));
const empty = (end: number) => judgeInterval([errorRateMax], interval(end, noData('prometheus returned no series'), noData()));

const policy = (over: Partial<StepPolicy> = {}): StepPolicy => ({ pauseMs: 60_000, failuresAllowed: 0, inconclusive: { kind: 'fail' }, dryRun: false, ...over });
const judge = (intervals: IntervalVerdict[], now: number, over: Partial<StepPolicy> = {}) =>
  judgeStep({ index: 1, percent: 25, startedAt: at(0), intervals }, policy(over), at(now));
const every10s = (until: number, make: (end: number) => IntervalVerdict) => Array.from({ length: until / 10 }, (_, i) => make((i + 1) * 10));

describe('judging a traffic step', () => {
  it('keeps a healthy step going until the pause has passed, then passes it', () => {
    expect(judge(every10s(30, healthy), 30)).toMatchObject({
      outcome: 'continue',
      rollback: false,
      elapsedMs: 30_000,
      reason: 'step 2 (25%) continues: 30s of 60s pause, 3 intervals (3 pass, 0 fail, 0 inconclusive).'
    });
    expect(judge(every10s(60, healthy), 60)).toEqual({
      step: 1,
      percent: 25,
      outcome: 'pass',
      rollback: false,
      dryRun: false,
      elapsedMs: 60_000,
      intervals: { pass: 6, fail: 0, inconclusive: 0 },
      failures: 0,
      failuresAllowed: 0,
      causes: [],
      reason: 'step 2 (25%) passed: 60s of 60s pause, 6 intervals (6 pass, 0 fail, 0 inconclusive); 0 failed intervals, 0 allowed.'
    });
  });

  it('does not pass a step that has not been measured, however long it lasted', () => {
    expect(judge([], 600)).toMatchObject({ outcome: 'continue' });
    expect(judge([], 600, { inconclusive: { kind: 'pass' } })).toMatchObject({ outcome: 'continue' });
  });

  it('fails an erroring step at once, before the pause, saying which check failed with the values against the limit', () => {
    const verdict = judge([healthy(10), erroring(20)], 20);
    expect(verdict).toMatchObject({ outcome: 'fail', rollback: true, failures: 1, intervals: { pass: 1, fail: 1, inconclusive: 0 } });
    expect(verdict.causes.map(c => [c.name, c.value, c.max])).toEqual([['errors', 101 / 480, 0.01]]);
    expect(verdict.reason).toBe(
      "step 2 (25%) failed: 1 failed interval, 0 allowed. Rolling back to the snapshot's weights.\n  errors: error-rate 0.21 > max 0.01 (new color, 480 requests)"
    );
  });

  it('tolerates failures-allowed failed intervals, and fails on the next one', () => {
    const oneFailure = [healthy(10), erroring(20), healthy(30), healthy(40), healthy(50), healthy(60)];
    expect(judge(oneFailure, 60, { failuresAllowed: 1 })).toMatchObject({ outcome: 'pass', failures: 1, failuresAllowed: 1 });
    expect(judge(oneFailure, 60, { failuresAllowed: 0 })).toMatchObject({ outcome: 'fail' });
    const twoFailures = [healthy(10), erroring(20), erroring(30)];
    expect(judge(twoFailures, 30, { failuresAllowed: 1 })).toMatchObject({ outcome: 'fail', rollback: true, failures: 2 });
    expect(judge(twoFailures, 30, { failuresAllowed: 1 }).reason).toMatch(/^step 2 \(25%\) failed: 2 failed intervals, 1 allowed\./);
  });

  it('in a dry run, reaches and reports the same verdict but never asks for a rollback', () => {
    const intervals = [healthy(10), erroring(20)];
    const acted = judge(intervals, 20);
    const dry = judge(intervals, 20, { dryRun: true });
    expect(dry).toEqual({ ...acted, rollback: false, dryRun: true, reason: acted.reason.replace("Rolling back to the snapshot's weights.", 'Dry run: not rolling back.') });
    expect(dry.reason).toContain('Dry run: not rolling back.');
    expect(dry.outcome).toBe('fail');
    // A passing verdict is the same in both.
    expect(judge(every10s(60, healthy), 60, { dryRun: true })).toEqual({ ...judge(every10s(60, healthy), 60), dryRun: true });
  });
});

describe('inconclusive intervals', () => {
  it('under inconclusive: fail, count as failed intervals and fail the step for lack of data', () => {
    const verdict = judge([healthy(10), empty(20)], 20);
    expect(verdict).toMatchObject({ outcome: 'inconclusive-fail', rollback: true, failures: 1, intervals: { pass: 1, fail: 0, inconclusive: 1 } });
    expect(verdict.reason).toBe(
      "step 2 (25%) failed for lack of data: 1 failed interval, 0 allowed, counting inconclusive intervals as failed (inconclusive: fail). Rolling back to the snapshot's weights.\n" +
        '  errors: error-rate: no data from the new color (prometheus returned no series)'
    );
    expect(judge([healthy(10), empty(20)], 20, { dryRun: true })).toMatchObject({ outcome: 'inconclusive-fail', rollback: false });
  });

  it('under inconclusive: fail, report a real failure over missing data when both count', () => {
    expect(judge([erroring(10), empty(20)], 20, { failuresAllowed: 1 })).toMatchObject({ outcome: 'fail', causes: [{ name: 'errors', outcome: 'fail' }] });
  });

  it('need one conclusive interval before a step passes, unless inconclusive: pass', () => {
    const noneConclusive = every10s(60, empty);
    expect(judge(noneConclusive, 60, { failuresAllowed: 10 })).toMatchObject({
      outcome: 'continue',
      reason: 'step 2 (25%) continues: 60s of 60s pause, 6 intervals (0 pass, 0 fail, 6 inconclusive); no interval has been conclusive yet.'
    });
    expect(judge(noneConclusive, 60, { inconclusive: { kind: 'pass' } })).toMatchObject({ outcome: 'pass', failures: 0, intervals: { inconclusive: 6 } });
  });

  it('under inconclusive: pass, never count against the step; real failures still do', () => {
    expect(judge([empty(10), empty(20)], 20, { inconclusive: { kind: 'pass' } })).toMatchObject({ outcome: 'continue' });
    expect(judge([empty(10), erroring(20)], 20, { inconclusive: { kind: 'pass' } })).toMatchObject({ outcome: 'fail', failures: 1 });
  });

  it('under inconclusive: wait, wait for data up to the limit counted from the step start, then fail', () => {
    const wait = { inconclusive: { kind: 'wait', limitMs: 30_000 } } as const;
    expect(judge([empty(10), empty(20)], 20, wait)).toMatchObject({
      outcome: 'continue',
      failures: 0,
      reason: 'step 2 (25%) waits for data: no conclusive data for 20s of the 30s wait limit.'
    });
    const verdict = judge([empty(10), empty(20), empty(30)], 30, wait);
    expect(verdict).toMatchObject({ outcome: 'inconclusive-fail', rollback: true, causes: [{ name: 'errors', outcome: 'inconclusive' }] });
    expect(verdict.reason).toMatch(/^step 2 \(25%\) failed for lack of data: no conclusive data for 30s of the 30s wait limit\. Rolling back/);
  });

  it('under inconclusive: wait, count the limit from the last conclusive interval', () => {
    const wait = { inconclusive: { kind: 'wait', limitMs: 30_000 } } as const;
    const dataStopped = [healthy(10), empty(20), empty(30), empty(40)];
    expect(judge(dataStopped, 39, wait)).toMatchObject({ outcome: 'continue', reason: expect.stringContaining('no conclusive data for 29s') });
    expect(judge(dataStopped, 40, wait)).toMatchObject({ outcome: 'inconclusive-fail' });
  });

  it('under inconclusive: wait, do not pass a step whose latest interval lacks data, but pass once data returns', () => {
    const wait = { inconclusive: { kind: 'wait', limitMs: 60_000 } } as const;
    const lastEmpty = [...every10s(50, healthy), empty(60)];
    expect(judge(lastEmpty, 60, wait)).toMatchObject({ outcome: 'continue', reason: expect.stringContaining('waits for data') });
    expect(judge([...lastEmpty, healthy(70)], 70, wait)).toMatchObject({ outcome: 'pass', intervals: { pass: 6, fail: 0, inconclusive: 1 } });
  });
});
