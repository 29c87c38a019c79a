import { defineConfig } from "vitest/config";

// Test files that replace a module or a global (vi.mock, vi.stubGlobal) run isolated; the rest
// share one module graph per worker (isolate: false), which saves loading src/ and the rule
// files ~100 times (import time 75 s → 10 s of a 3-minute suite). Tests must not leave global
// state behind: module-level caches are bounded and keyed by frozen inputs.
const ISOLATED = ["test/conditions/no-codegen.test.ts", "test/portfolio/batch.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    pool: "threads",
    projects: [
      {
        extends: true,
        test: { name: "shared", include: ["test/**/*.test.ts"], exclude: ISOLATED, isolate: false },
      },
      { extends: true, test: { name: "isolated", include: ISOLATED } },
    ],
  },
});
