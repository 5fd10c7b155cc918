import { canonicalJson, digestOf } from '../../src/core/canonical.js';
import { refusalOf } from '../support/refusal.js';
import type { RouterState } from '../../src/core/router-state.js';
import { parseSnapshot, serializeSnapshot, takeSnapshot } from '../../src/core/snapshot.js';

const router: RouterState = {
  kind: 'nginx',
  endpoints: { blue: '127.0.0.1:8081', green: '127.0.0.1:8082' },
  weights: { blue: 100, green: 0 },
  settings: { upstream: 'cutover_shop' }
};

const take = (state = router) =>
  takeSnapshot({
    service: 'shop',
    environment: 'production',
    takenAt: new Date('2026-11-23T10:00:00Z'),
    source: { git_sha: 'abc', run_id: '42', actor: 'octocat' },
    router: state,
    versions: { blue: '1.0.0', green: null },
    database: null
  });

const refusal = (text: string) => refusalOf(() => parseSnapshot(text, 'input "snapshot"'));

describe('canonical JSON', () => {
  it('serialises equal values to the same bytes whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}');
    expect(digestOf({ x: 1, y: 2 })).toBe(digestOf({ y: 2, x: 1 }));
    expect(digestOf({ x: 1 })).not.toBe(digestOf({ x: 2 }));
  });
});

describe('snapshot', () => {
  it('records live and idle colors from the weights', () => {
    expect(take().snapshot).toMatchObject({ live_color: 'blue', idle_color: 'green' });
    expect(take({ ...router, weights: { blue: 10, green: 90 } }).snapshot).toMatchObject({ live_color: 'green', idle_color: 'blue' });
  });

  it('round-trips through its serialised form', () => {
    const sealed = take();
    expect(parseSnapshot(serializeSnapshot(sealed), 'x')).toEqual(sealed);
  });

  it('refuses an edited snapshot and names the fields that changed', () => {
    const doc = JSON.parse(serializeSnapshot(take()));
    doc.snapshot.weights.blue = 0;
    doc.snapshot.weights.green = 100;
    doc.snapshot.versions.green = '9.9.9';
    const message = refusal(JSON.stringify(doc));
    expect(message).toMatch(/does not match its digest \(recorded sha256:[0-9a-f]{64}, content hashes to sha256:[0-9a-f]{64}\)/);
    expect(message).toMatch(/fields changed since it was taken: versions\.green, weights\.blue, weights\.green/);
  });

  it('says so when only the digest was altered', () => {
    const doc = JSON.parse(serializeSnapshot(take()));
    doc.digest = 'sha256:' + '0'.repeat(64);
    expect(refusal(JSON.stringify(doc))).toMatch(/its content is as taken, so the digest itself was altered/);
  });

  it('refuses a router state that does not match the recorded router digest', () => {
    const sealed = take();
    const forged = takeSnapshot({ ...sealed.snapshot, takenAt: new Date(sealed.snapshot.taken_at), router: { ...router, weights: { blue: 0, green: 100 } }, service: 'shop', environment: 'production', source: sealed.snapshot.source, versions: sealed.snapshot.versions });
    const doc = JSON.parse(serializeSnapshot(forged));
    doc.snapshot.router.digest = sealed.snapshot.router.digest;
    // Reseal so only the inner inconsistency remains.
    const resealed = { snapshot: doc.snapshot, digest: digestOf(doc.snapshot), fingerprints: doc.fingerprints };
    expect(refusal(JSON.stringify(resealed))).toMatch(/router\.digest does not match router\.state/);
  });

  it('names every malformed field of something that is not a snapshot', () => {
    const message = refusal('{"snapshot": {"service": ""}, "digest": "md5:x"}');
    expect(message).toMatch(/not a cutover snapshot:/);
    expect(message).toMatch(/\n {2}digest: expected "sha256:" and 64 hex digits/);
    expect(message).toMatch(/\n {2}snapshot\.service: Too small/);
    expect(message).toMatch(/\n {2}fingerprints: /);
    expect(refusal('not json')).toMatch(/not valid JSON/);
  });
});
