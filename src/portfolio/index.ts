export {
  type BatchItem,
  type DecideManyOptions,
  type DecisionError,
  decideMany,
  decideManyAsync,
  isDecisionError,
} from "./batch.js";
export { type ComparePoliciesOptions, comparePolicies, type PolicyComparison } from "./compare.js";
export {
  assignVariant,
  type Experiment,
  ExperimentSchema,
  loadExperiment,
} from "./experiment.js";
export { decideWithExperiment, loadPolicySet, type PolicySet } from "./policy-set.js";
export { formatReport, type Report } from "./report.js";
export {
  type AmountComparison,
  type ExperimentOutcome,
  type ExperimentResults,
  type ExperimentResultsOptions,
  experimentResults,
  type RateComparison,
  type SampleSize,
  type SampleSizeOptions,
  sampleSizeForLift,
  type VariantComparison,
  type VariantResult,
} from "./results.js";
export {
  type RollRates,
  type RollRatesOptions,
  rollRates,
} from "./roll-rates.js";
export { type PortfolioSummary, summarizePortfolio } from "./summary.js";
