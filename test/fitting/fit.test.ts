import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ArrearsError,
  evaluateScorecard,
  type Facts,
  type FitReport,
  type FitScorecardOptions,
  fitScorecard,
  formatReport,
  loadScorecard,
  score,
} from "../../src/index.js";
import { thrownArrearsError } from "../helpers.js";
import { rng, synthetic } from "./synthetic.js";

const rows = synthetic(3000);
const options: FitScorecardOptions = {
  id: "syn-risk",
  target: "defaulted",
  characteristics: ["dpd", "utilization", "paymentsCount90d", "hardshipKind"],
};
const fitted = fitScorecard(rows, options);

/** The logistic model's log-odds of the favourable outcome for a row, from the report's WoE. */
function modelLogOdds(report: FitReport, card: ReturnType<typeof loadScorecard>, row: Facts) {
  const used = report.characteristics.filter((c) => c.status === "used");
  const r = score(card, row);
  return used.reduce((eta, c, j) => {
    const bin = c.bins.find((b) => b.label === r.points[j]!.bin)!;
    return eta + c.coefficient! * bin.woe;
  }, report.model.intercept);
}

describe("fitScorecard", () => {
  it("fits a card the library loads, with monotone bins, sensible points and reasons", () => {
    const { card, report } = fitted;
    const c = loadScorecard(card);
    expect(c.id).toBe("syn-risk");
    expect(report.characteristics.map((x) => [x.name, x.status])).toEqual([
      ["dpd", "used"],
      ["utilization", "used"],
      ["paymentsCount90d", "used"],
      ["hardshipKind", "used"],
    ]);
    // The data's effects: dpd and utilization raise the bad rate, payments lower it.
    const trend = (name: string) => report.characteristics.find((x) => x.name === name)!.trend;
    expect([trend("dpd"), trend("utilization"), trend("paymentsCount90d")]).toEqual([
      "ascending",
      "ascending",
      "descending",
    ]);
    for (const ch of report.characteristics.filter((x) => x.type === "numeric")) {
      const bins = ch.bins.slice(0, -1); // the missing bin stands apart
      const rates = bins.map((b) => b.badRate!);
      const up = ch.trend === "ascending";
      rates.forEach((r, k) => k === 0 || expect(up ? r > rates[k - 1]! : r < rates[k - 1]!).toBe(true));
      // Higher bad rate, fewer points; every bin holds at least 5 % of the rows.
      bins.forEach((b, k) => k === 0 || expect(up ? b.points <= bins[k - 1]!.points : true).toBe(true));
      for (const b of bins) expect(b.share).toBeGreaterThanOrEqual(0.05);
      expect(bins.length).toBeLessThanOrEqual(8);
    }
    // Utilization's missing values (riskier in the data) get their own, negative, points.
    const util = report.characteristics.find((x) => x.name === "utilization")!;
    expect(util.bins.at(-1)).toMatchObject({ label: "missing" });
    expect(util.bins.at(-1)!.points).toBeLessThan(0);
    expect(report.performance.auc).toBeGreaterThan(0.75);
    // The report's figures are the card's own: scoring the rows with `score` gives the same.
    const { kind: _, card: __, ...same } = evaluateScorecard(card, rows, { target: "defaulted" });
    expect(report.performance).toEqual(same);
    expect(report.performance.gini).toBeCloseTo(2 * report.performance.auc - 1, 12);
    expect(report.performance.calibrationMonotone).toBe(true);
    // The mean prediction matches the bad rate (logistic regression with an intercept).
    expect(report.performance.meanPredicted).toBeCloseTo(report.performance.badRate, 2);

    // A late, maxed-out account without payments: reasons name the costliest characteristics.
    const r = score(c, { dpd: 95, utilization: 1.2, paymentsCount90d: 0, hardshipKind: null });
    const lost = report.characteristics.map((x, j) => ({
      characteristic: x.name,
      lost: Math.max(...x.bins.map((b) => b.points)) - r.points[j]!.points,
    }));
    const ranking = lost.filter((x) => x.lost > 0).sort((a, b) => b.lost - a.lost);
    expect(r.reasons.map((x) => [x.characteristic, x.pointsLost])).toEqual(
      ranking.map((x) => [x.characteristic, x.lost]),
    );
    expect(r.reasons[0]).toMatchObject({ code: "R01", text: "Unfavourable dpd" });
    expect(r.probability!).toBeGreaterThan(0.5);
    // An unseen category scores 0 (neutral) in "other".
    expect(score(c, { hardshipKind: "bereavement" }).points[3]).toMatchObject({ bin: "other", points: 0 });
  });

  it("fitted points reproduce the logistic model's log-odds through the scaling (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.record({
          baseScore: fc.integer({ min: 300, max: 800 }),
          baseOdds: fc.double({ min: 0.5, max: 100, noNaN: true }),
          pointsToDoubleOdds: fc.integer({ min: 10, max: 80 }),
        }),
        (seed, scaling) => {
          const data = synthetic(400, seed);
          const { card, report } = fitScorecard(data, { ...options, scaling, minIv: 0 });
          const c = loadScorecard(card);
          const used = report.characteristics.filter((x) => x.status === "used").length;
          // Each of the used bins' points and basePoints is rounded to an integer: ½ point each.
          const tolerance = ((used + 1) * 0.5 * Math.LN2) / scaling.pointsToDoubleOdds + 1e-9;
          for (const row of data.slice(0, 50)) {
            const s = score(c, row).score;
            const cardLogOdds =
              Math.log(scaling.baseOdds) + ((s - scaling.baseScore) / scaling.pointsToDoubleOdds) * Math.LN2;
            expect(Math.abs(cardLogOdds - modelLogOdds(report, c, row))).toBeLessThanOrEqual(tolerance);
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it("is deterministic: the same rows and options give the same card and report (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const data = synthetic(300, seed);
        const a = fitScorecard(data, { ...options, minIv: 0 });
        const b = fitScorecard(structuredClone(data), { ...options, minIv: 0 });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 10 },
    );
  });

  it("honours fixed cuts, maxBins, minBinShare and a forced trend", () => {
    const fixed = fitScorecard(rows, {
      ...options,
      characteristics: [{ fact: "dpd", cuts: [1, 30, 60] }, "utilization"],
    });
    expect(fixed.card.characteristics[0]!.bins).toEqual([
      { max: 1, points: expect.any(Number) },
      { min: 1, max: 30, points: expect.any(Number) },
      { min: 30, max: 60, points: expect.any(Number) },
      { min: 60, points: expect.any(Number) },
    ]);
    const coarse = fitScorecard(rows, { ...options, maxBins: 2, minBinShare: 0.2 });
    for (const ch of coarse.report.characteristics) {
      const bins = ch.bins.filter((b) => b.label !== "missing" && b.label !== "other");
      expect(bins.length).toBeLessThanOrEqual(2);
      for (const b of bins) expect(b.share).toBeGreaterThanOrEqual(0.2);
    }
    // Forcing the wrong direction pools everything into one bin: no information, left out.
    const wrong = fitScorecard(rows, {
      ...options,
      characteristics: ["utilization", { fact: "dpd", trend: "descending" }],
    });
    expect(wrong.report.characteristics[1]).toMatchObject({ status: "low_iv", trend: "none", iv: 0 });
    expect(wrong.card.characteristics.map((x) => x.name)).toEqual(["utilization"]);
  });

  it("leaves out a duplicated characteristic whose coefficient turns ≤ 0, and says so", () => {
    const dup = fitScorecard(rows, {
      ...options,
      characteristics: ["dpd", { fact: "dpd", name: "dpdAgain", cuts: [1, 15, 30, 45, 60, 90] }, "utilization"],
    });
    const statuses = dup.report.characteristics.map((x) => x.status);
    expect(statuses.filter((s) => s === "reversed").length).toBeLessThanOrEqual(1);
    for (const x of dup.report.characteristics.filter((c) => c.status === "used"))
      expect(x.coefficient).toBeGreaterThan(0);
    expect(formatReport(dup.report)).toContain("characteristic");
  });

  it("fits facts of the lender's own with allowOwnFacts, declared in the card", () => {
    const r = rng(3);
    const own = rows.map((x) => ({ ...x, bureauBand: r() < 0.5 ? "A" : x.defaulted && r() < 0.6 ? "C" : "B" }));
    const e = thrownArrearsError(() => fitScorecard(own, { ...options, characteristics: ["dpd", "bureauBand"] }));
    expect(e.code).toBe("INVALID_OPTIONS");
    expect(e.issues[0]!.path).toEqual(["characteristics", 1]);
    expect(e.issues[0]!.message).toMatch(/unknown fact "bureauBand".*allowOwnFacts/);
    const typo = thrownArrearsError(() => fitScorecard(rows, { ...options, characteristics: ["dpdd"] }));
    expect(typo.issues[0]!.message).toContain('did you mean "dpd"');

    const { card, report } = fitScorecard(own, {
      ...options,
      allowOwnFacts: true,
      characteristics: ["dpd", { fact: "bureauBand", description: "Bureau risk band", reasonText: "Bureau band" }],
    });
    expect(card.ownFacts).toEqual([{ name: "bureauBand", type: "string", description: "Bureau risk band" }]);
    expect(report.characteristics[1]).toMatchObject({ ownFact: true, type: "categorical", status: "used" });
    const c = loadScorecard(card);
    expect(score(c, { dpd: 0, bureauBand: "C" }).reasons[0]).toMatchObject({ characteristic: "bureauBand" });
  });

  it("rejects bad input with typed errors naming the path, never NaN or a crash", () => {
    const bad = (input: unknown, opts: Partial<FitScorecardOptions> = {}) =>
      thrownArrearsError(() => fitScorecard(input, { ...options, ...opts }));
    const at = (e: ArrearsError) => [e.code, e.issues[0]!.path, e.issues[0]!.message];

    expect(at(bad([]))).toEqual(["INVALID_INPUT", ["rows"], "expected at least one row"]);
    expect(at(bad("rows"))).toEqual(["INVALID_INPUT", ["rows"], "expected an array of rows (objects of fact values)"]);
    expect(at(bad(rows.map((x) => ({ ...x, defaulted: false }))))).toEqual([
      "INVALID_INPUT",
      ["rows"],
      'every row has "defaulted" = false: both outcomes are needed',
    ]);
    const withNaN = rows.map((x, i) => (i === 41 ? { ...x, utilization: Number.NaN } : x));
    expect(at(bad(withNaN))).toEqual([
      "INVALID_INPUT",
      ["rows", 41, "utilization"],
      "expected a finite number (null or absent for a missing value)",
    ]);
    const withInf = rows.map((x, i) => (i === 7 ? { ...x, dpd: Number.POSITIVE_INFINITY } : x));
    expect(at(bad(withInf))[1]).toEqual(["rows", 7, "dpd"]);
    const strOutcome = rows.map((x, i) => (i === 3 ? { ...x, defaulted: "yes" } : x));
    expect(at(bad(strOutcome))).toEqual([
      "INVALID_INPUT",
      ["rows", 3, "defaulted"],
      "expected true or false (or 1 or 0)",
    ]);
    const noOutcome = rows.map((x, i) => (i === 5 ? { dpd: 1 } : x));
    expect(at(bad(noOutcome))[1]).toEqual(["rows", 5, "defaulted"]);
    expect(at(bad([...rows.slice(0, 10), null]))[1]).toEqual(["rows", 10]);
    const allMissing = rows.map((x) => ({ ...x, utilization: null }));
    expect(at(bad(allMissing))).toEqual([
      "INVALID_INPUT",
      ["characteristics", 1],
      'every row\'s "utilization" is missing: nothing to bin',
    ]);
    const wrongKind = rows.map((x, i) => (i === 2 ? { ...x, hardshipKind: "flood" } : x));
    expect(at(bad(wrongKind))[1]).toEqual(["rows", 2, "hardshipKind"]);
    // Nothing informative: a characteristic that does not vary.
    expect(
      at(
        bad(
          rows.map((x) => ({ ...x, dpd: 5 })),
          { characteristics: ["dpd"] },
        ),
      )[2],
    ).toMatch(/no characteristic reaches minIv/);

    expect(at(bad(rows, { target: "" }))[1]).toEqual(["target"]);
    expect(at(bad(rows, { minBinShare: 0.9 }))).toEqual(["INVALID_OPTIONS", ["minBinShare"], expect.any(String)]);
    expect(at(bad(rows, { scaling: { baseScore: 600, baseOdds: -1, pointsToDoubleOdds: 20 } }))[1]).toEqual([
      "scaling",
      "baseOdds",
    ]);
    expect(at(bad(rows, { characteristics: [{ fact: "dpd", cuts: [5, 1] }] }))[1]).toEqual([
      "characteristics",
      0,
      "cuts",
    ]);
    expect(at(bad(rows, { characteristics: ["dpd", "dpd"] }))).toEqual([
      "INVALID_OPTIONS",
      ["characteristics", 1],
      "duplicate characteristic name (also characteristics[0]): give one a name",
    ]);
    expect(at(bad(rows, { characteristics: [{ fact: "dpd", type: "categorical" }] }))[1]).toEqual([
      "characteristics",
      0,
      "type",
    ]);
    expect(at(bad(rows, { characteristics: ["defaulted"], allowOwnFacts: true }))[2]).toBe(
      "the outcome field cannot be a characteristic",
    );
    // Scaled points a card cannot hold; a column of ids offered as a category.
    expect(at(bad(rows, { scaling: { baseScore: 99_000, baseOdds: 1e-9, pointsToDoubleOdds: 1000 } }))[1]).toEqual([
      "scaling",
    ]);
    const ids = rows.map((x, i) => ({ ...x, clientId: `C${i}` }));
    expect(at(bad(ids, { allowOwnFacts: true, characteristics: ["dpd", "clientId"] }))).toEqual([
      "INVALID_INPUT",
      ["characteristics", 1, "fact"],
      expect.stringMatching(/^3000 distinct values of "clientId": a categorical characteristic takes at most 1000/),
    ]);
    expect(at(bad(rows, { ridgee: 1 } as never))).toEqual([
      "INVALID_OPTIONS",
      ["ridgee"],
      'unknown field; did you mean "ridge"?',
    ]);
    // Collinear columns without a ridge: a clear error, not a singular-matrix crash.
    const twin = rows.map((x) => ({ ...x, dpdCopy: x.dpd }));
    expect(
      at(
        bad(twin, {
          ridge: 0,
          allowOwnFacts: true,
          dropReversed: false,
          characteristics: ["dpd", { fact: "dpdCopy", trend: "ascending" }],
        }),
      ),
    ).toEqual(["INVALID_OPTIONS", ["ridge"], expect.stringContaining("collinear")]);
  });
});
