export {
  type BatchItem,
  type DecideManyOptions,
  type DecisionError,
  decideMany,
  decideManyAsync,
  isDecisionError,
  type PolicyLike,
} from "./batch.js";
export { type ComparePoliciesOptions, comparePolicies, type PolicyComparison, type TransitionCell } from "./compare.js";
export {
  assignVariant,
  type CompiledExperiment,
  type Experiment,
  ExperimentSchema,
  loadExperiment,
} from "./experiment.js";
export { formatMinorBig } from "./exposure.js";
export { hashToUnit, murmur3x86_32 } from "./hash.js";
export { decideWithExperiment, loadPolicySet, type PolicySet } from "./policy-set.js";
export {
  type BucketFlow,
  type PortfolioSnapshot,
  type RollRates,
  type RollRatesOptions,
  rollRates,
} from "./roll-rates.js";
export { type Exposure, type PortfolioSummary, type SummaryRow, summarizePortfolio } from "./summary.js";
