/**
 * Hardship offers with exact money: instalment plans, deferrals, settlements and fee waivers.
 * Pure functions; every amount in and out is a decimal string, computed in integer minor units
 * (and exact decimals for rates and shares).
 */
export { planInstallments, type InstallmentPlan, type Instalment } from "./installments.js";
export { planDeferral, type DeferralPlan, type DeferredDue } from "./deferral.js";
export { settlementOffer, type SettlementOffer, type SettlementLine } from "./settlement.js";
export { waiveFees, type FeeWaiver, type BalanceAmounts } from "./waive.js";
export { assessAffordability, type Affordability, type AffordabilityOptions } from "./affordability.js";
export { buildOffer, parseOfferSpec, type Offer, type InstallmentOffer, type PlanSelection, type BuildOfferOptions } from "./build.js";
export {
  OfferSpecSchema,
  FREQUENCIES,
  WAIVABLE_COMPONENTS,
  type Frequency,
  type WaivableComponent,
  type OfferSpec,
  type ParsedOfferSpec,
  type PlanInstallmentsOptions,
  type PlanDeferralOptions,
  type SettlementOptions,
  type WaiveFeesOptions,
  type FloorInput,
} from "./schemas.js";
