// Enforces the layering of DESIGN.md: the domain layers are pure (no I/O, no drivers, no server/cli),
// and dependencies point one way: model <- sbom, licenses <- compliance, vulns, cra <- reports <- store, server, cli.
const PURE = '^src/(model|sbom|licenses|compliance|vulns|cra|ai|reports)/';
const IO_MODULES = '^(node:)?(fs|fs/promises|http|https|net|child_process|worker_threads|dgram|tls|cluster)$';
const DRIVERS = '^(better-sqlite3|pg|pg-boss|kysely|fastify|xmllint-wasm)$';
// Adapters that read files or run workers; the pure layers receive their results instead.
const ADAPTERS = '^src/(schemas|io|store|services|server|cli|demo)/';

module.exports = {
  forbidden: [
    {
      name: 'pure-layers-do-no-io',
      comment: 'model, sbom, licenses, compliance, vulns, cra, ai and reports take and return data: no fs, http or process spawning.',
      severity: 'error',
      from: { path: PURE, pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'], path: IO_MODULES },
    },
    {
      name: 'pure-layers-use-no-drivers',
      severity: 'error',
      from: { path: PURE, pathNot: '\\.test\\.ts$' },
      to: { path: DRIVERS },
    },
    {
      name: 'pure-layers-use-no-adapters',
      severity: 'error',
      from: { path: PURE, pathNot: '\\.test\\.ts$' },
      to: { path: ADAPTERS },
    },
    {
      name: 'model-depends-on-nothing',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/(?!model/)' },
    },
    {
      name: 'sbom-and-licenses-see-only-model',
      severity: 'error',
      from: { path: '^src/(sbom|licenses)/' },
      to: { path: '^src/(compliance|vulns|cra|ai|reports|store|server|cli)/' },
    },
    {
      name: 'analysis-layers-below-reports',
      severity: 'error',
      from: { path: '^src/(compliance|vulns|cra|ai)/' },
      to: { path: '^src/(reports|store|server|cli)/' },
    },
    {
      name: 'reports-below-store-server-cli',
      severity: 'error',
      from: { path: '^src/reports/' },
      to: { path: '^src/(store|server|cli)/' },
    },
    {
      name: 'store-does-not-know-server-or-cli',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(server|cli)/' },
    },
    {
      name: 'services-below-server-and-cli',
      comment: 'services (docs/decisions/0004) are called by server and cli, never the other way round.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: '^src/(server|cli)/' },
    },
    {
      name: 'store-and-domain-do-not-know-services',
      severity: 'error',
      from: { path: '^src/(store|model|sbom|licenses|compliance|vulns|cra|ai|reports|io|schemas)/' },
      to: { path: '^src/services/' },
    },
    {
      name: 'nothing-below-depends-on-the-demo',
      comment: 'the demo seed (src/demo) sits at the top, beside server and cli.',
      severity: 'error',
      from: { path: '^src/(?!demo/|cli/)' },
      to: { path: '^src/demo/' },
    },
    {
      name: 'server-and-cli-reach-the-store-through-services',
      comment: 'services are the only door to the store (issue 8 item 12): no server, cli or demo module imports store/, not even a type; services/store-door.ts re-exports what they pass along.',
      severity: 'error',
      from: { path: '^src/(server|cli|demo)/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'api-contract-is-pure',
      comment: 'the API contract (src/api-contract, ADR 0033) is data the server, the OpenAPI document and the web UI share: it may use the model, the pure layers\' types and the schema-typing library, nothing with I/O or of the server.',
      severity: 'error',
      from: { path: '^src/api-contract/' },
      to: { path: '^src/(?!(model|sbom|licenses|compliance|vulns|cra|ai|reports|api-contract)/)' },
    },
    {
      name: 'api-contract-does-no-io',
      severity: 'error',
      from: { path: '^src/api-contract/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'api-contract-uses-no-drivers',
      severity: 'error',
      from: { path: '^src/api-contract/' },
      to: { path: DRIVERS },
    },
    {
      name: 'web-talks-to-the-api-only',
      comment: 'the UI runs in a browser: it may share types with the pure layers, never import the adapters (store, services, io, schemas, cli, demo), a driver or a node module.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/(store|services|io|schemas|cli|demo)/' },
    },
    {
      name: 'web-uses-no-node-or-drivers',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-uses-no-drivers',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: DRIVERS },
    },
    {
      name: 'server-and-cli-are-separate',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
