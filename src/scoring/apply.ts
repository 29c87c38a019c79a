import { ArrearsError, type ArrearsIssue } from "../errors/index.js";
import type { Facts } from "../facts/catalog.js";
import { defaultSegmentation, hardshipScorecard, riskBehavioralScorecard } from "./defaults.js";
import { type ScoreResult, score } from "./score.js";
import { isScorecard, loadScorecard, type Scorecard } from "./scorecard.js";
import { loadSegmentation, type Segment, type Segmentation, segmentOf } from "./segment.js";

/** The cards `applyScores` runs, compiled. */
export interface Scoring {
  readonly risk: Scorecard;
  readonly hardship: Scorecard;
  readonly segmentation: Segmentation;
}

/** Options of {@link loadScoring}: JSON or compiled cards; each defaults to the shipped one. */
export interface ScoringInput {
  risk?: unknown;
  hardship?: unknown;
  segmentation?: unknown;
}

const SCORE_FACTS = ["riskScore", "riskProbability", "hardshipScore", "segment"] as const;

/**
 * Compiles the risk card, the hardship card and the segmentation used by {@link applyScores}.
 * They run in that order, so the risk card may read none of the score facts, the hardship card
 * may read `riskScore`/`riskProbability`, and the segmentation anything but `segment`.
 *
 * @throws {ArrearsError} `INVALID_SCORECARD`, paths prefixed with `risk`, `hardship` or `segmentation`.
 *
 * @example
 * const scoring = loadScoring({ risk: myRiskJson }); // shipped hardship card and segments
 */
export function loadScoring(input: ScoringInput = {}): Scoring {
  const prefixed = <T>(key: string, load: () => T): T => {
    try {
      return load();
    } catch (e) {
      if (e instanceof ArrearsError)
        throw new ArrearsError(
          e.code,
          e.issues.map((i) => ({ ...i, path: [key, ...i.path] })),
          key,
        );
      throw e;
    }
  };
  const risk = prefixed("risk", () => loadScorecard(input.risk ?? riskBehavioralScorecard));
  const hardship = prefixed("hardship", () => loadScorecard(input.hardship ?? hardshipScorecard));
  const segmentation = prefixed("segmentation", () => loadSegmentation(input.segmentation ?? defaultSegmentation));
  const issues: ArrearsIssue[] = [];
  const order = (key: string, card: Scorecard, forbidden: readonly string[]) =>
    card.characteristics.forEach((c, i) => {
      if (forbidden.includes(c.fact))
        issues.push({
          path: [key, "characteristics", i, "fact"],
          message: `"${c.fact}" is not known yet when the ${key} card runs`,
          received: c.fact,
        });
    });
  order("risk", risk, SCORE_FACTS);
  order("hardship", hardship, ["hardshipScore", "segment"]);
  if (issues.length > 0) throw new ArrearsError("INVALID_SCORECARD", issues, "scoring");
  return Object.freeze({ risk, hardship, segmentation });
}

let shipped: Scoring | undefined;

/**
 * The shipped cards, compiled once.
 *
 * @example
 * applyScores(defaultScoring(), facts);
 */
export function defaultScoring(): Scoring {
  return (shipped ??= loadScoring());
}

/** What {@link applyScores} returns. */
export interface AppliedScores {
  risk: ScoreResult;
  hardship: ScoreResult;
  segment: Segment;
}

/**
 * Scores a facts record with the risk card, then the hardship card, then segments it, writing
 * `riskScore`, `riskProbability`, `hardshipScore` and `segment` into `facts` (mutated in place,
 * so each stage sees the earlier ones) and returning both score results. Facts from
 * `deriveFacts` already hold the four keys (as null), which keeps the record's shape stable
 * and the writes cheap.
 *
 * @example
 * const facts = deriveFacts(account, { asOf });
 * const { risk, hardship, segment } = applyScores(defaultScoring(), facts);
 * facts.segment === segment; // true
 */
export function applyScores(scoring: Scoring, facts: Facts): AppliedScores {
  if (!scoring || !isScorecard(scoring.risk) || !isScorecard(scoring.hardship))
    throw new ArrearsError(
      "INVALID_INPUT",
      [{ path: [], message: "expected the result of loadScoring() or defaultScoring()" }],
      "applyScores",
    );
  const risk = score(scoring.risk, facts);
  facts.riskScore = risk.score;
  facts.riskProbability = risk.probability;
  const hardship = score(scoring.hardship, facts);
  facts.hardshipScore = hardship.score;
  const segment = segmentOf(scoring.segmentation, facts);
  facts.segment = segment;
  return { risk, hardship, segment };
}
