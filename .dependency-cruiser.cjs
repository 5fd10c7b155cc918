// The layering of src/, checked by `npm run lint` (depcruise). Each rule says what a folder may import;
// `npx depcruise src --output-type dot` draws the graph.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'No import cycles, type-only imports included: a cycle hides which module is the lower layer.',
      from: {},
      to: { circular: true }
    },
    {
      name: 'shared-is-a-leaf',
      severity: 'error',
      comment: 'src/shared holds leaf helpers (durations, secrets, errors, logging, I/O): it imports nothing else from src.',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/shared/' }
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'src/core is the pure release domain: it imports only src/shared, and no chain library.',
      from: { path: '^src/core/' },
      to: { path: ['^src/(?!core/|shared/)', 'node_modules/(viem|ox|@openzeppelin|@nomicfoundation|abitype)/'] }
    },
    {
      name: 'adapters-below-the-use-cases',
      severity: 'error',
      comment: 'Adapters depend on the core, the shared helpers and each other, never on config, steps or entry points.',
      from: { path: '^src/adapters/' },
      to: { path: '^src/(?!adapters/|core/|shared/)' }
    },
    {
      name: 'summary-is-pure',
      severity: 'error',
      comment: 'src/summary renders pages from a report model: the core and shared helpers only.',
      from: { path: '^src/summary/' },
      to: { path: '^src/(?!summary/|core/|shared/)' }
    },
    {
      name: 'registries-wired-in-one-place',
      severity: 'error',
      comment: 'Only config (which composes the schemas) and app (which wires the adapters) import the registries.',
      from: { path: '^src/', pathNot: '^src/(config|app)/' },
      to: { path: '^src/adapters/(routers|probes)/registry\\.ts$' }
    },
    {
      name: 'actions-toolkit-at-the-edge',
      severity: 'error',
      comment: 'Only src/actions talks to the Actions toolkit.',
      from: { path: '^src/', pathNot: '^src/actions/' },
      to: { path: 'node_modules/@actions/' }
    },
    {
      name: 'product-without-harness',
      severity: 'error',
      comment: 'Test and benchmark servers live in harness/ and never ship in the product.',
      from: { path: '^src/' },
      to: { path: '^(harness|__tests__|bench)/' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
    moduleSystems: ['es6', 'cjs']
  }
};
