/**
 * Payment arrangements tracked to the end (agreed plans against payments), re-aging as rule
 * data, and the small shared facts of forbearance (the contract installment, the active
 * hardship). Pure functions of the account and `asOf`.
 */
export { contractInstallmentAt } from "./contract.js";
export { type ActiveHardship, activeHardship } from "./hardship.js";
export {
  loadReageRules,
  REAGE_CHECKS,
  type ReageCheck,
  type ReageCheckResult,
  type ReageEligibility,
  type ReageEligibilityOptions,
  type ReageRules,
  type ReageRulesJson,
  ReageRulesSchema,
  reageEligibility,
  reageEligibilityParsed,
  resolveReageRules,
  shippedReageRules,
  testReageRules,
} from "./reage.js";
export {
  ARRANGEMENT_STATES,
  type ArrangementInstallment,
  type ArrangementInstallmentState,
  type ArrangementRecord,
  type ArrangementRules,
  ArrangementRulesSchema,
  type ArrangementState,
  type ArrangementStatusOptions,
  type ArrangementSummary,
  arrangementRulesOf,
  arrangementStatus,
  currentArrangement,
  DEFAULT_ARRANGEMENT_RULES,
  isLive,
  paidShareOf,
} from "./track.js";
