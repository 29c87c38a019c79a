export { murmur3x86_32, hashToUnit } from "./hash.js";
export { ExperimentSchema, loadExperiment, assignVariant, type Experiment, type CompiledExperiment } from "./experiment.js";
export { loadPolicySet, decideWithExperiment, type PolicySet } from "./policy-set.js";
export { decideMany, decideManyAsync, isDecisionError, type BatchItem, type DecisionError, type DecideManyOptions, type PolicyLike } from "./batch.js";
export { summarizePortfolio, type PortfolioSummary, type SummaryRow, type Exposure } from "./summary.js";
export { comparePolicies, type ComparePoliciesOptions, type PolicyComparison, type TransitionCell } from "./compare.js";
export { rollRates, type PortfolioSnapshot, type RollRatesOptions, type RollRates, type BucketFlow } from "./roll-rates.js";
export { formatMinorBig } from "./exposure.js";
