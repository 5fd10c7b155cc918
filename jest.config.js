import { existsSync } from 'node:fs';

/**
 * Two projects; `npm test` runs both, every test file once.
 * - integration: the files listed in INTEGRATION (an entry ending in / takes its
 *   whole folder). A test belongs there when it starts a server or a process, or
 *   runs solc or PGlite in-process (seconds each). Jest 29's 60 s timeout.
 * - unit: every other test file, with a 10 s timeout; `npx jest --selectProjects unit`
 *   is the fast run. Its setup (__tests__/support/unit-project.ts) makes spawning a
 *   process or listening on a port throw "move this test to the integration project",
 *   so a test that needs a server cannot stay in unit unnoticed.
 */
const INTEGRATION = [
  'actions/bundles.test.ts',
  'actions/database-bundles.test.ts',
  'actions/db-only-actions.test.ts',
  'actions/lazy-loading.test.ts',
  'cli/cli.test.ts',
  'cli/db-only.test.ts',
  'database/backfill-under-load.test.ts',
  'database/change-compile.test.ts',
  'database/change-under-load.test.ts',
  'database/engine.test.ts',
  'database/lint-backfill.test.ts',
  'database/postgres-locking.test.ts',
  'database/throttle.test.ts',
  'database/verify.test.ts',
  'demo/',
  'docs/servers/haproxy-setup.test.ts',
  'docs/servers/nginx-setup.test.ts',
  'evm/build-formats.test.ts',
  'evm/chain-waiting.test.ts',
  'evm/chain.test.ts',
  'evm/code-match.test.ts',
  'evm/contract-build.test.ts',
  'evm/create2.test.ts',
  'evm/fixtures.test.ts',
  'evm/planned-call.test.ts',
  'evm/proxy-state.test.ts',
  'evm/release-simulation.test.ts',
  'evm/solc-cache.test.ts',
  'evm/toolchain.test.ts',
  'evm/transactions.test.ts',
  'evm/upgrade-history.test.ts',
  'evm/upgrade-safety.test.ts',
  'evm/upgrade.test.ts',
  'github/approval-gate.test.ts',
  'github/automatic-rollback-record.test.ts',
  'github/evm-release-bundles.test.ts',
  'github/fake-github.test.ts',
  'github/release-bundles.test.ts',
  'github/release-lookup.test.ts',
  'github/release-story.test.ts',
  'github/render-summary.test.ts',
  'hostile/files.test.ts',
  'hostile/kill-database.test.ts',
  'hostile/kill-deploy.test.ts',
  'hostile/kill-snapshot.test.ts',
  'hostile/kill-switch.test.ts',
  'hostile/network-cli.test.ts',
  'hostile/network-confirm.test.ts',
  'hostile/network-evm.test.ts',
  'hostile/network-http.test.ts',
  'hostile/network-sockets.test.ts',
  'hostile/network-ssh.test.ts',
  'hostile/outside-text-bundle.test.ts',
  'hostile/outside-text-cli.test.ts',
  'hostile/outside-text-sources.test.ts',
  'hostile/record-contract.test.ts',
  'hostile/record-deployment.test.ts',
  'hostile/record-seal.test.ts',
  'hostile/secrets.test.ts',
  'hostile/sql-linter-cli.test.ts',
  'integration/',
  'io/command-output.test.ts',
  'io/command-supervisor.test.ts',
  'io/exchange.test.ts',
  'lint/dependency-rules.test.ts',
  'io/platform.test.ts',
  'probes/command-source.test.ts',
  'probes/health.test.ts',
  'probes/http-probe.test.ts',
  'probes/prometheus.test.ts',
  'routers/cancelled-switch.test.ts',
  'routers/command.test.ts',
  'routers/haproxy-affinity.test.ts',
  'routers/haproxy-counters.test.ts',
  'routers/haproxy.test.ts',
  'routers/nginx-affinity.test.ts',
  'routers/nginx-drain.test.ts',
  'routers/nginx-lua.test.ts',
  'routers/remote-command.test.ts',
  'routers/ssh-host.test.ts',
  'summary/release-summaries.test.ts'
];

// A renamed or removed file must leave the list too, or its successor would run as a unit test.
for (const entry of INTEGRATION) if (!existsSync(new URL(`__tests__/${entry}`, import.meta.url))) throw new Error(`jest.config.js: INTEGRATION lists __tests__/${entry}, which does not exist`);

const globs = INTEGRATION.map(entry => `<rootDir>/__tests__/${entry}${entry.endsWith('/') ? '**/*.test.ts' : ''}`);
const patterns = INTEGRATION.map(entry => `/__tests__/${entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${entry.endsWith('/') ? '' : '$'}`);

const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1'
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  }
};

/** @type {import('jest').Config} */
export default {
  // Integration tests start real servers; give them room, but never rely on time to synchronise.
  // Jest 29 takes the timeout from here only, not from a project: the unit setup shortens it.
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/__tests__/support/summary-reporter.cjs'],
  projects: [
    { ...common, displayName: 'unit', testPathIgnorePatterns: ['/node_modules/', ...patterns], setupFilesAfterEnv: ['<rootDir>/__tests__/support/unit-project.ts'] },
    { ...common, displayName: 'integration', testMatch: globs }
  ]
};
