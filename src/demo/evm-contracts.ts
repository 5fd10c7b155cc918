/**
 * Solidity sources for the evm-proxy tests and `cutover demo evm`, kept as
 * strings because the demo runs from a bundle with no .sol files beside it.
 * Each V2 variant is one kind of release the router must accept or refuse.
 */

const HEADER = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.22;
`;

/** A UUPS vault: V1, a safe V2, and V2s that break the layout, the code rules, the proxy or the smoke test. */
const VAULT = `${HEADER}
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {OwnableUpgradeable} from "@openzeppelin/contracts-upgradeable/access/OwnableUpgradeable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";

contract VaultV1 is Initializable, OwnableUpgradeable, UUPSUpgradeable {
    uint256 public value;
    mapping(address => uint256) public balances;

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    function initialize(address owner, uint256 initialValue) public initializer {
        __Ownable_init(owner);
        value = initialValue;
    }

    function setValue(uint256 newValue) external onlyOwner {
        value = newValue;
    }

    function deposit() external payable {
        balances[msg.sender] += msg.value;
    }

    function version() external pure virtual returns (string memory) {
        return "1";
    }

    function _authorizeUpgrade(address) internal override onlyOwner {}
}

/// Safe: appends \`fee\` after V1's storage.
contract VaultV2 is VaultV1 {
    uint256 public fee;

    function initializeV2(uint256 initialFee) external reinitializer(2) {
        fee = initialFee;
    }

    function version() external pure override returns (string memory) {
        return "2";
    }
}

/// Layout-safe, but every call to version() reverts: a release that fails its smoke test.
contract VaultV2Reverting is VaultV1 {
    error VersionUnavailable();

    function version() external pure override returns (string memory) {
        revert VersionUnavailable();
    }
}

/// Layout-safe, but with code upgrade-safety checks refuse: a delegatecall to any address.
contract VaultV2Unsafe is VaultV1 {
    function execute(address target, bytes calldata data) external onlyOwner returns (bytes memory) {
        (bool ok, bytes memory result) = target.delegatecall(data);
        require(ok, "delegatecall failed");
        return result;
    }

    function version() external pure override returns (string memory) {
        return "2";
    }
}

/// Unsafe: \`inserted\` shifts \`value\` and \`balances\` one slot down.
contract VaultV2Inserted is Initializable, OwnableUpgradeable, UUPSUpgradeable {
    uint256 public inserted;
    uint256 public value;
    mapping(address => uint256) public balances;

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    function initialize(address owner, uint256 initialValue) public initializer {
        __Ownable_init(owner);
        value = initialValue;
    }

    function version() external pure returns (string memory) {
        return "2";
    }

    function _authorizeUpgrade(address) internal override onlyOwner {}
}

/// Unsafe: \`value\` shrinks from uint256 to uint128.
contract VaultV2Retyped is Initializable, OwnableUpgradeable, UUPSUpgradeable {
    uint128 public value;
    mapping(address => uint256) public balances;

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    function initialize(address owner, uint128 initialValue) public initializer {
        __Ownable_init(owner);
        value = initialValue;
    }

    function version() external pure returns (string memory) {
        return "2";
    }

    function _authorizeUpgrade(address) internal override onlyOwner {}
}

/// Layout-safe, but not UUPS: with no upgradeToAndCall, a UUPS proxy upgraded to it could never be upgraded again.
contract VaultV2NotUUPS is Initializable, OwnableUpgradeable {
    uint256 public value;
    mapping(address => uint256) public balances;

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    function initialize(address owner, uint256 initialValue) public initializer {
        __Ownable_init(owner);
        value = initialValue;
    }

    function version() external pure returns (string memory) {
        return "2";
    }
}

/// Layout-safe, but its initializer gives the upgrade right away: once upgraded, no one can upgrade it back.
contract VaultV2Lockout is VaultV1 {
    uint256 public fee;

    function initializeV2(uint256 initialFee) external reinitializer(2) {
        fee = initialFee;
        _transferOwnership(address(0));
    }

    function version() external pure override returns (string memory) {
        return "2";
    }
}

/// Layout-safe, but its initializer refuses a fee over 100 with an error of its own: an upgrade that reverts.
contract VaultV2BadInit is VaultV1 {
    error FeeTooHigh(uint256 fee, uint256 max);

    uint256 public fee;

    function initializeV2(uint256 initialFee) external reinitializer(2) {
        if (initialFee > 100) revert FeeTooHigh(initialFee, 100);
        fee = initialFee;
    }

    function version() external pure override returns (string memory) {
        return "2";
    }
}

/// Layout-safe, but its initializer pauses it, and status() reverts while paused: a smoke call that fails only once the upgrade ran.
contract VaultV2Paused is VaultV1 {
    error Paused();

    bool public paused;

    function initializeV2(uint256) external reinitializer(2) {
        paused = true;
    }

    function status() external view returns (string memory) {
        if (paused) revert Paused();
        return "open";
    }

    function version() external pure override returns (string memory) {
        return "2";
    }
}

/// A vault with a mode, for a release that is safe to make and unsafe to undo once used.
contract ModalVaultV1 is VaultV1 {
    enum Mode { Open, Closed }
    Mode public mode;
}

/// Adds a mode: a safe upgrade, but a vault V2 put in Paused has a mode V1 cannot read (an enum out of range).
contract ModalVaultV2 is VaultV1 {
    enum Mode { Open, Closed, Paused }
    Mode public mode;

    function version() external pure override returns (string memory) {
        return "2";
    }
}
`;

/** A plain initializable counter for transparent and beacon proxies, where the upgrade logic lives outside the implementation. */
const COUNTER = `${HEADER}
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";

contract CounterV1 is Initializable {
    uint256 public count;

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    function initialize(uint256 start) public initializer {
        count = start;
    }

    function increment() external {
        count += 1;
    }

    function version() external pure virtual returns (string memory) {
        return "1";
    }
}

/// Safe: appends \`step\` after V1's storage.
contract CounterV2 is CounterV1 {
    uint256 public step;

    function initializeV2(uint256 initialStep) external reinitializer(2) {
        step = initialStep;
    }

    function version() external pure override returns (string memory) {
        return "2";
    }
}

/// Layout-safe, but every call to version() reverts: a release that fails its smoke test.
contract CounterV2Reverting is CounterV1 {
    error VersionUnavailable();

    function version() external pure override returns (string memory) {
        revert VersionUnavailable();
    }
}

/// Unsafe: \`count\` shrinks from uint256 to uint128.
contract CounterV2Retyped is Initializable {
    uint128 public count;

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    function initialize(uint128 start) public initializer {
        count = start;
    }

    function version() external pure returns (string memory) {
        return "2";
    }
}
`;

/** Imports only: one compile then yields every OpenZeppelin proxy the fixtures deploy. */
const PROXIES = `${HEADER}
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {TransparentUpgradeableProxy} from "@openzeppelin/contracts/proxy/transparent/TransparentUpgradeableProxy.sol";
import {ProxyAdmin} from "@openzeppelin/contracts/proxy/transparent/ProxyAdmin.sol";
import {UpgradeableBeacon} from "@openzeppelin/contracts/proxy/beacon/UpgradeableBeacon.sol";
import {BeaconProxy} from "@openzeppelin/contracts/proxy/beacon/BeaconProxy.sol";
`;

export const EVM_SOURCES: Record<string, string> = {
  'Vault.sol': VAULT,
  'Counter.sol': COUNTER,
  'Proxies.sol': PROXIES
};
