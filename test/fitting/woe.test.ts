import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { niceCut } from "../../src/fitting/binning.js";
import { logisticRegression } from "../../src/fitting/logistic.js";
import { fitScorecard } from "../../src/index.js";

/** Rows with `good[k]` goods and `bad[k]` bads at value `values[k]` (null = missing). */
function table(values: (number | null)[], good: number[], bad: number[]) {
  return values.flatMap((x, k) => [
    ...Array.from({ length: good[k]! }, () => ({ x, y: false })),
    ...Array.from({ length: bad[k]! }, () => ({ x, y: true })),
  ]);
}
const fixedCuts = { id: "t", target: "y", allowOwnFacts: true, minIv: 0, ridge: 0 } as const;

describe("weight of evidence and information value", () => {
  it("match a hand-computed table", () => {
    // bin        goods bads  good%  bad%  WoE = ln(good%/bad%)   IV = (good% − bad%)·WoE
    // x < 10       40   10   0.40   0.10   ln 4   =  1.386294    0.415888
    // [10, 20)     30   20   0.30   0.20   ln 1.5 =  0.405465    0.040547
    // x ≥ 20       10   30   0.10   0.30   ln ⅓   = −1.098612    0.219722
    // missing      20   40   0.20   0.40   ln ½   = −0.693147    0.138629
    //                                                     total  0.814787
    const rows = table([5, 15, 25, null], [40, 30, 10, 20], [10, 20, 30, 40]);
    const { report } = fitScorecard(rows, { ...fixedCuts, characteristics: [{ fact: "x", cuts: [10, 20] }] });
    const x = report.characteristics[0]!;
    expect(x.bins.map((b) => b.label)).toEqual(["< 10", "[10, 20)", "≥ 20", "missing"]);
    expect(x.bins.map((b) => [b.goods, b.bads])).toEqual([
      [40, 10],
      [30, 20],
      [10, 30],
      [20, 40],
    ]);
    const woe = [1.386294, 0.405465, -1.098612, -Math.LN2]; // ln ½ = −ln 2
    const iv = [0.415888, 0.040547, 0.219722, 0.138629];
    x.bins.forEach((b, k) => {
      expect(b.woe).toBeCloseTo(woe[k]!, 6);
      expect(b.iv).toBeCloseTo(iv[k]!, 6);
    });
    expect(x.iv).toBeCloseTo(0.814787, 6);
    // One characteristic, no ridge: the logistic fit on WoE is exact, β = 1 and the intercept
    // is the log of the overall good:bad odds (here 1:1).
    expect(x.coefficient).toBeCloseTo(1, 8);
    expect(report.model.intercept).toBeCloseTo(0, 8);
  });

  it("adds ½ to both counts of a bin with no bads (a finite WoE), and gives an empty bin 0", () => {
    // goods 5 of 50 and bads 0 of 50 → WoE = ln((5.5/50) / (0.5/50)) = ln 11 = 2.397895
    const rows = table([1, 2], [5, 45], [0, 50]);
    // (A bin with no bads separates the outcomes: the fit needs its default ridge.)
    const { report } = fitScorecard(rows, {
      ...fixedCuts,
      ridge: 1e-4,
      characteristics: [{ fact: "x", cuts: [1.5, 100] }],
    });
    const [lo, mid, hi] = report.characteristics[0]!.bins;
    expect(lo!.woe).toBeCloseTo(2.397895, 6);
    expect(lo!.iv).toBeCloseTo(0.1 * 2.397895, 6);
    expect(mid!.woe).toBeCloseTo(Math.log(0.9 / 1), 12);
    expect([hi!.count, hi!.woe, hi!.iv, hi!.badRate]).toEqual([0, 0, 0, null]);
  });

  it("equal the textbook formulas on any table (property)", () => {
    const counts = fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 })), {
      minLength: 2,
      maxLength: 6,
    });
    fc.assert(
      fc.property(counts, fc.boolean(), (bins, withMissing) => {
        const values = bins.map((_, k) => (withMissing && k === bins.length - 1 ? null : k));
        const rows = table(
          values,
          bins.map((b) => b[0]),
          bins.map((b) => b[1]),
        );
        const cuts = values.filter((v) => v !== null && v > 0).map((v) => v! - 0.5);
        const options = cuts.length > 0 ? { fact: "x", cuts } : { fact: "x", cuts: [1000] };
        const { report } = fitScorecard(rows, { ...fixedCuts, characteristics: [options] });
        const G = bins.reduce((s, b) => s + b[0], 0);
        const B = bins.reduce((s, b) => s + b[1], 0);
        const byBin = report.characteristics[0]!.bins.filter((b) => b.count > 0);
        // The report's bins hold the table's cells in order (missing last).
        expect(byBin.map((b) => [b.goods, b.bads])).toEqual(bins);
        let total = 0;
        byBin.forEach((b, k) => {
          const [g, d] = bins[k]!;
          const w = Math.log(g / G / (d / B));
          expect(b.woe).toBeCloseTo(w, 10);
          expect(b.iv).toBeCloseTo((g / G - d / B) * w, 10);
          total += (g / G - d / B) * w;
        });
        expect(report.characteristics[0]!.iv).toBeCloseTo(total, 10);
      }),
      { numRuns: 40 },
    );
  });
});

describe("logistic regression (IRLS)", () => {
  it("recovers the log odds ratio of a binary predictor exactly, and ridge shrinks it", () => {
    // x = 0: 80 ones, 20 zeros; x = 1: 30 ones, 70 zeros → intercept ln 4, slope ln(3/7) − ln 4.
    const x = new Float64Array(200);
    const y = new Uint8Array(200);
    for (let i = 0; i < 200; i++) {
      x[i] = i < 100 ? 0 : 1;
      y[i] = i < 80 || (i >= 100 && i < 130) ? 1 : 0;
    }
    const fit = logisticRegression([x], y, { ridge: 0, maxIterations: 50 });
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(Math.log(4), 8);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(3 / 7) - Math.log(4), 8);
    const shrunk = logisticRegression([x], y, { ridge: 0.5, maxIterations: 50 });
    expect(Math.abs(shrunk.coefficients[0]!)).toBeLessThan(Math.abs(fit.coefficients[0]!));
    // An offset with coefficient 1: only the intercept is fitted.
    const off = logisticRegression([], y, { ridge: 0, maxIterations: 50, offset: x.map((v) => v * 0.7) });
    expect(off.coefficients).toEqual([]);
    expect(Number.isFinite(off.intercept)).toBe(true);
  });
});

describe("cut points", () => {
  it("are the simplest number between two neighbouring values (same bins, readable labels)", () => {
    expect(niceCut(4999, 5001)).toBe(5000);
    expect(niceCut(0.3456, 0.35)).toBe(0.35);
    expect(niceCut(0.3456, 0.3461)).toBe(0.346);
    expect(niceCut(-12, -3)).toBe(-10);
    expect(niceCut(0, 1)).toBe(1);
    // Neighbours at the ends of the doubles: no endless search.
    expect(niceCut(-Number.MAX_VALUE, Number.MAX_VALUE)).toBe(0);
    expect(niceCut(1e300, Number.MAX_VALUE)).toBeGreaterThan(1e300);
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-6, max: 1e4 }), (lo, d) => {
        const hi = lo + d;
        fc.pre(hi > lo);
        const c = niceCut(lo, hi);
        expect(c > lo && c <= hi).toBe(true);
      }),
    );
  });
});
