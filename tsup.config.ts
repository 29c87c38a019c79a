import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", schemas: "src/schemas.ts", testing: "src/testing/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  // No source maps in the package: the output is unminified ES2022 that keeps names and a
  // `// src/<file>.ts` banner per module, so stack traces are already readable; the maps (with
  // sourcesContent, as they must be since src/ is not shipped) were 2.5 MB, 58 % of the tarball.
  sourcemap: false,
  clean: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
  // One shared chunk for both entries, in CJS too: a policy or parsed account made through
  // `arrears` must be recognised by `arrears/testing` (they share WeakMaps and symbols).
  splitting: true,
});
