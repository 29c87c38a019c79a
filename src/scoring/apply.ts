import { ArrearsError, type ArrearsIssue, ownField, readInput } from "../errors/index.js";
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
  if (typeof input !== "object" || input === null)
    throw new ArrearsError(
      "INVALID_SCORECARD",
      [{ path: [], message: "expected {risk?, hardship?, segmentation?}", received: input }],
      "scoring",
    );
  const prefixed = <T>(key: string, load: () => T): T => {
    try {
      return readInput("INVALID_SCORECARD", key, load);
    } catch (e) {
      const a = e as ArrearsError; // readInput throws ArrearsErrors only
      throw new ArrearsError(
        a.code,
        a.issues.map((i, n) => {
          const out: ArrearsIssue = { path: [key, ...i.path], message: i.message };
          // The raw value, not the preview: the new error previews it for the new path.
          if ("received" in i) out.received = a.receivedValue(n);
          return out;
        }),
        key,
      );
    }
  };
  // Each card read once (a getter could answer differently the second time).
  const json = (key: keyof ScoringInput): unknown =>
    readInput("INVALID_SCORECARD", "scoring", () => (input as ScoringInput)[key]);
  const riskJson = json("risk");
  const hardshipJson = json("hardship");
  const segmentationJson = json("segmentation");
  const risk = prefixed("risk", () => loadScorecard(riskJson ?? riskBehavioralScorecard));
  const hardship = prefixed("hardship", () => loadScorecard(hardshipJson ?? hardshipScorecard));
  const segmentation = prefixed("segmentation", () => loadSegmentation(segmentationJson ?? defaultSegmentation));
  const issues: ArrearsIssue[] = [];
  const order = (key: string, card: Scorecard, forbidden: readonly string[]) =>
    card.characteristics.forEach((c, i) => {
      if (card.ownFacts.includes(c.fact))
        issues.push({
          path: [key, "characteristics", i, "fact"],
          message: `"${c.fact}" is one of the card's ownFacts: deriveFacts does not compute it, so the card cannot run in decide (score it with score(card, facts) where you supply the fact)`,
          received: c.fact,
        });
      else if (forbidden.includes(c.fact))
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

function isExtensibleObject(value: unknown): value is object {
  try {
    return typeof value === "object" && value !== null && Object.isExtensible(value);
  } catch {
    return false; // a revoked proxy
  }
}

/** What {@link applyScores} returns. */
export interface AppliedScores {
  risk: ScoreResult;
  hardship: ScoreResult;
  segment: Segment;
}

const SCORE_KEYS = ["riskScore", "riskProbability", "hardshipScore", "segment"] as const;

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
  // Its fields are read once, as data (no getter runs): what is checked is what is used.
  const risk = ownField(scoring, "risk");
  const hardship = ownField(scoring, "hardship");
  const segmentation = ownField(scoring, "segmentation");
  if (!isScorecard(risk) || !isScorecard(hardship))
    throw new ArrearsError(
      "INVALID_INPUT",
      [{ path: [], message: "expected the result of loadScoring() or defaultScoring()" }],
      "applyScores",
    );
  if (!isExtensibleObject(facts))
    throw new ArrearsError(
      "INVALID_INPUT",
      [{ path: ["facts"], message: "expected a writable facts record (from deriveFacts)", received: facts }],
      "applyScores",
    );
  return readInput("INVALID_INPUT", "applyScores", () => {
    // Each key written must be writable data (or absent from an extensible record).
    for (const k of SCORE_KEYS) {
      const d = Object.getOwnPropertyDescriptor(facts, k);
      if (d !== undefined && !(d.writable === true && "value" in d))
        throw new ArrearsError(
          "INVALID_INPUT",
          [
            {
              path: ["facts", k],
              message: "expected a writable fact (a data property), not a getter or a read-only field",
            },
          ],
          "applyScores",
        );
    }
    return scoreInto(risk, hardship, segmentation, facts);
  });
}

function scoreInto(risk: Scorecard, hardship: Scorecard, segmentation: unknown, facts: Facts): AppliedScores {
  const r = score(risk, facts);
  facts.riskScore = r.score;
  facts.riskProbability = r.probability;
  const h = score(hardship, facts);
  facts.hardshipScore = h.score;
  const segment = segmentOf(segmentation, facts);
  facts.segment = segment;
  return { risk: r, hardship: h, segment };
}

/**
 * {@link applyScores} for `decide`: a loaded scoring (from a resolved policy) and the facts record
 * deriveFacts just built, so neither needs the checks a caller's arguments get (four property
 * descriptors per call). @internal
 */
export function applyScoresTrusted(scoring: Scoring, facts: Facts): AppliedScores {
  return scoreInto(scoring.risk, scoring.hardship, scoring.segmentation, facts);
}
