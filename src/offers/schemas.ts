import { z } from "zod";
import { AmountSchema, AsOfSchema, CurrencySchema, IsoDateSchema } from "../model/schema.js";
import { isAmountLike } from "../money/index.js";

/** Repayment frequencies of an installment plan. */
export const FREQUENCIES = ["monthly", "biweekly", "weekly"] as const;
export const FrequencySchema = z.enum(FREQUENCIES);
export type Frequency = z.infer<typeof FrequencySchema>;

/** Balance components a lender may waive in a hardship offer. */
export const WAIVABLE_COMPONENTS = ["penaltyInterest", "fees"] as const;
export const WaivableComponentSchema = z.enum(WAIVABLE_COMPONENTS);
export type WaivableComponent = z.infer<typeof WaivableComponentSchema>;

const nonNegDecimal = (v: unknown): boolean =>
  isAmountLike(v) && Number(v) >= 0 && !(typeof v === "string" && v.startsWith("-"));
const isShareValue = (v: unknown): boolean => nonNegDecimal(v) && Number(v) <= 1;

/** A share between 0 and 1 inclusive, as a decimal string (`"0.35"`) or number (`0.35`). */
export const ShareSchema = z.custom<string | number>((v) => isShareValue(v), {
  message: 'expected a share between 0 and 1 (decimal string like "0.35" or number)',
});

/** An annual nominal interest rate as a decimal fraction (`"0.1299"` = 12.99 % a year), 0 to 10. */
export const RateSchema = z.custom<string | number>((v) => nonNegDecimal(v) && Number(v) <= 10, {
  message: 'expected an annual rate as a decimal fraction between 0 and 10 ("0.1299" = 12.99 %)',
});

/** Installment counts a plan may have. */
export const CountSchema = z.number().int().min(1).max(360);

/** Options of `planInstallments`. */
export const PlanInstallmentsOptionsSchema = z.strictObject({
  /** Amount to repay before any waiver. */
  amount: AmountSchema,
  count: CountSchema,
  firstDueDate: IsoDateSchema,
  frequency: FrequencySchema.default("monthly"),
  /** Annual nominal rate charged on the plan; default "0" (no interest). */
  rate: RateSchema.optional(),
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

/** A settlement floor: a share of outstanding principal (`"0.5"`, `{share: "0.5"}`), or `{amount: "500.00"}`. */
export const FloorSchema = z.custom<string | number | { share: string | number } | { amount: string | number }>(
  (v) => {
    if (typeof v !== "object" || v === null) return isShareValue(v);
    const keys = Object.keys(v);
    if (keys.length !== 1) return false;
    if (keys[0] === "share") return isShareValue((v as { share: unknown }).share);
    return keys[0] === "amount" && AmountSchema.safeParse((v as { amount: unknown }).amount).success;
  },
  {
    message:
      'expected a share of outstanding principal between 0 and 1 ("0.5" or {share: "0.5"}) or {amount: "500.00"}',
  },
);
export type FloorInput = z.input<typeof FloorSchema>;

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

// ---------- offer specs (rule params) ----------

export const InstallmentsSpecSchema = z.strictObject({
  kind: z.literal("installments"),
  /** Candidate installment counts; the plan picks among them (see `buildOffer`). */
  counts: z.array(CountSchema).min(1).max(24),
  frequency: FrequencySchema.default("monthly"),
  waive: z.array(WaivableComponentSchema).default([]),
  maxIncomeShare: ShareSchema.optional(),
  /** Count `borrower.monthlyObligations` against the limit with the installment (debt-to-income). Default false. */
  includeObligations: z.boolean().default(false),
  /** Days from the evaluation date to the first installment. Default 7. */
  firstDueInDays: z.number().int().min(0).max(365).default(7),
  rate: RateSchema.optional(),
  /** What the plan repays: the whole outstanding balance (default) or only the arrears. */
  basis: z.enum(["outstanding", "overdue"]).default("outstanding"),
});

export const DeferralSpecSchema = z.strictObject({
  kind: z.literal("deferral"),
  months: z.number().int().min(1).max(60),
  interestRate: RateSchema.optional(),
});

export const SettlementSpecSchema = z.strictObject({
  kind: z.literal("settlement"),
  maxDiscount: ShareSchema,
  floor: FloorSchema,
  validForDays: z.number().int().min(0).max(365).default(30),
});

export const FeeWaiverSpecSchema = z.strictObject({
  kind: z.literal("fee_waiver"),
  components: z.array(WaivableComponentSchema).min(1),
});

/**
 * An offer spec as written in a policy rule's `params.offer` or an action's `offer`
 * (discriminated by `kind`; unknown fields rejected). See `buildOffer` for each kind.
 *
 * @example
 * OfferSpecSchema.parse({ kind: "settlement", maxDiscount: "0.4", floor: "0.5" });
 * // { kind: "settlement", maxDiscount: "0.4", floor: "0.5", validForDays: 30 }
 */
export const OfferSpecSchema = z.discriminatedUnion("kind", [
  InstallmentsSpecSchema,
  DeferralSpecSchema,
  SettlementSpecSchema,
  FeeWaiverSpecSchema,
]);
export type OfferSpec = z.input<typeof OfferSpecSchema>;
export type ParsedOfferSpec = z.infer<typeof OfferSpecSchema>;
