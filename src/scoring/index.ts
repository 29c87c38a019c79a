export { ScorecardSchema, CharacteristicSchema, type ScorecardJson, type ScorecardInput, type ScorecardTest, type Characteristic } from "./schema.js";
export { loadScorecard, isScorecard, type Scorecard, type CompiledCharacteristic } from "./scorecard.js";
export { score, scoreToProbability, type ScoreResult } from "./score.js";
export {
  loadSegmentation,
  segmentOf,
  explainSegment,
  SegmentationSchema,
  SEGMENTS,
  SIGNAL_OPERATORS,
  type Segment,
  type Segmentation,
  type SegmentationJson,
  type SegmentExplanation,
} from "./segment.js";
export { loadScoring, defaultScoring, applyScores, type Scoring, type ScoringInput, type AppliedScores } from "./apply.js";
export { riskBehavioralScorecard, hardshipScorecard, defaultSegmentation } from "./defaults.js";
export { runScorecardTests, runSegmentationTests, type EmbeddedTestResult } from "./selftest.js";
