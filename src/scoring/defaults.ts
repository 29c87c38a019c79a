import hardshipJson from "../../rules/scorecards/hardship.json";
import riskJson from "../../rules/scorecards/risk-behavioral.json";
import segmentsJson from "../../rules/scorecards/segments.json";
import { deepFreeze } from "../util/index.js";

/**
 * The shipped default risk scorecard (`rules/scorecards/risk-behavioral.json`), as JSON.
 * Higher score = more likely to pay; probability = P(not paying next month).
 *
 * @example
 * score(riskBehavioralScorecard, facts).probability;
 */
export const riskBehavioralScorecard: unknown = deepFreeze(riskJson);

/**
 * The shipped hardship scorecard (`rules/scorecards/hardship.json`), 0–100, higher = less able to pay.
 *
 * @example
 * score(hardshipScorecard, facts).score; // 0 … 100
 */
export const hardshipScorecard: unknown = deepFreeze(hardshipJson);

/**
 * The shipped can-pay / will-pay segmentation (`rules/scorecards/segments.json`).
 *
 * @example
 * segmentOf(defaultSegmentation, facts); // "self_cure"
 */
export const defaultSegmentation: unknown = deepFreeze(segmentsJson);
