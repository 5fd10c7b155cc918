import { isAddress } from 'viem';
import { cli } from '../support/cli.js';
import { ANVIL_KEYS, describeWithAnvil } from '../support/evm.js';

const TX = /^0x[0-9a-f]{64}$/;
const STEP_LINE = (step: string) => new RegExp(`^${step} +block (\\d+) +(0x[0-9a-f]{64}) +(no transaction|tx .*)$`, 'm');

interface Figures {
  kind: string;
  proxy: string;
  implementation: { before: string; after: string };
  steps: { step: string; block: number; blockHash: string; transactions: string[] }[];
  reads: Record<string, string>;
}

/** `cutover demo evm` in this process, as `npx cutover demo evm --json` runs it. */
async function demoEvm(kind: string) {
  const run = await cli(['demo', 'evm', '--kind', kind, '--json']);
  const figures = run.code === 0 ? (JSON.parse(run.out.slice(run.out.indexOf('{'))) as Figures) : null;
  return { ...run, figures };
}

function expectRelease(run: Awaited<ReturnType<typeof demoEvm>>, kind: string, reads: Record<string, string>) {
  expect({ code: run.code, err: run.code === 0 ? '' : run.err }).toEqual({ code: 0, err: '' });
  const figures = run.figures as Figures;
  const blocks = ['snapshot', 'deploy', 'promote', 'rollback', 'promote again'].map(step => {
    const line = STEP_LINE(step).exec(run.out);
    expect(line).not.toBeNull();
    return Number(line?.[1]);
  });
  // Each step after the snapshot sent something, so each acted in a later block than the one before.
  for (let i = 1; i < blocks.length; i++) expect(blocks[i]).toBeGreaterThan(blocks[i - 1] as number);
  expect(STEP_LINE('snapshot').exec(run.out)?.[3]).toBe('no transaction');

  expect(figures.kind).toBe(kind);
  expect(isAddress(figures.proxy)).toBe(true);
  expect(figures.steps.map(s => s.step)).toEqual(['snapshot', 'deploy', 'promote', 'rollback', 'promote again']);
  expect(figures.steps.map(s => s.block)).toEqual(blocks);
  const [snapshot, ...sending] = figures.steps;
  expect(snapshot?.transactions).toEqual([]);
  for (const step of sending) {
    expect(step.transactions).toHaveLength(1);
    expect(step.transactions[0]).toMatch(TX);
    expect(run.out).toContain(`tx ${step.transactions[0]}`);
  }
  expect(new Set(sending.flatMap(s => s.transactions)).size).toBe(4);

  const { before, after } = figures.implementation;
  expect(isAddress(before) && isAddress(after)).toBe(true);
  expect(after).not.toBe(before);
  expect(run.out).toContain(`the proxy delegates to ${after}`);
  // V2 answers through the proxy, with V1's state kept and the initializer's value set (once: a second call would revert).
  expect(figures.reads).toEqual({ version: '2', ...reads });

  // The signer key and the RPC URL are only in the steps' environment.
  expect(run.out + run.err).not.toContain(ANVIL_KEYS[0]);
  expect(run.out + run.err).not.toContain(ANVIL_KEYS[0].slice(2));
  expect(run.out + run.err).not.toMatch(/http:\/\/127\.0\.0\.1/);
}

describeWithAnvil('cutover demo evm', () => {
  it('releases a UUPS vault: deploy, promote, rollback, promote again, each with its block and transaction', async () => {
    expectRelease(await demoEvm('uups'), 'uups', { value: '41', fee: '25' });
  }, 60_000);

  it('releases a counter behind a transparent proxy, through its ProxyAdmin', async () => {
    expectRelease(await demoEvm('transparent'), 'transparent', { count: '5', step: '3' });
  }, 30_000);

  it('releases a counter behind a beacon proxy, through its beacon, with no initializer (upgradeTo carries no call)', async () => {
    expectRelease(await demoEvm('beacon'), 'beacon', { count: '5' });
  }, 30_000);
});

describe('cutover demo evm, bad input', () => {
  it('refuses an unknown proxy kind, naming the flag, the value and the choices', async () => {
    const run = await cli(['demo', 'evm', '--kind', 'diamond']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/--kind: expected uups, transparent, beacon, got "diamond"/);
  });
});
