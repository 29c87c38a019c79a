import * as z from "zod";
import { ArrearsError, readInput } from "../errors/index.js";
import { parseOptions } from "../errors/options.js";
import type { ScorecardInput } from "../scoring/schema.js";
import { loadScorecard } from "../scoring/scorecard.js";
import { cardWithOdds, scoredRows } from "./evaluate.js";
import { logisticRegression, SingularFitError } from "./logistic.js";
import { type Performance, performance } from "./metrics.js";
import { type FitRow, logOddsGood, readRows } from "./rows.js";

const CalibrateOptionsSchema = z.strictObject({
  /** The row field holding the outcome: true or 1 = the unfavourable outcome (the card's `odds.event`). */
  target: z.string().min(1),
  /**
   * `intercept`: shift the log-odds (the card ranks well, its level is off, e.g. another
   * market's default rate); `intercept-and-slope`: also stretch them (over- or under-confident).
   */
  method: z.enum(["intercept", "intercept-and-slope"]).default("intercept-and-slope"),
  /** The new card's id; default the card's. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lowercase id like "my-risk"')
    .optional(),
  /** The new card's version; default the card's with `-recalibrated`. */
  version: z.string().min(1).optional(),
});

/** Options of {@link calibrateScorecard}. */
export type CalibrateScorecardOptions = z.input<typeof CalibrateOptionsSchema>;

/** The calibration report: the fitted map and the card before and after on the same rows. */
export interface CalibrationReport {
  kind: "calibration";
  card: { id: string; version: string };
  from: { id: string; version: string };
  method: "intercept" | "intercept-and-slope";
  /** New log-odds = `intercept + slope · old log-odds` (of the favourable outcome). */
  intercept: number;
  slope: number;
  before: Performance;
  after: Performance;
  /** Embedded tests of the original card left out (their expected scores no longer hold). */
  testsDropped: number;
}

/** What {@link calibrateScorecard} returns. */
export interface CalibrationResult {
  card: ScorecardInput;
  report: CalibrationReport;
}

/**
 * Recalibrates an existing card on a lender's outcomes (a market, currency or period the card
 * was not built on): a logistic regression of the outcome on the card's own log-odds
 * (`method: "intercept"` fits only a shift; `"intercept-and-slope"` also a stretch), folded back
 * into the points: every bin's points are multiplied by the slope (rounded) and `basePoints`
 * absorbs the rest, with the card's scaling (`odds`) unchanged, so a score means the same odds
 * as before on the new population. A `range` is mapped the same way. Bins, characteristics and
 * reason codes stay as they are.
 *
 * @throws {ArrearsError} `INVALID_SCORECARD` for a bad card or one without odds; `INVALID_OPTIONS`;
 * `INVALID_INPUT` for bad rows, a single outcome, or a card that ranks the rows backwards (slope ≤ 0).
 *
 * @example
 * const { card, report } = calibrateScorecard(riskJson, lenderRows, { target: "defaulted", id: "acme-risk" });
 * report.before.meanPredicted; // 0.21 against report.before.badRate 0.08
 * report.after.meanPredicted;  // 0.08
 */
export function calibrateScorecard(
  card: unknown,
  rows: readonly FitRow[] | unknown,
  options: CalibrateScorecardOptions,
): CalibrationResult {
  const o = parseOptions(CalibrateOptionsSchema, options, "calibrateScorecard");
  const c = cardWithOdds(card, "calibrateScorecard");
  return readInput("INVALID_INPUT", "calibrateScorecard", () => {
    const { rows: list, bad } = readRows(rows, o.target, "calibrateScorecard");
    const before = scoredRows(c, list, "calibrateScorecard");
    const x = before.score.map((s) => logOddsGood(c, s));
    const good = bad.map((b) => 1 - b);
    let fit: ReturnType<typeof logisticRegression>;
    try {
      fit =
        o.method === "intercept"
          ? logisticRegression([], good, { ridge: 0, maxIterations: 100, offset: x })
          : logisticRegression([x], good, { ridge: 0, maxIterations: 100 });
    } catch (e) {
      if (!(e instanceof SingularFitError)) throw e;
      throw new ArrearsError(
        "INVALID_INPUT",
        [{ path: ["rows"], message: 'every row gets the same score: no slope to fit (use method: "intercept")' }],
        "calibrateScorecard",
      );
    }
    const a = fit.intercept;
    const b = o.method === "intercept" ? 1 : fit.coefficients[0]!;
    if (!(b > 0))
      throw new ArrearsError(
        "INVALID_INPUT",
        [
          {
            path: ["rows"],
            message: `the card ranks these outcomes backwards (slope ${b.toFixed(4)} ≤ 0): fit a new card instead`,
          },
        ],
        "calibrateScorecard",
      );
    // New score = T(old score), T(s) = shift + b · s, so that the card's odds formula at T(s)
    // gives the recalibrated log-odds a + b · L(s). With sign = ±1 for higherIs better/worse:
    // shift = baseScore · (1 − b) + sign · factor · (a + (b − 1) · ln baseOdds).
    const odds = c.odds!;
    const sign = c.higherIs === "better" ? 1 : -1;
    const factor = odds.pointsToDoubleOdds / Math.LN2;
    const shift = odds.baseScore * (1 - b) + sign * factor * (a + (b - 1) * Math.log(odds.baseOdds));
    const round = (v: number) => Math.round(v) || 0;
    const pts = (p: number) => round(b * p);
    const src = c.source;
    const out: ScorecardInput = {
      ...structuredClone(src),
      id: o.id ?? src.id,
      version: o.version ?? `${src.version}-recalibrated`,
      basePoints: round(shift + b * src.basePoints),
      ...(src.range ? { range: { min: round(shift + b * src.range.min), max: round(shift + b * src.range.max) } } : {}),
      characteristics: src.characteristics.map((ch) =>
        ch.type === "numeric"
          ? {
              ...structuredClone(ch),
              bins: ch.bins.map((bin) => ({ ...structuredClone(bin), points: pts(bin.points) })),
              missing: { ...ch.missing, points: pts(ch.missing.points) },
            }
          : {
              ...structuredClone(ch),
              bins: ch.bins.map((bin) => ({ ...structuredClone(bin), points: pts(bin.points) })),
              missing: { ...ch.missing, points: pts(ch.missing.points) },
              ...(ch.other ? { other: { ...ch.other, points: pts(ch.other.points) } } : {}),
            },
      ),
      tests: [],
      meta: {
        ...(src.meta ?? {}),
        calibration: {
          from: `${src.id}@${src.version}`,
          method: o.method,
          intercept: a,
          slope: b,
          rows: list.length,
          target: o.target,
        },
      },
    };
    const next = loadScorecard(out);
    const after = scoredRows(next, list, "calibrateScorecard");
    return {
      card: out,
      report: {
        kind: "calibration",
        card: { id: next.id, version: next.version },
        from: { id: c.id, version: c.version },
        method: o.method,
        intercept: a,
        slope: b,
        before: performance(before.p, bad, before.score),
        after: performance(after.p, bad, after.score),
        testsDropped: src.tests.length,
      },
    };
  });
}
