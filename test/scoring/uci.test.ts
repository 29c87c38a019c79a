import { describe, expect, it } from "vitest";
import { uciAvailable } from "../../examples/uci/data.js";
import { validateUci } from "../../examples/uci-validation.js";

// Real-data check of the shipped risk card; skipped where ../shared/data is absent (e.g. CI).
describe.skipIf(!uciAvailable())("UCI holdout (IDs 20001–30000)", () => {
  it("the default risk scorecard reaches ROC AUC ≥ 0.75 with a roughly monotone calibration", () => {
    const v = validateUci();
    expect(v.n).toBe(10_000);
    expect(v.auc).toBeGreaterThanOrEqual(0.75);
    expect(v.ks).toBeGreaterThan(0.3);
    const observed = [...v.report.matchAll(/^\| (\d+) \| \d+ \| [^|]+ \| +[\d.]+ % \| +([\d.]+) % \|$/gm)].map((m) =>
      Number(m[2]),
    );
    expect(observed).toHaveLength(10);
    // top decile far riskier than the bottom one; each half ordered
    expect(observed[9]!).toBeGreaterThan(4 * observed[0]!);
    expect(observed.slice(0, 5).reduce((a, b) => a + b)).toBeLessThan(observed.slice(5).reduce((a, b) => a + b));
  }, 120_000);
});
