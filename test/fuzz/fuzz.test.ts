// The short, seeded fuzz run inside `npm test` (the long one is `npm run fuzz`, see run.ts): every
// target, zero non-ArrearsError throws, no call over the budget, built-in prototypes unchanged,
// inputs unmutated. The seed is fixed so a failure here is reproducible with
// `FUZZ_SEED=20261129 FUZZ_ONLY=<target>:<index> npm run fuzz`.
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";
import { Harness } from "./harness.js";
import { plan } from "./plan.js";
import { API_FUNCTIONS, runTarget, TARGETS } from "./targets.js";

const SEED = 20261129;
// Generous: the suite runs files in parallel on two cores; a real blow-up takes seconds.
const BUDGET_MS = 2_000;

describe("fuzz (short run)", () => {
  it("fuzzes every function of the root entry", () => {
    const fns = Object.entries(api)
      .filter(([, v]) => typeof v === "function")
      .map(([k]) => k);
    expect(fns.filter((f) => !API_FUNCTIONS.includes(f))).toEqual([]);
  });

  it(`seed ${SEED}: only ArrearsErrors, within budget, prototypes and inputs unchanged`, async () => {
    const h = new Harness({ budgetMs: BUDGET_MS, verbose: false, trace: false });
    for (const [target, count] of Object.entries(plan(300))) {
      expect(TARGETS[target]).toBeDefined();
      await runTarget(h, target, SEED, count);
    }
    const failures = h.totalFailures() > 0 ? h.report(SEED) : "";
    expect(failures).toBe("");
    expect([...h.targets.values()].reduce((n, t) => n + t.cases, 0)).toBeGreaterThan(500);
  }, 120_000);
});
