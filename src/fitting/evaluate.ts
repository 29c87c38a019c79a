import * as z from "zod";
import { ArrearsError, readInput } from "../errors/index.js";
import { parseOptions } from "../errors/options.js";
import { compiledScorecard, type Scorecard } from "../scoring/scorecard.js";
import { type Performance, performance } from "./metrics.js";
import { type FitRow, probabilityAt, readRows, scoreRows } from "./rows.js";

const EvaluateOptionsSchema = z.strictObject({
  /** The row field holding the outcome: true or 1 = the unfavourable outcome (the card's `odds.event`). */
  target: z.string().min(1),
});

/** Options of {@link evaluateScorecard}. */
export type EvaluateScorecardOptions = z.input<typeof EvaluateOptionsSchema>;

/** What {@link evaluateScorecard} returns. */
export interface EvaluationReport extends Performance {
  kind: "evaluation";
  card: { id: string; version: string };
}

/** The compiled card, which must turn scores into probabilities. @internal */
export function cardWithOdds(card: unknown, context: string): Scorecard {
  const c = compiledScorecard(card);
  if (!c.odds)
    throw new ArrearsError(
      "INVALID_SCORECARD",
      [{ path: ["odds"], message: "required here: the card's odds turn its scores into probabilities" }],
      `${context} ${c.id}`,
    );
  return c;
}

/** Scores, probabilities and outcomes of rows under a card. @internal */
export function scoredRows(
  c: Scorecard,
  rows: readonly object[],
  context: string,
): { score: Float64Array; p: Float64Array } {
  const score = Float64Array.from(scoreRows(c, rows, context), (r) => r.score);
  return { score, p: score.map((s) => probabilityAt(c, s)) };
}

/**
 * How well a card separates and calibrates on a lender's own rows with known outcomes: ROC AUC,
 * KS, Gini, Brier score, mean predicted against observed, and a calibration table by decile of
 * the predicted probability. Use it on a holdout before trusting a card, or on recent outcomes
 * to see whether the shipped card fits your portfolio (then {@link calibrateScorecard}).
 *
 * @param card Scorecard JSON or a loaded card, with `odds`.
 * @param rows Facts records (what `score` reads) with the outcome in `target` (true/1 = the
 * unfavourable outcome the card's probability is of).
 * @throws {ArrearsError} `INVALID_SCORECARD` for a bad card or one without odds; `INVALID_OPTIONS`;
 * `INVALID_INPUT` for bad rows (e.g. `rows[7].dpd: expected a number (or null)`) or a single outcome.
 *
 * @example
 * const r = evaluateScorecard(riskJson, holdout, { target: "defaulted" });
 * r.auc;                 // 0.777
 * r.calibrationMonotone; // true
 */
export function evaluateScorecard(
  card: unknown,
  rows: readonly FitRow[] | unknown,
  options: EvaluateScorecardOptions,
): EvaluationReport {
  const o = parseOptions(EvaluateOptionsSchema, options, "evaluateScorecard");
  const c = cardWithOdds(card, "evaluateScorecard");
  return readInput("INVALID_INPUT", "evaluateScorecard", () => {
    const { rows: list, bad } = readRows(rows, o.target, "evaluateScorecard");
    const s = scoredRows(c, list, "evaluateScorecard");
    return { kind: "evaluation", card: { id: c.id, version: c.version }, ...performance(s.p, bad, s.score) };
  });
}
