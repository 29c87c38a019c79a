import { ArrearsError, readInput } from "../errors/index.js";
import type { Facts } from "../facts/catalog.js";
import { compiledScorecard, type Scorecard } from "./scorecard.js";

/** What {@link score} returns: total points, the implied probability, points per characteristic and reason codes. */
export interface ScoreResult {
  score: number;
  probability: number | null;
  points: { characteristic: string; fact: string; value: unknown; bin: string; points: number }[];
  reasons: { code: string; characteristic: string; text: string; pointsLost: number }[];
}

/**
 * Probability of the unfavourable outcome at `points`: the odds against it are `baseOdds` at
 * `baseScore` and double every `pointsToDoubleOdds` points in the favourable direction.
 * Rounded to 4 decimals; null when the card has no `odds`.
 *
 * @example
 * // shipped risk card: baseScore 600, baseOdds 9 (10 % not paying), pointsToDoubleOdds 40
 * scoreToProbability(riskBehavioralScorecard, 600); // 0.1
 * scoreToProbability(riskBehavioralScorecard, 640); // 1 / (1 + 18) = 0.0526
 */
export function scoreToProbability(card: Scorecard | unknown, points: number): number | null {
  const c = compiledScorecard(card);
  const o = c.odds;
  if (!o) return null;
  const steps = (points - o.baseScore) / o.pointsToDoubleOdds;
  const odds = o.baseOdds * 2 ** (c.higherIs === "better" ? steps : -steps);
  const p = 1 / (1 + odds);
  return Math.round(p * 10_000) / 10_000;
}

/**
 * Scores a facts record with a points scorecard. Each characteristic reads one fact, finds its
 * bin (`missing` for null or absent, `other` for an unlisted category) and adds the bin's
 * points to `basePoints`; the total is clamped to the card's `range`.
 *
 * `reasons` are the characteristics that cost the most points against their most favourable
 * bin (like adverse-action reason codes): largest loss first, ties in card order, only losses
 * above 0, at most `maxReasons`.
 *
 * @param card A compiled card from {@link loadScorecard} (fast path) or its raw JSON.
 * @throws {ArrearsError} `INVALID_SCORECARD` for a bad card; `INVALID_INPUT` when a fact has
 * the wrong type (e.g. a string for a numeric characteristic, or NaN), with the fact's path.
 *
 * @example
 * const r = score(riskBehavioralScorecard, { dpd: 75, worstCycle12m: 3, cyclesDelinquent12m: 6,
 *   utilization: 1.2, paymentsCount90d: 0, paidAmount90d: 0, promisesBroken90d: 2, unreachable: true });
 * r.score;       // 311
 * r.probability; // 0.9433 (probability of not paying)
 * r.reasons[0];  // { code: "R01", characteristic: "currentDelinquency", text: "Account is past due now", pointsLost: 86 }
 */
export function score(card: Scorecard | unknown, facts: Facts): ScoreResult {
  const c = compiledScorecard(card);
  if (typeof facts !== "object" || facts === null)
    throw new ArrearsError(
      "INVALID_INPUT",
      [{ path: [], message: "expected a facts record", received: facts }],
      `score ${c.id}`,
    );
  // Reading the facts runs the caller's code when they are not plain data (a getter, a proxy).
  return readInput("INVALID_INPUT", `score ${c.id}`, () => scoreWith(c, facts));
}

function scoreWith(c: Scorecard, facts: Facts): ScoreResult {
  const worse = c.higherIs === "worse";
  const chars = c.characteristics;
  const points: ScoreResult["points"] = new Array(chars.length);
  let total = c.basePoints;
  let lossCount = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const v = facts[ch.fact];
    let pts: number;
    let label: string;
    if (v === null || v === undefined) {
      pts = ch.missing.points;
      label = ch.missing.label;
    } else if (ch.numeric) {
      if (typeof v !== "number" || Number.isNaN(v)) throw badFact(c, ch.fact, v, "expected a number (or null)");
      const e = ch.edges;
      let j = 0;
      while (j < e.length && v >= e[j]!) j++;
      pts = ch.points[j]!;
      label = ch.labels[j]!;
    } else {
      const j = ch.categories.get(v as string | boolean);
      if (j !== undefined) {
        pts = ch.points[j]!;
        label = ch.labels[j]!;
      } else if (ch.other && (typeof v === "string" || typeof v === "boolean")) {
        pts = ch.other.points;
        label = ch.other.label;
      } else {
        throw badFact(
          c,
          ch.fact,
          v,
          ch.other
            ? "expected a string or boolean (or null)"
            : `expected one of ${[...ch.categories.keys()].map((k) => JSON.stringify(k)).join(", ")} (or null)`,
        );
      }
    }
    total += pts;
    if ((worse ? pts - ch.best : ch.best - pts) > 0) lossCount++;
    points[i] = { characteristic: ch.name, fact: ch.fact, value: v ?? null, bin: label, points: pts };
  }
  if (c.range) total = Math.min(c.range.max, Math.max(c.range.min, total));

  const reasons: ScoreResult["reasons"] = [];
  if (lossCount > 0 && c.maxReasons > 0) {
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      const pts = points[i]!.points;
      const lost = worse ? pts - ch.best : ch.best - pts;
      if (lost > 0)
        reasons.push({ code: ch.reasonCode, characteristic: ch.name, text: ch.reasonText, pointsLost: lost });
    }
    // Most points lost first, ties in card order (stable). An insertion sort: a card has a dozen
    // characteristics, and Array.prototype.sort allocated ~1.4 KB of work space per decision.
    for (let i = 1; i < reasons.length; i++) {
      const r = reasons[i]!;
      let j = i - 1;
      for (; j >= 0 && reasons[j]!.pointsLost < r.pointsLost; j--) reasons[j + 1] = reasons[j]!;
      reasons[j + 1] = r;
    }
    if (reasons.length > c.maxReasons) reasons.length = c.maxReasons;
  }
  return { score: total, probability: scoreToProbability(c, total), points, reasons };
}

function badFact(c: Scorecard, fact: string, v: unknown, message: string): ArrearsError {
  return new ArrearsError("INVALID_INPUT", [{ path: [fact], message, received: v }], `score ${c.id}`);
}
