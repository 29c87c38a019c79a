export {
  type AppliedScores,
  applyScores,
  defaultScoring,
  loadScoring,
  type Scoring,
} from "./apply.js";
export { defaultSegmentation, hardshipScorecard, riskBehavioralScorecard } from "./defaults.js";
export {
  CharacteristicSchema,
  type ScorecardInput,
  ScorecardSchema,
} from "./schema.js";
export { type ScoreResult, score, scoreToProbability } from "./score.js";
export { isScorecard, loadScorecard, type Scorecard } from "./scorecard.js";
export {
  explainSegment,
  loadSegmentation,
  SEGMENTS,
  type Segment,
  type Segmentation,
  SegmentationSchema,
  type SegmentExplanation,
  segmentOf,
} from "./segment.js";
export { runScorecardTests, runSegmentationTests } from "./selftest.js";
