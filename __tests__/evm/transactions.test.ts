import { createPublicClient, encodeFunctionData, http, keccak256, pad, parseAbi, toFunctionSelector, toHex, type Hex, type PublicClient } from 'viem';
import { contractOf, deployImplementation, deployProxy, type ProxyFixture } from '../../src/demo/evm-fixtures.js';
import { BadInputError, ReleaseError } from '../../src/shared/errors.js';
import { sleep } from '../../src/shared/io/wait.js';
import { connectChain, type Chain } from '../../src/adapters/evm/chain.js';
import { readProxy } from '../../src/adapters/evm/proxy-state.js';
import { sendCall, waitForBlock } from '../../src/adapters/evm/transactions.js';
import { upgradeCall } from '../../src/adapters/evm/upgrade-call.js';
import { ANVIL_KEYS, CHAIN_FIELDS, describeWithAnvil, useEvmBench, type LocalAnvil } from '../support/evm.js';

const VERSION = parseAbi(['function version() view returns (string)']);
// OwnableUpgradeable's ERC-7201 namespace: keccak256(abi.encode(uint256(keccak256("openzeppelin.storage.Ownable")) - 1)) & ~0xff.
const OWNABLE_SLOT = toHex((BigInt(keccak256(pad(toHex(BigInt(keccak256(toHex('openzeppelin.storage.Ownable'))) - 1n), { size: 32 }))) >> 8n) << 8n, { size: 32 });

