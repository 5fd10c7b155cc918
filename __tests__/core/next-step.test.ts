import { adviceAfterFailure, type FailureFacts } from '../../src/core/next-step.js';

const facts = (over: Partial<FailureFacts>): FailureFacts => ({ step: 'promote', cause: undefined, position: 'as-snapshot', weightsNow: 'blue 100% / green 0%', contractStarted: false, ...over });

describe('what to do next after a failure', () => {
  it('follows the cause the failure gives', () => {
    expect(adviceAfterFailure(facts({ step: 'rollback', cause: 'fix-forward' }))).toMatchObject({ cause: 'fix-forward', next: expect.stringMatching(/^Do not roll back: .*Fix forward/) });
    expect(adviceAfterFailure(facts({ cause: 'back-on-snapshot' })).next).toMatch(/^Traffic is already back as the snapshot recorded: there is nothing to roll back\./);
    expect(adviceAfterFailure(facts({ step: 'contract', cause: 'soaking' })).next).toMatch(/^Nothing changed, and rollback is still safe\. Wait .* force and the reason/);
    expect(adviceAfterFailure(facts({ cause: 'not-approved' })).next).toMatch(/^Nothing changed\. A required reviewer approves/);
    expect(adviceAfterFailure(facts({ step: 'deploy', cause: 'drifted' })).next).toMatch(/^Nothing changed by this release: someone else changed/);
  });

  it('never tells a refused rollback to run rollback again, nor a rolled-back canary to roll back', () => {
    for (const cause of ['fix-forward', 'back-on-snapshot', 'soaking'] as const) {
      for (const step of ['promote', 'rollback', 'contract'] as const) {
        expect([cause, step, adviceAfterFailure(facts({ step, cause })).next]).not.toEqual([cause, step, expect.stringMatching(/Run rollback (again|to return)/)]);
      }
    }
  });

  it('judges a failure that gave no cause by where traffic and the schema are now', () => {
    expect(adviceAfterFailure(facts({ position: 'canary', weightsNow: 'blue 90% / green 10%' }))).toEqual({
      cause: 'traffic-moved',
      next: 'Traffic is left at blue 90% / green 10%. Run rollback to return to the snapshot, or fix the cause and run promote again.'
    });
    expect(adviceAfterFailure(facts({ position: 'as-snapshot' })).cause).toBe('unchanged');
    expect(adviceAfterFailure(facts({ step: 'rollback', position: 'as-snapshot' })).cause).toBe('back-on-snapshot');
    expect(adviceAfterFailure(facts({ position: 'drifted' })).cause).toBe('drifted');
    expect(adviceAfterFailure(facts({ step: 'migrate', position: 'unknown' })).next).toBe('No traffic moved. Run migrate again: the backfill resumes after its last committed batch.');
    expect(adviceAfterFailure(facts({ step: 'contract', position: 'promoted' })).next).toMatch(/^Rollback is no longer safe: contract has started\./);
    expect(adviceAfterFailure(facts({ step: 'promote', position: 'promoted', contractStarted: true })).cause).toBe('fix-forward');
  });
});
