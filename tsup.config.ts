import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", testing: "src/testing/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
  // One shared chunk for both entries, in CJS too: a policy or parsed account made through
  // `arrears` must be recognised by `arrears/testing` (they share WeakMaps and symbols).
  splitting: true,
});
