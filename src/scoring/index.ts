export {
  type AppliedScores,
  applyScores,
  defaultScoring,
  loadScoring,
  type Scoring,
  type ScoringInput,
} from "./apply.js";
export { defaultSegmentation, hardshipScorecard, riskBehavioralScorecard } from "./defaults.js";
export {
  type Characteristic,
  CharacteristicSchema,
  type ScorecardInput,
  type ScorecardJson,
  ScorecardSchema,
  type ScorecardTest,
} from "./schema.js";
export { type ScoreResult, score, scoreToProbability } from "./score.js";
export { type CompiledCharacteristic, isScorecard, loadScorecard, type Scorecard } from "./scorecard.js";
export {
  explainSegment,
  loadSegmentation,
  SEGMENTS,
  type Segment,
  type Segmentation,
  type SegmentationJson,
  SegmentationSchema,
  type SegmentExplanation,
  SIGNAL_OPERATORS,
  segmentOf,
} from "./segment.js";
export { runScorecardTests, runSegmentationTests } from "./selftest.js";
