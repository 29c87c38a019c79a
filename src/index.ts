/**
 * arrears: pure, explainable collections decisioning. Every function is a pure function of its
 * inputs and an explicit `asOf`. This entry holds what an integrator uses; the zod schemas and
 * enumerations are in `arrears/schemas`, the testing kit in `arrears/testing`.
 */

// Arrangements (agreed plans tracked against payments) and re-aging
export {
  type ArrangementStatusOptions,
  type ArrangementSummary,
  arrangementStatus,
  loadReageRules,
  type ReageEligibility,
  type ReageEligibilityOptions,
  type ReageRules,
  reageEligibility,
} from "./arrangements/index.js";
// Contacts
export {
  type ContactSummary,
  type ContactSummaryOptions,
  type PromiseRecord,
  type PromiseState,
  type PromiseStatusOptions,
  type PromiseSummary,
  promiseStatus,
  summarizeContacts,
  type UnreachableOptions,
  type WindowCounts,
} from "./contacts/index.js";
// Decisions
export {
  type BlockedAction,
  type Catalogue,
  type ContactRequirement,
  type ContactTimePrior,
  checkPolicy,
  type DecidedAction,
  type DecideOptions,
  type Decision,
  type DecisionHold,
  decide,
  isPolicyRouter,
  type LimitationStatus,
  type LoadPolicyOptions,
  loadPolicy,
  type NotApplicable,
  type NotApplicableCode,
  type PolicyRouter,
  type RuleFileKind,
  routePolicies,
  shippedRuleFile,
  shippedRuleFiles,
  type TraceEntry,
} from "./decision/index.js";
// Delinquency
export {
  type BucketResult,
  type BucketScheme,
  type BucketSchemeJson,
  bucketFor,
  type Delinquency,
  type DelinquencyOptions,
  deriveDelinquency,
  loadBucketScheme,
} from "./delinquency/index.js";
// Errors
export { ArrearsError, type ArrearsErrorCode, type ArrearsIssue, type SafeResult } from "./errors/index.js";
// Facts
export {
  deriveFacts,
  FACTS,
  type FactDefinition,
  type Facts,
  type FactsOptions,
  type FactType,
} from "./facts/index.js";
// Fitting: scorecards from the lender's own outcomes, recalibration, monitoring
export {
  type CalibrateScorecardOptions,
  type CalibrationReport,
  type CalibrationResult,
  type CalibrationRow,
  type CharacteristicStability,
  calibrateScorecard,
  type EvaluateScorecardOptions,
  type EvaluationReport,
  evaluateScorecard,
  type FitBin,
  type FitCharacteristic,
  type FitCharacteristicOptions,
  type FitReport,
  type FitResult,
  type FitRow,
  type FitScorecardOptions,
  fitScorecard,
  type Performance,
  type StabilityOptions,
  type StabilityReport,
  type StabilityRow,
  type StabilityStatus,
  scorecardStability,
} from "./fitting/index.js";
// Guardrails
export {
  type CheckContactOptions,
  type ContactCheckReason,
  type ContactCheckResult,
  checkContact,
  type GuardrailProfile,
  type GuardrailProfileInput,
  loadGuardrailProfile,
} from "./guardrails/index.js";
export type { BorrowerStatus, HoldLifecycle } from "./holds/index.js";
// Messages
export {
  formatDate,
  type LenderDetails,
  loadTemplate,
  type MessageDecision,
  type MessageTemplate,
  type MessageTemplateJson,
  type RenderedMessage,
  type RenderOptions,
  renderMessage,
  type TemplateParam,
} from "./messages/index.js";
// Accounts
export {
  type Account,
  type AccountEvent,
  type AccountInput,
  type AccountWarning,
  type AmountsByComponent,
  type Arrangement,
  type Channel,
  type Contact,
  type ContactOutcome,
  type ContactPurpose,
  type EventType,
  type LenientParseResult,
  type ParseAccountOptions,
  parseAccount,
  safeParseAccount,
} from "./model/index.js";
// Money (exact decimal strings; the calculator's internals stay private)
export {
  type AmountInput,
  addAmounts,
  compareAmounts,
  formatMoney,
  fromMinorUnits,
  isKnownCurrency,
  minorDigits,
  roundAmount,
  subtractAmounts,
  toMinorUnits,
} from "./money/index.js";
// Offers
export {
  type Affordability,
  type AffordabilityOptions,
  type ArrangementInput,
  assessAffordability,
  type BuildOfferOptions,
  buildOffer,
  type DeferralPlan,
  type FeeWaiver,
  type Installment,
  type InstallmentOffer,
  type InstallmentPlan,
  type Offer,
  type OfferSpec,
  offerToArrangement,
  type PlanDeferralOptions,
  type PlanInstallmentsOptions,
  planDeferral,
  planInstallments,
  type SettlementOffer,
  type SettlementOptions,
  settlementOffer,
  type WaiveFeesOptions,
  waiveFees,
} from "./offers/index.js";
// Portfolio
export {
  type AmountComparison,
  assignVariant,
  type BatchItem,
  type ComparePoliciesOptions,
  comparePolicies,
  type DecideManyOptions,
  type DecisionError,
  decideMany,
  decideManyAsync,
  decideWithExperiment,
  type Experiment,
  type ExperimentOutcome,
  type ExperimentResults,
  type ExperimentResultsOptions,
  experimentResults,
  formatReport,
  isDecisionError,
  loadExperiment,
  loadPolicySet,
  type PolicyComparison,
  type PolicySet,
  type PortfolioSummary,
  type RateComparison,
  type Report,
  type RollRates,
  type RollRatesOptions,
  rollRates,
  type SampleSize,
  type SampleSizeOptions,
  sampleSizeForLift,
  summarizePortfolio,
  type VariantComparison,
  type VariantResult,
} from "./portfolio/index.js";
// Rules (the policy language)
export {
  type CheckPolicyOptions,
  type ConditionEngine,
  DOMAIN_OPERATORS,
  type EvaluatePolicyOptions,
  evaluatePolicy,
  type Policy,
  type PolicyEvaluation,
  type PolicyEvent,
  type PolicyFile,
  type PolicyFinding,
  type PolicyFindingCode,
  type PolicyFindingSeverity,
  type PolicyRule,
  type RuleOperator,
} from "./rules/index.js";
// Scoring
export {
  type AppliedScores,
  applyScores,
  explainSegment,
  loadScorecard,
  loadScoring,
  loadSegmentation,
  type Scorecard,
  type ScorecardInput,
  type ScoreResult,
  type Scoring,
  type Segment,
  type Segmentation,
  type SegmentExplanation,
  score,
} from "./scoring/index.js";
