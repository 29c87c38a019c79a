import * as z from "zod";
import { AmountSchema, AsOfSchema, CurrencySchema, IsoDateSchema } from "../model/index.js";
import {
  CountSchema,
  FloorSchema,
  FrequencySchema,
  RateSchema,
  ShareSchema,
  WaivableComponentSchema,
} from "../rules/params.js";

export {
  type FreezableComponent,
  type Frequency,
  FrequencySchema,
  type OfferSpec,
  OfferSpecSchema,
  type ParsedOfferSpec,
  ShareSchema,
  type WaivableComponent,
} from "../rules/params.js";

/** Options of `planInstallments`. */
export const PlanInstallmentsOptionsSchema = z.strictObject({
  /** Amount to repay before any waiver. */
  amount: AmountSchema,
  count: CountSchema,
  firstDueDate: IsoDateSchema,
  frequency: FrequencySchema.default("monthly"),
  /** Annual nominal rate charged on the plan; default "0" (no interest). */
  rate: RateSchema.optional(),
  /** Without interest: round installments `down` (last larger, default) or `up` (last smaller). */
  rounding: z.enum(["down", "up"]).default("down"),
  /** Penalty interest and fees forgiven out of `amount` (e.g. from `waiveFees`). */
  waive: z.strictObject({ penaltyInterest: AmountSchema.optional(), fees: AmountSchema.optional() }).optional(),
  currency: CurrencySchema,
  /** Borrower's monthly income, for the affordability check. */
  monthlyIncome: AmountSchema.optional(),
  /** Largest share of monthly income an installment may take (e.g. 0.35). */
  maxIncomeShare: ShareSchema.optional(),
  /** Other monthly debt service; when given, installment + obligations must fit the share. */
  monthlyObligations: AmountSchema.optional(),
});
export type PlanInstallmentsOptions = z.input<typeof PlanInstallmentsOptionsSchema>;

/** Options of `planDeferral`. */
export const PlanDeferralOptionsSchema = z.strictObject({
  account: z.unknown(),
  months: z.number().int().min(1).max(60),
  /** Evaluation date (ISO date, or instant with offset: the borrower's local date is used). */
  asOf: AsOfSchema,
  /** Annual nominal rate charged on the principal during the deferral; default "0". */
  interestRate: RateSchema.optional(),
});
export type PlanDeferralOptions = z.input<typeof PlanDeferralOptionsSchema>;

/** Options of `settlementOffer`. */
export const SettlementOptionsSchema = z.strictObject({
  account: z.unknown(),
  /** Largest discount as a share of the outstanding balance (e.g. "0.4"). */
  maxDiscount: ShareSchema,
  /** Lowest acceptable payoff: a share of outstanding principal ("0.5") or `{amount}`. */
  floor: FloorSchema,
  asOf: AsOfSchema.optional(),
  /** Days the offer stays open after `asOf` (validUntil = asOf + validForDays). Default 30. */
  validForDays: z.number().int().min(0).max(365).default(30),
});
export type SettlementOptions = z.input<typeof SettlementOptionsSchema>;

/** Options of `waiveFees`. */
export const WaiveFeesOptionsSchema = z.strictObject({
  account: z.unknown(),
  components: z.array(WaivableComponentSchema).min(1),
});
export type WaiveFeesOptions = z.input<typeof WaiveFeesOptionsSchema>;
