import { pad, parseAbi, size } from 'viem';
import { compileEvmFixtures, contractOf } from '../../src/demo/evm-fixtures.js';
import { BadInputError, ReleaseError } from '../../src/core/errors.js';
import { connectChain, type Chain } from '../../src/evm/chain.js';
import { create2Address, deployCreate2, DETERMINISTIC_DEPLOYER } from '../../src/evm/create2.js';
import { ANVIL_KEYS, describeWithAnvil, startAnvil, type BuildInfo, type LocalAnvil } from '../support/evm.js';

const SALT = pad('0xc0ffee', { size: 32 });

describeWithAnvil('CREATE2 deployments', () => {
  let anvil: LocalAnvil;
  let build: BuildInfo;
  let chain: Chain;

  beforeAll(async () => {
    [anvil, build] = await Promise.all([startAnvil(), compileEvmFixtures()]);
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

  it('refuses a salt that is not 32 bytes', () => {
    expect(() => create2Address('0x00', '0x01')).toThrow(BadInputError);
    expect(() => create2Address('0x00', '0x01')).toThrow(/expected 32 bytes, got 1/);
  });

  it('refuses clearly on a chain without the deterministic deployment proxy', async () => {
    const factoryCode = await chain.client.getCode({ address: DETERMINISTIC_DEPLOYER });
    await anvil.rpc('anvil_setCode', [DETERMINISTIC_DEPLOYER, '0x']);
    try {
      const error = await deployCreate2(chain, contractOf(build, 'CounterV2').bytecode, SALT, { confirmations: 0 }).catch(e => e);
      expect(error).toBeInstanceOf(ReleaseError);
      expect(error.message).toMatch(new RegExp(`^chain 31337 has no deterministic deployment proxy at ${DETERMINISTIC_DEPLOYER}`));
    } finally {
      await anvil.rpc('anvil_setCode', [DETERMINISTIC_DEPLOYER, factoryCode]);
    }
  });
});
