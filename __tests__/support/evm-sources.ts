/** A minimal UUPS implementation, for tests that need a real build without the demo's contracts. */
export const BOX_SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.22;
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
contract Box is UUPSUpgradeable {
  uint256 public value;
  function _authorizeUpgrade(address) internal override {}
}`;
