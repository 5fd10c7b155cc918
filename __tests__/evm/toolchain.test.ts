import { compileSolidity, describeWithAnvil, startAnvil, type LocalAnvil } from '../support/evm.js';

describeWithAnvil('local EVM toolchain', () => {
  let anvil: LocalAnvil;
  beforeAll(async () => {
    anvil = await startAnvil({ chainId: 1337 });
  });
  afterAll(async () => {
    await anvil?.stop();
  });

  it('starts anvil on loopback with the chain id asked for, and stops it by PID', async () => {
    expect(anvil.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(await anvil.rpc<string>('eth_chainId'))).toBe(1337);
    const other = await startAnvil();
    await other.stop();
    expect(() => process.kill(other.pid, 0)).toThrow();
  });

  it('compiles OpenZeppelin-based sources with the storage layout and every imported source', async () => {
    const build = await compileSolidity({
      'Box.sol': `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.22;
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
contract Box is UUPSUpgradeable { uint256 public value; function _authorizeUpgrade(address) internal override {} }`
    });
    const box = build.output.contracts?.['Box.sol']?.['Box'] as { storageLayout: { storage: { label: string }[] }; evm: { bytecode: { object: string } } };
    expect(box.storageLayout.storage.map(s => s.label)).toEqual(['value']);
    expect(box.evm.bytecode.object.length).toBeGreaterThan(100);
    expect(Object.keys(build.input.sources)).toContain('@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol');
    expect(build.solcVersion).toBe('0.8.28');
    await expect(compileSolidity({ 'Bad.sol': 'contract {' })).rejects.toThrow(/solc failed:[\s\S]*ParserError/);
  });
});
