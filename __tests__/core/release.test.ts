import { DriftError, ReleaseError } from '../../src/shared/errors.js';
import { decide, phaseWhenAlreadyDone, positionOf, promotedState } from '../../src/core/release.js';
import type { RouterState } from '../../src/core/router-state.js';
import { takeSnapshot } from '../../src/core/snapshot.js';
import { liveColorOf } from '../../src/core/weights.js';

const blueLive: RouterState = {
  kind: 'nginx',
  endpoints: { blue: '127.0.0.1:8081', green: '127.0.0.1:8082' },
  weights: { blue: 100, green: 0 },
  settings: { upstream: 'u' }
};
const sealed = takeSnapshot({
  service: 's',
  environment: null,
  takenAt: new Date(0),
  source: { git_sha: null, run_id: null, actor: null },
  router: blueLive,
  versions: { blue: null, green: null },
  database: null
});
const greenLive = promotedState(sealed);
const split: RouterState = { ...blueLive, weights: { blue: 50, green: 50 } };

describe('release decisions', () => {
  it('promotes from the snapshot state to all on the idle color, once', () => {
    expect(greenLive.weights).toEqual({ blue: 0, green: 100 });
    expect(decide('promote', sealed, blueLive, 'deployed')).toEqual({ outcome: 'run', target: greenLive });
    expect(decide('promote', sealed, greenLive, 'promoted')).toMatchObject({ outcome: 'already-done' });
  });

  it('rolls back to exactly the snapshot state, once', () => {
    expect(decide('rollback', sealed, greenLive)).toEqual({ outcome: 'run', target: blueLive });
    expect(decide('rollback', sealed, blueLive)).toMatchObject({ outcome: 'already-done' });
  });

  it('refuses every step on a router this release did not put there', () => {
    expect(positionOf(sealed, split)).toBe('drifted');
    for (const step of ['deploy', 'promote', 'rollback'] as const) {
      expect(() => decide(step, sealed, split)).toThrow(DriftError);
    }
    expect(() => decide('promote', sealed, { ...blueLive, endpoints: { ...blueLive.endpoints, green: '127.0.0.1:9999' } })).toThrow(/endpoints\.green: "127\.0\.0\.1:8082" -> "127\.0\.0\.1:9999"/);
  });

  it('refuses to promote before deploy, and to deploy onto a live color', () => {
    expect(() => decide('promote', sealed, blueLive, 'snapshotted')).toThrow(/has not been deployed/);
    expect(() => decide('deploy', sealed, greenLive)).toThrow(ReleaseError);
    expect(decide('promote', sealed, blueLive, undefined)).toMatchObject({ outcome: 'run' });
  });

  it('refuses to deploy onto an idle color that still carries part of the traffic', () => {
    const canary = takeSnapshot({ ...{ service: 's', environment: null, takenAt: new Date(0), source: sealed.snapshot.source, versions: sealed.snapshot.versions, database: null }, router: { ...blueLive, weights: { blue: 90, green: 10 } } });
    expect(() => decide('deploy', canary, canary.snapshot.router.state)).toThrow(/green carries 10% of traffic/);
  });
});

describe('the phase a step records when the router already holds its target', () => {
  it('is what the step would have left, except that contracted stays contracted and a rollback with nothing to undo changes nothing', () => {
    expect(phaseWhenAlreadyDone('promote', 'snapshotted')).toBe('promoted');
    expect(phaseWhenAlreadyDone('promote', 'contracted')).toBe('contracted');
    expect(phaseWhenAlreadyDone('rollback', 'promoted')).toBe('rolled-back');
    expect(phaseWhenAlreadyDone('rollback', 'deployed')).toBe('deployed');
    expect(phaseWhenAlreadyDone('rollback', 'contracted')).toBe('contracted');
  });
});

describe('weights', () => {
  it('names the live color, blue on a tie', () => {
    expect(liveColorOf({ blue: 0, green: 100 })).toBe('green');
    expect(liveColorOf({ blue: 50, green: 50 })).toBe('blue');
  });
});
