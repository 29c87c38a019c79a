import { z } from "zod";
import { AmountSchema } from "../model/index.js";
import { isAmountLike } from "../money/index.js";

/**
 * The vocabulary of action params in the policy language: the offer specs a rule's
 * `params.offer` (or an action's `offer`) may give. Validated when a policy is loaded; the
 * offers layer builds them.
 */

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

// ---------- offer specs (rule params) ----------

const InstallmentsSpecSchema = z.strictObject({
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

const DeferralSpecSchema = z.strictObject({
  kind: z.literal("deferral"),
  months: z.number().int().min(1).max(60),
  interestRate: RateSchema.optional(),
});

const SettlementSpecSchema = z.strictObject({
  kind: z.literal("settlement"),
  maxDiscount: ShareSchema,
  floor: FloorSchema,
  validForDays: z.number().int().min(0).max(365).default(30),
});

const FeeWaiverSpecSchema = z.strictObject({
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
