/** Scorecards from a lender's own outcomes: fit, evaluate, recalibrate, monitor. */
export {
  type CalibrateScorecardOptions,
  type CalibrationReport,
  type CalibrationResult,
  calibrateScorecard,
} from "./calibrate.js";
export { type EvaluateScorecardOptions, type EvaluationReport, evaluateScorecard } from "./evaluate.js";
export {
  type FitBin,
  type FitCharacteristic,
  type FitCharacteristicOptions,
  type FitReport,
  type FitResult,
  type FitScorecardOptions,
  fitScorecard,
} from "./fit.js";
export { formatCalibration, formatEvaluation, formatFit, formatStability, pct, table } from "./format.js";
export type { CalibrationRow, Performance } from "./metrics.js";
export type { FitRow } from "./rows.js";
export {
  type CharacteristicStability,
  type StabilityOptions,
  type StabilityReport,
  type StabilityRow,
  type StabilityStatus,
  scorecardStability,
} from "./stability.js";
