import { BadInputError } from '../shared/errors.js';
import { optionsOf, STEP_OUTPUTS, STEPS, type StepName } from '../steps/options.js';

const SUMMARIES: Record<StepName | 'db' | 'init' | 'evm' | 'demo' | 'sample-app', string> = {
  snapshot: 'Record what is live (router state, versions, schema) as a sealed snapshot and start a release.',
  deploy: "Run the deploy command for the idle color, wait until it is healthy, run the smoke command.",
  migrate: 'Run a database phase of the release: --phase expand (additive schema) or --phase migrate (backfill).',
  promote: 'Move traffic to the new color, in one switch or in traffic steps with analysis that rolls back on its own.',
  contract: 'Drop what only the old version used, once promotion succeeded, the old color serves nothing and the soak time passed.',
  rollback: 'Put traffic back exactly as the snapshot recorded it.',
  drill: 'On a non-production environment: promote, force a failing verdict, and check the rollback restored the snapshot.',
  db: 'Database phases and tools: cutover db expand|migrate|contract|status|lint|plan (see cutover db --help).',
  init: "Give the router its first state, all traffic on --live; refuses when it already has one.",
  evm: 'Contract proxies: cutover evm init deploys the first proxy of a contract (see cutover evm --help).',
  demo: 'Run a whole release on this machine under load and count failed requests.',
  'sample-app': "The small service the demo releases (the demo's deploy command starts it)."
};

export function mainHelp(): string {
  const width = Math.max(...Object.keys(SUMMARIES).map(k => k.length));
  return [
    'cutover: zero-downtime blue-green releases',
    '',
    'Usage: cutover <command> [options]',
    '',
    'Commands:',
    ...Object.entries(SUMMARIES).map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`),
    '',
    'Run cutover <command> --help for its options.',
    'Exit codes: 0 done, 1 failed or refused, 2 bad input (nothing changed).',
    ''
  ].join('\n');
}

export function commandHelp(command: string): string {
  const common = ['  --verbose          Print debug lines.', '  --json             Print the outputs as JSON.'];
  if (command === 'db') return dbHelp();
  if (command === 'init') {
    return [
      `cutover init --live <blue|green> [--config cutover.yml]`,
      '',
      SUMMARIES.init,
      'Include the router file in your nginx http block first; init confirms that nginx serves it.',
      '',
      ...common,
      ''
    ].join('\n');
  }
  if (command === 'evm') return evmHelp();
  if (command === 'demo') {
    return [
      'cutover demo [--router auto|nginx|proxy] [--concurrency 8]',
      '',
      SUMMARIES.demo,
      'Starts two versions of a sample app and a router on 127.0.0.1, runs snapshot, deploy, promote and',
      'rollback while sending steady requests, and prints phase timings and failed requests.',
      '--router auto uses nginx when it is installed, otherwise an in-process proxy (for demos and tests only).',
      '',
      'cutover demo evm [--kind uups|transparent|beacon]',
      '',
      'Releases a contract behind an upgradeable proxy (default uups) on a local anvil chain: snapshot, deploy',
      '(CREATE2), promote, rollback and promote again, each printed with its block and transaction hashes.',
      'Needs anvil and, to compile the contracts, solc and OpenZeppelin: run it from a checkout after npm ci.',
      '',
      ...common,
      ''
    ].join('\n');
  }
  if (command === 'sample-app') {
    return [
      'cutover sample-app [start] --port <port> [--version 1.0.0] [--color blue] [--pid-file <file>]',
      '',
      SUMMARIES['sample-app'],
      'Serves / (its version and color), /healthz and /version on 127.0.0.1 until SIGTERM.',
      'With start, it runs in the background and writes its pid to --pid-file.',
      ''
    ].join('\n');
  }
  if (!(STEPS as readonly string[]).includes(command)) {
    throw new BadInputError(`unknown command ${JSON.stringify(command)}. See cutover --help.`);
  }
  const step = command as StepName;
  const lines = optionsOf(step).map(o => {
    const flag = `--${o.name} ${o.kind === 'list' ? '<json array>' : '<value>'}`;
    return `  ${flag}\n      ${o.description}${o.default ? ` Default: ${o.default}.` : ''}`;
  });
  return [
    `cutover ${step} [options]`,
    '',
    SUMMARIES[step],
    '',
    'Options:',
    ...lines,
    ...common,
    '',
    'Outputs:',
    ...STEP_OUTPUTS[step].map(o => `  ${o.name}: ${o.description}`),
    ''
  ].join('\n');
}

function dbHelp(): string {
  return [
    'cutover db <command> [options]',
    '',
    '  expand    [--config cutover.yml] ...   Same as cutover migrate --phase expand.',
    '  migrate   [--config cutover.yml] ...   Same as cutover migrate --phase migrate: the batched backfill.',
    '  contract  [--config cutover.yml] [--force <reason>] ...   Same as cutover contract.',
    '            With a database-only cutover.yml (a database section, no router or colors), these three run',
    '            the phases alone: no snapshot or release record, the same history, lock, lint and resume.',
    '            contract then needs --old-version-retired "<how you know the old version no longer runs>",',
    '            recorded in the history; there is no traffic to check.',
    '  status    [--config cutover.yml] [--json]   Which phase of each migration has run; --json for scripts.',
    '  plan      [--config cutover.yml]   What each phase would run and the lock each statement takes. Runs nothing.',
    '  lint      <migration folder | file.sql>   Checks statements against the phase rules, and migrate.yml\'s',
    '            fields and expressions. A single file is judged as expand. Exit 0 clean, 1 a rule fired,',
    '            2 a file cannot be read or parsed, or leaves the migrations folder.',
    '',
    'A statement can be allowed with a comment above it: -- cutover:allow <rule>: <reason>',
    'The reason is recorded in the migration history.',
    ''
  ].join('\n');
}

function evmHelp(): string {
  return [
    'cutover evm init [--config cutover.yml] [--call "function initialize(...)" --args \'[...]\'] [--owner <address>] [--record <file>] [--json]',
    '',
    "Deploys the first proxy of router.reference's contract, of router.proxy-kind, from router.signer on router.rpc:",
    'the implementation at its CREATE2 address (router.implementation.salt), then OpenZeppelin v5\'s ERC1967Proxy (uups),',
    'TransparentUpgradeableProxy (transparent) or UpgradeableBeacon and BeaconProxy (beacon), with the initializer in',
    'the constructor. Everything is simulated first, then an upgrade by the account that will send releases (the signer,',
    'or router.safe in propose mode): a proxy releases could not upgrade is refused with nothing sent.',
    'router.proxy must be absent; put the printed address there afterwards.',
    '',
    '  --call <signature>   The implementation\'s initializer, like "function initialize(address owner, uint256 value)".',
    '                       Required when the contract has an initialize function: an uninitialized proxy is anyone\'s.',
    '  --args <json array>  Its arguments, like \'["0x70997970C51812dc3A010C7d01b50e0d17dc79C8", 41]\'.',
    '  --owner <address>    transparent and beacon: who owns the ProxyAdmin or the beacon. Default: router.safe in',
    '                       propose mode, else the signer.',
    '  --record <file>      Where the transactions are recorded as they go out; a re-run after a stop reads it and',
    '                       sends nothing twice. Default: .cutover/<service>.evm-init.json.',
    '  --verbose            Print debug lines.',
    '  --json               Print the addresses as JSON.',
    ''
  ].join('\n');
}
