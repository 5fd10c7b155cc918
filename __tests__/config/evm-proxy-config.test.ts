import { parseConfig } from '../../src/config/load.js';
import { refusalOf } from '../support/refusal.js';

const PROXY = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const config = (router: string, extra = '') => `
service: vault
environment: staging
router:
  kind: evm-proxy
  rpc: env:RPC_URL
  chain-id: 31337
  proxy: "${PROXY}"
  proxy-kind: uups
  implementation: { build: out/build-info, contract: VaultV2 }
  reference: { build: out/build-info, contract: VaultV1 }
${router}${extra}`;
const problemsOf = (text: string) => refusalOf(() => parseConfig(text, 'cutover.yml'));

describe('evm-proxy config', () => {
  it('takes a proxy without colors, with send-mode defaults', () => {
    const parsed = parseConfig(config('  signer: env:DEPLOYER_KEY\n'), 'cutover.yml');
    expect(parsed.colors).toBeUndefined();
    expect(parsed.router).toMatchObject({ kind: 'evm-proxy', mode: 'send', smoke: [], 'unsafe-allow': [], implementation: { salt: `0x${'0'.repeat(64)}` } });
  });

  it('leaves confirmations and the block stall time to the chain unless set, and takes them when set', () => {
    const unset = parseConfig(config('  mode: propose\n'), 'cutover.yml').router;
    expect(unset).not.toHaveProperty('confirmations');
    expect(unset).not.toHaveProperty('block-stall');
    const set = parseConfig(config('  mode: propose\n  confirmations: 0\n  block-stall: 45s\n'), 'cutover.yml').router;
    expect(set).toMatchObject({ confirmations: 0, 'block-stall': 45_000 });
  });

  it('refuses a block stall time without a unit, naming the field', () => {
    expect(problemsOf(config('  mode: propose\n  block-stall: 30\n'))).toMatch(/router\.block-stall \(line \d+\): expected a duration with a unit, like 30s/);
  });

  it('needs a signer to send, and none to propose', () => {
    expect(problemsOf(config(''))).toMatch(/router\.signer.*send mode signs the upgrade.*mode: propose/);
    expect(parseConfig(config('  mode: propose\n'), 'cutover.yml').router).toMatchObject({ mode: 'propose', proposal: 'cutover-proposal.json' });
  });

  it('refuses a malformed address, kind or salt, naming the field', () => {
    expect(problemsOf(config('  mode: propose\n').replace(PROXY, '0x1234'))).toMatch(/router\.proxy.*20-byte address/);
    expect(problemsOf(config('  mode: propose\n').replace('proxy-kind: uups', 'proxy-kind: diamond'))).toMatch(/router\.proxy-kind.*uups.*transparent.*beacon/);
    expect(problemsOf(config('  mode: propose\n').replace('contract: VaultV2 }', 'contract: VaultV2, salt: "0x12" }'))).toMatch(/router\.implementation\.salt.*32-byte/);
  });

  it('refuses what a proxy cannot do: colors, traffic steps, analysis', () => {
    const refused = problemsOf(
      config('  mode: propose\n', `colors:\n  blue: { upstream: "127.0.0.1:1", health: "http://127.0.0.1:1/h" }\n  green: { upstream: "127.0.0.1:2", health: "http://127.0.0.1:2/h" }\ntraffic:\n  steps: canary\n`)
    );
    expect(refused).toMatch(/colors.*Remove colors/);
    expect(refused).toMatch(/traffic\.steps.*one transaction/);
  });

  it('takes a block explorer base URL, without its trailing slash', () => {
    expect(parseConfig(config('  mode: propose\n  explorer: https://sepolia.etherscan.io/\n'), 'cutover.yml').router).toMatchObject({ explorer: 'https://sepolia.etherscan.io' });
    expect(parseConfig(config('  mode: propose\n  explorer: http://127.0.0.1:4000/blockscout\n'), 'cutover.yml').router).toMatchObject({ explorer: 'http://127.0.0.1:4000/blockscout' });
  });

  it('refuses an explorer that is not an http(s) URL, naming the field, the value and the fix', () => {
    expect(problemsOf(config('  mode: propose\n  explorer: etherscan.io\n'))).toMatch(/router\.explorer \(line \d+\): expected the http:\/\/ or https:\/\/ base URL of a block explorer, like https:\/\/etherscan\.io, got "etherscan\.io"/);
    expect(problemsOf(config('  mode: propose\n  explorer: ftp://etherscan.io\n'))).toMatch(/router\.explorer \(line \d+\): .*got "ftp:\/\/etherscan\.io"/);
  });

  it.each(['https://user:s3cret@etherscan.io', 'https://etherscan.io/?apikey=s3cret', 'https://etherscan.io/#s3cret', 'ftp://user:s3cret@etherscan.io'])('refuses an explorer that would show credentials in every link (%s), without echoing it', explorer => {
    const refused = problemsOf(config(`  mode: propose\n  explorer: "${explorer}"\n`));
    expect(refused).toMatch(/router\.explorer \(line \d+\): has a user name, password, query or fragment.*public base URL alone, like https:\/\/etherscan\.io/);
    expect(refused).not.toContain('s3cret');
  });

  it('still requires colors for every other router kind', () => {
    expect(problemsOf('service: shop\nrouter:\n  kind: proxy\n  admin: http://127.0.0.1:1/admin\n  probe: http://127.0.0.1:1/\n')).toMatch(/colors.*required/);
  });
});
