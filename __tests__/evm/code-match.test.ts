import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Address, Hex } from 'viem';
import { connectChain, type Chain } from '../../src/adapters/evm/chain.js';
import { runtimeCodeMatches } from '../../src/adapters/evm/code-match.js';
import { loadContractBuild, type ContractBuild } from '../../src/adapters/evm/contract-build.js';
import { ANVIL_KEYS, compileSolidity, describeWithAnvil, startAnvil, type LocalAnvil } from '../support/evm.js';
import { BOX_SOURCE } from '../support/evm-sources.js';

const TAGGED = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.22;
contract Tagged {
  uint256 public immutable tag;
  uint256 public count;
  constructor(uint256 t) { tag = t; }
  function bump() external { count += tag; }
}`;

const SOURCES = {
  'contracts/Box.sol': BOX_SOURCE,
  'contracts/Tagged.sol': TAGGED,
  // The same code from another file: only the metadata hash at the end differs.
  'contracts/copy/Tagged.sol': TAGGED,
  'contracts/Counter.sol': `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.22;
contract Counter { uint256 public count; function bump() external { count += 1; } }`
};

describeWithAnvil('runtimeCodeMatches', () => {
  let anvil: LocalAnvil;
  let chain: Chain;
  let dir: string;
  const builds: Record<string, ContractBuild> = {};
  const build = (name: string) => builds[name] as ContractBuild;

  async function deployedCode(contract: ContractBuild, args: unknown[]): Promise<Hex> {
    const wallet = chain.wallet;
    if (!wallet?.account) throw new Error('no signer');
    const hash = await wallet.deployContract({ abi: contract.abi, bytecode: contract.bytecode, args, account: wallet.account, chain: wallet.chain });
    const receipt = await chain.client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
    const code = await chain.client.getCode({ address: receipt.contractAddress as Address });
    if (!code) throw new Error(`nothing deployed for ${contract.contract}`);
    return code;
  }

  beforeAll(async () => {
    anvil = await startAnvil({ chainId: 31337 });
    chain = await connectChain({ rpcUrl: anvil.url, chainId: anvil.chainId, privateKey: ANVIL_KEYS[0] }, { rpc: 'chain.rpc', chainId: 'chain.id' });
    dir = await mkdtemp(join(tmpdir(), 'cutover-code-'));
    const file = join(dir, 'build-info.json');
    await writeFile(file, JSON.stringify(await compileSolidity(SOURCES)));
    for (const name of ['contracts/Box.sol:Box', 'contracts/Tagged.sol:Tagged', 'contracts/copy/Tagged.sol:Tagged', 'Counter']) {
      builds[name] = await loadContractBuild(file, name, 'router.next.build');
    }
  });
  afterAll(async () => {
    await anvil?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('matches deployed code, ignoring what the constructor wrote into immutables', async () => {
    // UUPSUpgradeable stores its own address in the immutable `__self`.
    expect(runtimeCodeMatches(await deployedCode(build('contracts/Box.sol:Box'), []), build('contracts/Box.sol:Box'))).toEqual({ ok: true });
    const tagged = await deployedCode(build('contracts/Tagged.sol:Tagged'), [0xabcdefn]);
    expect(runtimeCodeMatches(tagged, build('contracts/Tagged.sol:Tagged'))).toEqual({ ok: true });

    // Without the immutable references the constructor's value is a difference, at the first byte it wrote.
    const blind = { ...build('contracts/Tagged.sol:Tagged'), immutableReferences: {} };
    const first = Math.min(...Object.values(build('contracts/Tagged.sol:Tagged').immutableReferences).flatMap(refs => refs.map(r => r.start)));
    const reason = runtimeCodeMatches(tagged, blind);
    expect(reason).toEqual({ ok: false, reason: expect.stringContaining(`at byte ${first + 29} `) });
  });

  it('says where other code differs, and both lengths', async () => {
    const counter = await deployedCode(build('Counter'), []);
    const tagged = build('contracts/Tagged.sol:Tagged');
    const result = runtimeCodeMatches(counter, tagged);
    expect(result.ok).toBe(false);
    const taggedLength = (tagged.deployedBytecode.length - 2) / 2;
    const counterLength = (counter.length - 2) / 2;
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(
        new RegExp(`^the code at the address differs from contracts/Tagged\\.sol:Tagged's deployedBytecode \\(.*build-info\\.json\\) at byte \\d+ \\(on chain ${counterLength} bytes, in the build ${taggedLength} bytes\\)$`)
      )
    });
    expect(runtimeCodeMatches('0x', tagged)).toEqual({ ok: false, reason: expect.stringMatching(/^there is no code at the address; .* is \d+ bytes$/) });
  });

  it('tells when only the compiler metadata differs', async () => {
    const tagged = await deployedCode(build('contracts/Tagged.sol:Tagged'), [1n]);
    const result = runtimeCodeMatches(tagged, build('contracts/copy/Tagged.sol:Tagged'));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('only the compiler metadata at the end differs') });
  });
});
