import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { uciAvailable } from "../../examples/uci/data.js";
import { fitUci } from "../../examples/uci/fit.js";
import { SAMPLE_CSV, uciSample } from "../../examples/uci/sample.js";
import { loadScorecard, score } from "../../src/index.js";

// Real data: a card fitted by fitScorecard on IDs 1–20000 only, validated on IDs 20001–30000.
// Skipped where ../shared/data is absent (e.g. CI).
describe.skipIf(!uciAvailable())("UCI holdout: fitScorecard (IDs 1–20000 → 20001–30000)", () => {
  it("reaches ROC AUC ≥ 0.785 with a monotone calibration table", () => {
    const { fit, holdout, stability } = fitUci();
    expect(holdout.rows).toBe(10_000);
    expect(holdout.auc).toBeGreaterThanOrEqual(0.785);
    expect(holdout.ks).toBeGreaterThan(0.4);
    expect(holdout.calibrationMonotone).toBe(true);
    const observed = holdout.calibration.map((c) => c.observed);
    observed.forEach((o, k) => k === 0 || expect(o).toBeGreaterThanOrEqual(observed[k - 1]!));
    expect(Math.abs(holdout.meanPredicted - holdout.badRate)).toBeLessThan(0.01);
    expect(stability.score.status).toBe("stable");
    // The card is ours: it loads, declares its own facts, and its reasons work.
    const card = loadScorecard(fit.card);
    expect(card.ownFacts.length).toBeGreaterThan(10);
    const r = score(card, { statusLast3: "late_2/late_2/late_2", statusByPayment: "late_2|paid_nothing" });
    expect(r.reasons[0]!.code).toBe("U01");
  }, 60_000);

  it("the bundled sample (examples/data/uci-sample.csv) is exactly what examples/uci/sample.ts writes", () => {
    expect(readFileSync(SAMPLE_CSV, "utf8")).toBe(uciSample());
  });
});
