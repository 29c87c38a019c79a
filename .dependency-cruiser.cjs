/**
 * The layers of DESIGN.md §1 / ARCHITECTURE.md, bottom to top. A module imports only from its own
 * layer or lower ones; checked in CI by `npm run lint:layers` (dependency-cruiser).
 */
const LAYERS = [
  ["errors", "money", "time", "util"],
  ["model"],
  ["delinquency", "contacts", "holds", "arrangements"],
  ["facts"],
  ["conditions"],
  ["scoring", "guardrails"],
  ["rules", "fitting"],
  ["offers", "messages"],
  ["decision"],
  ["portfolio", "testing"],
  ["parallel"],
  ["cli"],
];

const folders = (layers) => `^src/(${layers.flat().join("|")})/`;

const layerRules = LAYERS.slice(0, -1).map((layer, k) => ({
  name: `layer-${layer.join("-")}`,
  comment: `${layer.join(", ")} may import only from their own layer or lower ones`,
  severity: "error",
  from: { path: folders([layer]) },
  to: { path: folders(LAYERS.slice(k + 1)) },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: "no-io-in-core",
      comment:
        "Only src/cli (I/O) and src/parallel (worker threads, the arrears/parallel entry) use Node: the core imports no Node built-ins (it runs in browsers and edge runtimes)",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(cli|parallel)/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "no-threads-in-core",
      comment: "The worker pool (tinypool) is used by src/parallel only, so that `arrears` never loads it",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/parallel/" },
      to: { path: "node_modules/tinypool" },
    },
    {
      name: "browser-entries-stay-browser-safe",
      comment: "arrears and arrears/schemas import neither the CLI nor arrears/parallel (Node only)",
      severity: "error",
      from: { path: "^src/(index|schemas)\\.ts$" },
      to: { path: "^src/(cli|parallel)/" },
    },
    {
      name: "entries-only-at-the-top",
      comment: "Nothing in src/ imports the package entry points (src/index.ts, src/schemas.ts)",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^src/(index|schemas)\\.ts$" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: { path: "^src/" },
      // Type-only imports vanish at runtime; a cycle through one is harmless.
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
