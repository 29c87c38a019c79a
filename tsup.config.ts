import { defineConfig } from "tsup";

export default defineConfig({
  // `cli` is the `arrears` command (package.json "bin"): its source starts with a shebang, which
  // esbuild keeps on that entry only (and tsup makes the file executable). It shares the
  // library's chunks instead of bundling a second copy; nothing in the library imports it.
  // `parallel` (arrears/parallel) runs batches over worker threads; each worker loads
  // `parallel-worker` (found beside the code that starts it: dist/parallel-worker.js).
  entry: {
    index: "src/index.ts",
    schemas: "src/schemas.ts",
    testing: "src/testing/index.ts",
    parallel: "src/parallel/index.ts",
    "parallel-worker": "src/parallel/worker.ts",
    cli: "src/cli/index.ts",
  },
  format: ["esm", "cjs"],
  // Types for the package entries only (the CLI has no importable API).
  dts: {
    entry: {
      index: "src/index.ts",
      schemas: "src/schemas.ts",
      testing: "src/testing/index.ts",
      parallel: "src/parallel/index.ts",
    },
  },
  // No source maps in the package: the output is unminified ES2022 that keeps names and a
  // `// src/<file>.ts` banner per module, so stack traces are already readable; the maps (with
  // sourcesContent, as they must be since src/ is not shipped) were 2.5 MB, 58 % of the tarball.
  sourcemap: false,
  clean: true,
  target: "es2022",
  platform: "neutral",
  // Only the CLI and arrears/parallel import Node built-ins (checked by dependency-cruiser); they
  // stay imports.
  external: [/^node:/],
  treeshake: true,
  // One shared chunk for all entries, in CJS too: a policy or parsed account made through
  // `arrears` must be recognised by `arrears/testing` (they share WeakMaps and symbols).
  splitting: true,
});
