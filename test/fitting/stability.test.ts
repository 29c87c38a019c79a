import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitScorecard, formatReport, type ScorecardInput, scorecardStability } from "../../src/index.js";
import { thrownArrearsError } from "../helpers.js";
import { synthetic } from "./synthetic.js";

const { card } = fitScorecard(synthetic(2000), {
  id: "syn-risk",
  target: "defaulted",
  characteristics: ["dpd", "utilization", "paymentsCount90d", "hardshipKind"],
});

/** A one-characteristic card with bins at 0–10, 10–20, 20+ of dpd. */
const small: ScorecardInput = {
  schemaVersion: 1,
  id: "small",
  version: "1",
  description: "PSI by hand",
  characteristics: [
    {
      name: "depth",
      fact: "dpd",
      type: "numeric",
      reasonCode: "D",
      reasonText: "late",
      bins: [
        { max: 10, points: 30 },
        { min: 10, max: 20, points: 20 },
        { min: 20, points: 10 },
      ],
      missing: { points: 0 },
    },
  ],
};
const facts = (counts: number[]) => counts.flatMap((n, k) => Array.from({ length: n }, () => ({ dpd: 5 + 10 * k })));

describe("scorecardStability", () => {
  it("matches a hand-computed PSI and CSI", () => {
    // shares baseline 0.5 / 0.3 / 0.2, current 0.3 / 0.3 / 0.4:
    // (0.3 − 0.5)·ln(0.3/0.5) + 0 + (0.4 − 0.2)·ln(0.4/0.2) = 0.102165 + 0.138629 = 0.240795
    const r = scorecardStability(small, facts([50, 30, 20]), facts([30, 30, 40]), { bands: 3 });
    expect(r.score.psi).toBeCloseTo(0.240795, 6);
    expect(r.score.status).toBe("watch");
    expect(r.score.bands.map((b) => [b.label, b.baseline, b.current])).toEqual([
      // scores 30 (dpd < 10), 20, 10: bands cut at the baseline's tertiles, 20 and 30
      ["< 20", 20, 40],
      ["[20, 30)", 30, 30],
      ["≥ 30", 50, 30],
    ]);
    const depth = r.characteristics[0]!;
    expect(depth.csi).toBeCloseTo(0.240795, 6);
    expect(depth.bins.map((b) => b.label)).toEqual(["< 10", "[10, 20)", "≥ 20", "missing"]);
    expect(depth.meanPoints).toEqual({ baseline: 23, current: 19 });
    expect(r.status).toBe("watch");
    // A zero share is floored at 0.0001 in the log, never an infinity.
    const gone = scorecardStability(small, facts([50, 30, 20]), facts([50, 50, 0]), { bands: 3 });
    expect(gone.score.psi).toBeCloseTo(0.2 * Math.log(0.5 / 0.3) + -0.2 * Math.log(0.0001 / 0.2), 6);
    expect(gone.status).toBe("shift");
  });

  it("is exactly 0 for identical populations, whatever their size (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 3 }), (seed, copies) => {
        const base = synthetic(200, seed);
        const r = scorecardStability(card, base, Array.from({ length: copies }, () => base).flat());
        expect(r.score.psi).toBe(0);
        for (const c of r.characteristics) expect(c.csi).toBe(0);
        expect(r.status).toBe("stable");
      }),
      { numRuns: 15 },
    );
  });

  it("flags a population that moved, naming the characteristic that moved", () => {
    const base = synthetic(1500, 1);
    const later = synthetic(1500, 2).map((x) => ({ ...x, dpd: x.dpd + 60 })); // everyone 60 days later
    const r = scorecardStability(card, base, later);
    expect(r.score.status).toBe("shift");
    const byName = Object.fromEntries(r.characteristics.map((c) => [c.name, c.status]));
    expect(byName.dpd).toBe("shift");
    expect(byName.utilization).toBe("stable");
    expect(r.score.meanScore.current).toBeLessThan(r.score.meanScore.baseline);
    const text = formatReport(r);
    expect(text.split("\n")[0]).toBe("stability of syn-risk@1.0.0: SHIFT (stable < 0.1 ≤ watch ≤ 0.25 < shift)");
    expect(text).toMatch(/^dpd \(shift\):$/m);
    // A report that is not one (edited, truncated) fails with its path, never a TypeError.
    const broken = { ...r, score: { ...r.score, bands: 3 } };
    const e = thrownArrearsError(() => formatReport(broken as never));
    expect([e.code, e.issues[0]!.path]).toEqual(["INVALID_INPUT", ["score", "bands"]]);
  });

  it("rejects empty or malformed populations with their path", () => {
    expect(thrownArrearsError(() => scorecardStability(card, [], [{}])).issues[0]).toMatchObject({
      path: ["baseline"],
      message: "expected at least one row",
    });
    expect(thrownArrearsError(() => scorecardStability(card, [{}], [{}, 3])).issues[0]!.path).toEqual(["current", 1]);
    expect(thrownArrearsError(() => scorecardStability(card, [{}], [{ dpd: "x" }])).issues[0]!.path).toEqual([
      "current",
      0,
      "dpd",
    ]);
    const t = thrownArrearsError(() =>
      scorecardStability(card, [{}], [{}], { thresholds: { watch: 0.3, shift: 0.2 } }),
    );
    expect([t.code, t.issues[0]!.path]).toEqual(["INVALID_OPTIONS", ["thresholds", "shift"]]);
  });
});
