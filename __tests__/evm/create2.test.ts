import { pad, parseAbi, size, type Address } from 'viem';
import { compileEvmFixtures, contractOf } from '../../src/demo/evm-fixtures.js';
import { EIP1967_SLOTS } from '../../src/adapters/evm/eip1967.js';
import { BadInputError, ReleaseError } from '../../src/shared/errors.js';
import { connectChain, type Chain } from '../../src/adapters/evm/chain.js';
import { create2Address, deployCreate2, DETERMINISTIC_DEPLOYER, simulateCreate2 } from '../../src/adapters/evm/create2.js';
import { ANVIL_KEYS, compileSolidity, describeWithAnvil, startAnvil, type BuildInfo, type LocalAnvil } from '../support/evm.js';

const SALT = pad('0xc0ffee', { size: 32 });

/** Constructors that fail in each way a simulation must report. */
const REFUSING = {
  'Refusing.sol': `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.22;

contract RefusesWithReason {
    constructor() {
        revert("not on this chain");
    }
}

contract RefusesSilently {
    constructor() {
        revert();
    }
}

contract LeavesNoCode {
    constructor() {
        assembly {
            return(0, 0)
        }
    }
}
`
};

describeWithAnvil('CREATE2 deployments', () => {
  let anvil: LocalAnvil;
  let build: BuildInfo;
  let refusing: BuildInfo;
  let chain: Chain;

  beforeAll(async () => {
    [anvil, build, refusing] = await Promise.all([startAnvil(), compileEvmFixtures(), compileSolidity(REFUSING)]);
    chain = await connectChain({ rpcUrl: anvil.url, chainId: anvil.chainId, privateKey: ANVIL_KEYS[0] }, { rpc: 'router.rpc', chainId: 'router.chain-id' });
  });
  afterAll(async () => {
    await anvil?.stop();
  });

  it('deploys at the predicted address, and a rerun sends nothing', async () => {
    const { bytecode, deployedBytecode } = contractOf(build, 'VaultV2');
    const predicted = create2Address(bytecode, SALT);
    expect(await chain.client.getCode({ address: predicted })).toBeUndefined();
    const first = await deployCreate2(chain, bytecode, SALT, { confirmations: 0 });
    expect(first.address).toBe(predicted);
    expect(first.hash).toMatch(/^0x[0-9a-f]{64}$/);
    // The runtime code, except the immutable UUPS keeps its own address in, which the deployment fills in.
    const code = await chain.client.getCode({ address: predicted });
    expect(size(code ?? '0x')).toBe(size(deployedBytecode));
    expect(await chain.client.readContract({ address: predicted, abi: parseAbi(['function version() pure returns (string)']), functionName: 'version' })).toBe('2');
    const height = await chain.client.getBlockNumber({ cacheTime: 0 });
    expect(await deployCreate2(chain, bytecode, SALT, { confirmations: 0 })).toEqual({ address: predicted, hash: null });
    expect(await chain.client.getBlockNumber({ cacheTime: 0 })).toBe(height);
    expect(create2Address(bytecode, pad('0x01', { size: 32 }))).not.toBe(predicted);
  });

  const state = async () => ({
    nonce: await chain.client.getTransactionCount({ address: chain.account as Address, blockTag: 'latest' }),
    block: await chain.client.getBlockNumber({ cacheTime: 0 })
  });

  it.each(['VaultV2', 'CounterV2'])('simulates the runtime code a CREATE2 deployment of %s leaves, sending nothing', async name => {
    const { bytecode } = contractOf(build, name);
    const salt = pad('0x51', { size: 32 });
    const address = create2Address(bytecode, salt);
    const before = await state();
    const simulated = await simulateCreate2(chain, bytecode, salt);
    expect(await state()).toEqual(before);
    expect(await chain.client.getCode({ address })).toBeUndefined();

    await deployCreate2(chain, bytecode, salt, { confirmations: 0 });
    expect(simulated).toBe(await chain.client.getCode({ address }));
    // Deployed, the code is read back; at a block before the deployment it is simulated again: the same either way.
    expect(await simulateCreate2(chain, bytecode, salt)).toBe(simulated);
    await expect(simulateCreate2(chain, bytecode, salt, before.block)).resolves.toBe(simulated);
  });

  it('fills the immutables with the real CREATE2 address: UUPSUpgradeable keeps its own address in one', async () => {
    const { bytecode, deployedBytecode } = contractOf(build, 'VaultV2');
    const salt = pad('0x52', { size: 32 });
    const address = create2Address(bytecode, salt);
    const simulated = await simulateCreate2(chain, bytecode, salt);
    expect(simulated).not.toBe(deployedBytecode);
    expect(simulated).toContain(address.slice(2).toLowerCase());
    const uuid = await chain.client.readContract({
      address,
      abi: parseAbi(['function proxiableUUID() view returns (bytes32)']),
      functionName: 'proxiableUUID',
      stateOverride: [{ address, code: simulated }]
    });
    expect(uuid).toBe(EIP1967_SLOTS.implementation);
  });

  it.each([
    ['RefusesWithReason', /^deploying at 0x[0-9a-fA-F]{40} would fail: the constructor reverts with not on this chain\. Nothing was sent\.$/],
    ['RefusesSilently', /would fail: the constructor reverts without a reason or runs out of gas, or the chain refuses the code it returns/],
    ['LeavesNoCode', /would leave no code there: the constructor returns empty code\. Nothing was sent\.$/]
  ])('reports a constructor that fails (%s), sending nothing', async (name, message) => {
    const before = await state();
    const error = await simulateCreate2(chain, contractOf(refusing, name).bytecode, SALT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReleaseError);
    expect((error as Error).message).toMatch(message);
    expect(await state()).toEqual(before);
  });

  it('refuses a salt that is not 32 bytes', () => {
    expect(() => create2Address('0x00', '0x01')).toThrow(BadInputError);
    expect(() => create2Address('0x00', '0x01')).toThrow(/expected 32 bytes, got 1/);
  });

  it('refuses clearly on a chain without the deterministic deployment proxy', async () => {
    const factoryCode = await chain.client.getCode({ address: DETERMINISTIC_DEPLOYER });
    await anvil.rpc('anvil_setCode', [DETERMINISTIC_DEPLOYER, '0x']);
    try {
      const { bytecode } = contractOf(build, 'CounterV2');
      for (const attempt of [() => deployCreate2(chain, bytecode, SALT, { confirmations: 0 }), () => simulateCreate2(chain, bytecode, SALT)]) {
        const error = await attempt().catch(e => e);
        expect(error).toBeInstanceOf(ReleaseError);
        expect(error.message).toMatch(new RegExp(`^chain 31337 has no deterministic deployment proxy at ${DETERMINISTIC_DEPLOYER}`));
      }
    } finally {
      await anvil.rpc('anvil_setCode', [DETERMINISTIC_DEPLOYER, factoryCode]);
    }
  });
});
