import { implementationState } from '../../src/adapters/routers/evm-proxy/implementation-colors.js';

const A = '0x00000000000000000000000000000000000000Aa';
const B = '0x00000000000000000000000000000000000000bB';
const C = '0x00000000000000000000000000000000000000cc';
const settings = { proxy: '0x1' };

describe('implementation colors', () => {
  it('starts a first release with the live implementation on blue and the candidate on green', () => {
    expect(implementationState({ live: A, candidate: B, recorded: null, settings })).toEqual({
      kind: 'evm-proxy',
      endpoints: { blue: A, green: B },
      weights: { blue: 100, green: 0 },
      settings
    });
  });

  it("keeps the release's colors while its snapshot names the candidate: promoted, rolled back, or drifted", () => {
    const snapshot = implementationState({ live: A, candidate: B, recorded: null, settings });
    expect(implementationState({ live: B.toLowerCase(), candidate: B, recorded: snapshot, settings }).weights).toEqual({ blue: 0, green: 100 });
    expect(implementationState({ live: A, candidate: B, recorded: snapshot, settings })).toEqual(snapshot);
    const drifted = implementationState({ live: C, candidate: B, recorded: snapshot, settings });
    expect(drifted.endpoints).toEqual({ blue: C, green: B });
    expect(drifted.weights).toEqual({ blue: 100, green: 0 });
  });

  it('starts the next release with the live implementation keeping its color', () => {
    const promoted = { kind: 'evm-proxy', endpoints: { blue: A, green: B }, weights: { blue: 0, green: 100 }, settings };
    expect(implementationState({ live: B, candidate: C, recorded: promoted, settings })).toMatchObject({ endpoints: { blue: C, green: B }, weights: { blue: 0, green: 100 } });
    // Releasing the old implementation again while an unknown one is live: the unknown one is live, the candidate idle.
    expect(implementationState({ live: C, candidate: A, recorded: promoted, settings })).toMatchObject({ endpoints: { blue: A, green: C }, weights: { blue: 0, green: 100 } });
    expect(implementationState({ live: C, candidate: B, recorded: { ...promoted, weights: { blue: 100, green: 0 } }, settings })).toMatchObject({
      endpoints: { blue: C, green: B },
      weights: { blue: 100, green: 0 }
    });
  });
});