/** Polls `condition` until it holds; the test's timeout bounds it. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await sleep(10);
}

describeWithAnvil('transactions', () => {
  const bench = useEvmBench();
  let anvil: LocalAnvil;
  let owner: Chain;
  let stranger: Chain;
  let vault: ProxyFixture;

  beforeAll(async () => {
    ({ anvil, chain: owner } = bench);
    stranger = await connectChain({ rpcUrl: anvil.url, chainId: anvil.chainId, privateKey: ANVIL_KEYS[1] }, CHAIN_FIELDS);
    vault = await deployProxy(anvil.url, bench.build, 'uups');
  });

  const height = () => owner.client.getBlockNumber({ cacheTime: 0 });
  const upgradeTo = async (name: string) => upgradeCall(await readProxy(owner, vault.proxy, 'uups', 'router.proxy'), await deployImplementation(anvil.url, bench.build, name), '0x');

  describe('waitForBlock', () => {
    it('returns at once when the chain is already there', async () => {
      const heard: bigint[] = [];
      const now = await height();
      expect(await waitForBlock(owner, now, { onWait: current => heard.push(current) })).toBe(now);
      expect(await waitForBlock(owner, 0n)).toBe(now);
      expect(heard).toEqual([]);
    });

    it('returns when the block is mined, telling each height it waited at', async () => {
      const heard: bigint[] = [];
      const now = await height();
      const waiting = waitForBlock(owner, now + 1n, { onWait: current => heard.push(current) });
      await until(() => heard.length > 0);
      await anvil.rpc('evm_mine');
      expect(await waiting).toBe(now + 1n);
      expect(heard).toEqual([now]);
    });

    it('stops waiting when the signal aborts', async () => {
      const heard: bigint[] = [];
      const controller = new AbortController();
      const waiting = waitForBlock(owner, (await height()) + 100n, { signal: controller.signal, onWait: current => heard.push(current) });
      await until(() => heard.length > 0);
      controller.abort();
      await expect(waiting).rejects.toThrow(/aborted/);
    });
  });

  describe('sendCall', () => {
    it('refuses without a signer, naming the field that holds it', async () => {
      const readOnly = await connectChain({ rpcUrl: anvil.url, chainId: anvil.chainId }, CHAIN_FIELDS);
      const call = await upgradeTo('VaultV2');
      const error = await sendCall(readOnly, call, { confirmations: 0, signerField: 'router.private-key' }).catch(e => e);
      expect(error).toBeInstanceOf(BadInputError);
      expect(error.message).toMatch(/^router\.private-key: sending the call 0x4f1ef286 to 0x[0-9a-fA-F]{40} needs a signer, and none is set\./);
    });

    it('reports a call that would revert with its decoded reason, never the call data', async () => {
      const call = await upgradeTo('VaultV2');
      const error = await sendCall(stranger, call, { confirmations: 0 }).catch(e => e);
      expect(error).toBeInstanceOf(ReleaseError);
      expect(error.message).toBe(`the call 0x4f1ef286 to ${vault.proxy} was not sent: OwnableUnauthorizedAccount(${stranger.account})`);
      expect(await owner.client.readContract({ address: vault.proxy, abi: VERSION, functionName: 'version' })).toBe('1');
    });

    it("names a custom error from the ABI it is given, and gives the selector of one it does not know", async () => {
      const reverting = await deployImplementation(anvil.url, bench.build, 'VaultV2Reverting');
      const call = { to: reverting, data: encodeFunctionData({ abi: VERSION, functionName: 'version' }), value: 0n };
      const unknown = await sendCall(owner, call, { confirmations: 0 }).catch(e => e);
      expect(unknown.message).toBe(`the call ${toFunctionSelector('function version()')} to ${reverting} was not sent: custom error ${toFunctionSelector('error VersionUnavailable()')} (not one cutover knows; look the selector up in the contract's ABI)`);
      const named = await sendCall(owner, call, { confirmations: 0, errors: contractOf(bench.build, 'VaultV2Reverting').abi }).catch(e => e);
      expect(named.message).toBe(`the call ${toFunctionSelector('function version()')} to ${reverting} was not sent: VersionUnavailable()`);
    });

    it('reports a transaction that reverts on chain, with the reason from a replay', async () => {
      const call = await upgradeTo('VaultV2');
      await anvil.rpc('evm_setAutomine', [false]);
      try {
        const sending = sendCall(owner, call, { confirmations: 0 }).catch(e => e);
        await until(async () => (await anvil.rpc<{ pending: string }>('txpool_status')).pending !== '0x0');
        // Ownership moves after gas was estimated and before the block: the upgrade now reverts on chain.
        await anvil.rpc('anvil_setStorageAt', [vault.proxy, OWNABLE_SLOT, pad(stranger.account as Hex, { size: 32 })]);
        await anvil.rpc('evm_mine');
        const error = await sending;
        expect(error).toBeInstanceOf(ReleaseError);
        expect(error.message).toMatch(new RegExp(`^the call 0x4f1ef286 to ${vault.proxy} reverted in block \\d+ \\(transaction 0x[0-9a-f]{64}\\): OwnableUnauthorizedAccount\\(${owner.account}\\)$`));
      } finally {
        await anvil.rpc('anvil_setStorageAt', [vault.proxy, OWNABLE_SLOT, pad(owner.account as Hex, { size: 32 })]);
        await anvil.rpc('evm_setAutomine', [true]);
      }
    });

    it('returns only once the transaction has the confirmations asked for', async () => {
      const calls: string[] = [];
      // Watches the polling: a second eth_blockNumber means the first found the chain short of the confirmations.
      const watched: Chain = {
        ...owner,
        client: createPublicClient({
          transport: http(anvil.url, { onFetchRequest: (_request, init) => void calls.push(JSON.parse(String(init.body)).method) }),
          pollingInterval: 50
        }) as PublicClient
      };
      let done = false;
      const heard: string[] = [];
      const sending = sendCall(watched, await upgradeTo('VaultV2'), { confirmations: 2, onWait: line => heard.push(line) }).finally(() => (done = true));
      await until(() => calls.filter(method => method === 'eth_blockNumber').length >= 2);
      expect(done).toBe(false);
      await anvil.rpc('anvil_mine', ['0x2']);
      const sent = await sending;
      expect(await height()).toBe(sent.blockNumber + 2n);
      expect((await owner.client.getBlock({ blockNumber: sent.blockNumber })).hash).toBe(sent.blockHash);
      expect(sent.gasUsed).toBeGreaterThan(21000n);
      // The log says what the step waits for.
      expect(heard[0]).toBe(`sent transaction ${sent.hash} (the call 0x4f1ef286 to ${vault.proxy})`);
      expect(heard[1]).toBe(`transaction ${sent.hash} is in block ${sent.blockNumber}; waiting for block ${sent.blockNumber + 2n} (2 confirmation(s))`);
      expect(heard[2]).toBe(`  block ${sent.blockNumber}, waiting for ${sent.blockNumber + 2n}`);
      expect(await owner.client.readContract({ address: vault.proxy, abi: VERSION, functionName: 'version' })).toBe('2');
    });

    it('gives up on a transaction not mined within the timeout, naming it and saying it may still be mined', async () => {
      const call = await upgradeTo('VaultV2');
      await anvil.rpc('evm_setAutomine', [false]);
      try {
        const error = await sendCall(owner, call, { confirmations: 0, timeoutMs: 300 }).catch(e => e);
        expect(error).toBeInstanceOf(ReleaseError);
        expect(error.message).toMatch(
          new RegExp(`^transaction 0x[0-9a-f]{64} \\(the call 0x4f1ef286 to ${vault.proxy}\\) was not mined within 300ms\\. It may still be mined: check it on a block explorer, then run the step again; a re-run reads the chain first, so it does not send the change twice\\.$`)
        );
        const hash = /transaction (0x[0-9a-f]{64})/.exec(error.message)?.[1] as Hex;
        expect((await owner.client.getTransaction({ hash })).blockNumber).toBeNull();
        await anvil.rpc('evm_mine');
        expect((await owner.client.getTransactionReceipt({ hash })).status).toBe('success');
      } finally {
        await anvil.rpc('evm_setAutomine', [true]);
      }
    });

    it('gives up on a mined transaction that does not get its confirmations within the timeout', async () => {
      const before = await height();
      const error = await sendCall(owner, await upgradeTo('VaultV2'), { confirmations: 2, timeoutMs: 300 }).catch(e => e);
      expect(error).toBeInstanceOf(ReleaseError);
      expect(error.message).toMatch(/^transaction 0x[0-9a-f]{64} \(the call 0x4f1ef286 to 0x[0-9a-fA-F]{40}\) was not mined and confirmed by 2 more block\(s\) within 300ms\. It may still be mined/);
      // Mined at once (automine), but nothing mined on top of it.
      expect(await height()).toBe(before + 2n);
    });

    it('stops waiting when the signal aborts before the timeout, with the abort and not the timeout', async () => {
      const controller = new AbortController();
      const sending = sendCall(owner, await upgradeTo('VaultV2'), { confirmations: 5, timeoutMs: 60_000, signal: controller.signal }).catch(e => e);
      controller.abort();
      const error = await sending;
      expect(error).not.toBeInstanceOf(ReleaseError);
      expect(String(error)).toMatch(/abort/i);
    });
  });
});
