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
  parseOfferSpec,
} from "./build.js";
export { type DeferralPlan, planDeferral } from "./deferral.js";
export { type Installment, type InstallmentPlan, planInstallments } from "./installments.js";
export type {
  OfferSpec,
  PlanDeferralOptions,
  PlanInstallmentsOptions,
  SettlementOptions,
  WaiveFeesOptions,
} from "./schemas.js";
export { type SettlementOffer, settlementOffer } from "./settlement.js";
export { type FeeWaiver, waiveFees } from "./waive.js";
