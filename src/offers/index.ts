/**
 * Hardship offers with exact money: installment plans, term extensions, reduced payments,
 * payment holidays and deferrals, fee waivers and freezes, settlements; affordability from an
 * income-and-expenditure summary or an income share; the arrangement to record once agreed.
 * Pure functions; every amount in and out is a decimal string, computed in integer minor units
 * (and exact decimals for rates and shares).
 */

export { type Affordability, type AffordabilityOptions, assessAffordability } from "./affordability.js";
export { type ArrangementInput, offerToArrangement } from "./arrangement.js";
export { type BuildOfferOptions, buildOffer, type Offer, parseOfferSpec } from "./build.js";
export type {
  AffordabilityReason,
  OfferAffordability,
  OfferEnvelope,
  OfferReason,
  OfferStatus,
  ScheduleLine,
} from "./context.js";
export { type DeferralPlan, type PaymentHolidayOffer, planDeferral } from "./deferral.js";
export { type Installment, type InstallmentPlan, planInstallments } from "./installments.js";
export type {
  InstallmentOffer,
  PlanNotMade,
  PlanOption,
  PlanSelection,
  ReducedPaymentOffer,
  TermExtensionOffer,
} from "./plans.js";
export type {
  OfferSpec,
  PlanDeferralOptions,
  PlanInstallmentsOptions,
  SettlementOptions,
  WaiveFeesOptions,
} from "./schemas.js";
export {
  type SettlementOffer,
  type SettlementOfferBuilt,
  type SettlementWording,
  settlementOffer,
} from "./settlement.js";
export { type FeeWaiver, type FeeWaiverOffer, waiveFees } from "./waive.js";
