export { murmur3x86_32, hashToUnit } from "./hash.js";
export { ExperimentSchema, loadExperiment, assignVariant, type Experiment, type CompiledExperiment } from "./experiment.js";
export { summarizePortfolio, type PortfolioSummary, type SummaryRow, type Exposure } from "./summary.js";
export { rollRates, type PortfolioSnapshot, type RollRatesOptions, type RollRates, type BucketFlow } from "./roll-rates.js";
export { formatMinorBig } from "./exposure.js";
// decideMany, decideWithExperiment and comparePolicies are re-exported once src/policy/decide.ts lands.
