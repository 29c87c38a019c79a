/**
 * Hardship offers with exact money: installment plans, deferrals, settlements and fee waivers.
 * Pure functions; every amount in and out is a decimal string, computed in integer minor units
 * (and exact decimals for rates and shares).
 */

export { type Affordability, type AffordabilityOptions, assessAffordability } from "./affordability.js";
export {
  type BuildOfferOptions,
  buildOffer,
  type InstallmentOffer,
  type Offer,
  type PlanSelection,
  parseOfferSpec,
} from "./build.js";
export { type DeferralPlan, type DeferredDue, planDeferral } from "./deferral.js";
export { type Installment, type InstallmentPlan, planInstallments } from "./installments.js";
export {
  type FloorInput,
  FREQUENCIES,
  type Frequency,
  type OfferSpec,
  OfferSpecSchema,
  type ParsedOfferSpec,
  type PlanDeferralOptions,
  type PlanInstallmentsOptions,
  type SettlementOptions,
  WAIVABLE_COMPONENTS,
  type WaivableComponent,
  type WaiveFeesOptions,
} from "./schemas.js";
export { type SettlementLine, type SettlementOffer, settlementOffer } from "./settlement.js";
export { type FeeWaiver, waiveFees } from "./waive.js";
