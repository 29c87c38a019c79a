import { describe, expect, it } from "vitest";
import {
  calibrateScorecard,
  evaluateScorecard,
  fitScorecard,
  formatReport,
  loadScorecard,
  score,
  shippedRuleFile,
} from "../../src/index.js";
import { thrownArrearsError } from "../helpers.js";
import { synthetic } from "./synthetic.js";

const options = {
  id: "syn-risk",
  target: "defaulted",
  characteristics: ["dpd", "utilization", "paymentsCount90d", "hardshipKind"],
};
const { card } = fitScorecard(synthetic(2000), options);
// Another market: the same effects, one point more log-odds of default everywhere.
const market = synthetic(2000, 99, 1);

describe("evaluateScorecard", () => {
  it("reports discrimination and calibration on new rows", () => {
    const r = evaluateScorecard(card, synthetic(2000, 11), { target: "defaulted" });
    expect(r.kind).toBe("evaluation");
    expect(r.card).toEqual({ id: "syn-risk", version: "1.0.0" });
    expect(r.auc).toBeGreaterThan(0.75);
    expect(r.calibration).toHaveLength(10);
    expect(r.calibration.reduce((s, c) => s + c.count, 0)).toBe(2000);
    expect(Math.abs(r.meanPredicted - r.badRate)).toBeLessThan(0.03);
    expect(formatReport(r)).toMatch(/^evaluation of syn-risk@1\.0\.0\n.*\nAUC 0\.\d{4} {2}KS/);
  });

  it("rejects a card without odds and rows with a fact of the wrong type, naming the path", () => {
    const noOdds = { ...structuredClone(card), odds: undefined };
    expect(
      thrownArrearsError(() => evaluateScorecard(noOdds, market, { target: "defaulted" })).issues[0],
    ).toMatchObject({ path: ["odds"] });
    const e = thrownArrearsError(() =>
      evaluateScorecard(card, [...market.slice(0, 5), { dpd: "late", defaulted: true }], { target: "defaulted" }),
    );
    expect([e.code, e.issues[0]!.path]).toEqual(["INVALID_INPUT", ["rows", 5, "dpd"]]);
  });
});

describe("calibrateScorecard", () => {
  it("shifts the intercept: the card ranks the new market as before and now predicts its default rate", () => {
    const before = evaluateScorecard(card, market, { target: "defaulted" });
    expect(before.badRate - before.meanPredicted).toBeGreaterThan(0.1); // far too optimistic there
    const { card: next, report } = calibrateScorecard(card, market, {
      target: "defaulted",
      method: "intercept",
      id: "syn-risk-market",
    });
    expect(report.slope).toBe(1);
    // One point of log-odds more default is one point less of the favourable log-odds.
    expect(report.intercept).toBeCloseTo(-1, 0);
    expect(report.after.meanPredicted).toBeCloseTo(report.after.badRate, 2);
    expect(report.after.auc).toBeCloseTo(report.before.auc, 10); // bins and points unchanged
    expect(next.characteristics).toEqual(card.characteristics);
    const c = loadScorecard(next);
    expect([c.id, c.version]).toEqual(["syn-risk-market", "1.0.0-recalibrated"]);
    expect((next.meta as { calibration: { method: string } }).calibration.method).toBe("intercept");
    // Same facts, a lower score and a higher probability of default than the original card.
    const facts = { dpd: 20, utilization: 0.5, paymentsCount90d: 1, hardshipKind: null };
    expect(score(c, facts).score).toBeLessThan(score(card, facts).score);
    expect(formatReport(report)).toContain("new log-odds = ");
  });

  it("intercept and slope: recovers a card that is over-confident by a factor 2", () => {
    // A card whose points are twice what they should be (log-odds × 2 around the scaling).
    const loud = structuredClone(card);
    loud.id = "loud";
    loud.basePoints = 2 * (loud.basePoints ?? 0) - 600; // score − 600 doubled: log-odds − ln 50 doubled
    for (const ch of loud.characteristics) {
      for (const b of ch.bins) b.points *= 2;
      ch.missing.points *= 2;
      if (ch.type === "categorical" && ch.other) ch.other.points *= 2;
    }
    const data = synthetic(4000, 5);
    const { report } = calibrateScorecard(loud, data, { target: "defaulted" });
    expect(report.method).toBe("intercept-and-slope");
    // Half the slope the honest card gets on the same rows (its own slope is near 1).
    const honest = calibrateScorecard(card, data, { target: "defaulted" }).report;
    expect(honest.slope).toBeGreaterThan(0.75);
    expect(report.slope).toBeCloseTo(honest.slope / 2, 2);
    expect(report.after.brier).toBeLessThan(report.before.brier);
    expect(Math.abs(report.after.meanPredicted - report.after.badRate)).toBeLessThan(0.01);
  });

  it("keeps the shipped card's bins and reason codes, drops its embedded tests, maps its range", () => {
    const shipped = shippedRuleFile("scorecards", "risk-behavioral") as { tests: unknown[] };
    const rows = market.map((x) => ({ dpd: x.dpd, utilization: x.utilization ?? null, defaulted: x.defaulted }));
    const { card: next, report } = calibrateScorecard(shipped, rows, { target: "defaulted" });
    expect(report.testsDropped).toBe(shipped.tests.length);
    expect(next.tests).toEqual([]);
    expect(next.characteristics.map((c) => c.reasonCode)).toEqual(
      loadScorecard(shipped).characteristics.map((c) => c.reasonCode),
    );
    // A clamping range moves with the scores.
    const ranged = { ...structuredClone(card), range: { min: 400, max: 700 } };
    const shifted = calibrateScorecard(ranged, market, { target: "defaulted", method: "intercept" }).card;
    const shift = shifted.basePoints! - card.basePoints!;
    expect(shifted.range).toEqual({ min: 400 + shift, max: 700 + shift });
  });

  it("rejects a card that ranks the rows backwards, and one without odds", () => {
    const flipped = market.map((x) => ({ ...x, defaulted: !x.defaulted }));
    const e = thrownArrearsError(() => calibrateScorecard(card, flipped, { target: "defaulted" }));
    expect([e.code, e.issues[0]!.path]).toEqual(["INVALID_INPUT", ["rows"]]);
    expect(e.issues[0]!.message).toMatch(/backwards/);
    const same = market.map((x) => ({ defaulted: x.defaulted }));
    expect(
      thrownArrearsError(() => calibrateScorecard(card, same, { target: "defaulted" })).issues[0]!.message,
    ).toMatch(/same score/);
    const noOdds = { ...structuredClone(card), odds: undefined };
    expect(thrownArrearsError(() => calibrateScorecard(noOdds, market, { target: "defaulted" })).code).toBe(
      "INVALID_SCORECARD",
    );
    expect(
      thrownArrearsError(() => calibrateScorecard(card, market, { target: "defaulted", method: "slope" as never }))
        .issues[0]!.path,
    ).toEqual(["method"]);
  });
});
