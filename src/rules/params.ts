import * as z from "zod";
import { AmountSchema } from "../model/index.js";
import { isAmountLike } from "../money/index.js";

/**
 * The vocabulary of action params in the policy language: the offer specs a rule's
 * `params.offer` (or an action's `offer`) may give. Validated when a policy is loaded; the
 * offers layer builds them (`buildOffer`).
 */

/** Repayment frequencies of an installment plan. */
export const FREQUENCIES = ["monthly", "biweekly", "weekly"] as const;
export const FrequencySchema = z.enum(FREQUENCIES);
export type Frequency = z.infer<typeof FrequencySchema>;

/** Offer kinds a spec may ask for. */
export const OFFER_KINDS = [
  "installments",
  "term_extension",
  "reduced_payment",
  "payment_holiday",
  "deferral",
  "fee_waiver",
  "settlement",
] as const;

/** Balance components a lender may waive in a hardship offer. */
export const WAIVABLE_COMPONENTS = ["penaltyInterest", "fees"] as const;
export const WaivableComponentSchema = z.enum(WAIVABLE_COMPONENTS);
export type WaivableComponent = z.infer<typeof WaivableComponentSchema>;

/**
 * Charges a lender may freeze during a hardship offer (no new interest, penalty interest or fees
 * while it runs). The offer states the freeze; the lender's system applies it.
 */
export const FREEZABLE_COMPONENTS = ["interest", "penaltyInterest", "fees"] as const;
export const FreezableComponentSchema = z.enum(FREEZABLE_COMPONENTS);
export type FreezableComponent = z.infer<typeof FreezableComponentSchema>;

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

/**
 * How a spec measures affordability (every kind with payments). The **disposable** amount is
 * what the borrower can put toward this debt each month:
 * - with an income-and-expenditure summary on the account (`borrower.incomeAndExpenditure`,
 *   completed on or before the evaluation date and at most `incomeExpenditureMaxAgeDays` old, and
 *   `useIncomeExpenditure` not false): income − essential expenditure − other debt repayments,
 *   times `surplusShare` (basis `income_expenditure`; a deficit budget gives a negative amount);
 * - else, with `borrower.monthlyIncome` and `maxIncomeShare`: income × maxIncomeShare, minus
 *   `borrower.monthlyObligations` unless `includeObligations` is false (basis `income_share`);
 * - else unknown (basis `unknown`): `ifIncomeUnknown` says whether to offer anyway (the offer
 *   then says `affordable: null`, never `true`) or to ask for a review.
 */
const AffordabilityFields = {
  /** Largest share of monthly income a payment (plus other obligations) may take, e.g. 0.35. */
  maxIncomeShare: ShareSchema.optional(),
  /** Subtract `borrower.monthlyObligations` on the income-share basis. Default true. */
  includeObligations: z.boolean().default(true),
  /** Use the account's income-and-expenditure summary when there is a recent one. Default true. */
  useIncomeExpenditure: z.boolean().default(true),
  /** An income-and-expenditure summary older than this (days) is not used. Default 365. */
  incomeExpenditureMaxAgeDays: z.number().int().min(0).max(3650).default(365),
  /** Share of the I&E surplus a payment may take. Default 1 (the whole surplus). */
  surplusShare: ShareSchema.default(1),
  /** Without any income information: `offer` (default) anyway, flagged unknown, or ask for a `review`. */
  ifIncomeUnknown: z.enum(["offer", "review"]).default("offer"),
  /**
   * The contract installment of an account without dues (a snapshot account). Ignored when the
   * account has dues: there it is the most recent due on or before the evaluation date (else the
   * next one), as the `monthlyDue` fact.
   */
  contractInstallment: AmountSchema.optional(),
};

/**
 * While the borrower is in hardship (an active `borrower.hardship` report), no payment an offer
 * sets may exceed the contract installment, unless `allowAboveContractInstallment` and the
 * payment is affordable (affordability known and met). `capAtContractInstallment: "always"`
 * applies the cap outside hardship too.
 */
const CapFields = {
  capAtContractInstallment: z.enum(["in_hardship", "always"]).default("in_hardship"),
  allowAboveContractInstallment: z.boolean().default(false),
};

/**
 * When the first payment falls: `firstDueInDays` after the evaluation date (`firstDueOn:
 * "in_days"`, default), or on the account's next contract due date at least that many days away
 * (`"next_due_date"`: the contract's monthly cadence continued from its dues; `in_days` for an
 * account without dues).
 */
const FirstDueFields = {
  firstDueInDays: z.number().int().min(0).max(365).default(7),
  firstDueOn: z.enum(["in_days", "next_due_date"]).default("in_days"),
};

/**
 * Waivers and freezes. `waive` forgives the account's penalty interest and/or fees (from
 * `balance`): `waiveWhen: "now"` (default) or `"on_completion"` (conditional: final only if the
 * plan is kept; the amount is still left out of the plan). `freeze` stops new interest, penalty
 * interest or fees while the offer runs (stated in the offer; applied by the lender's system).
 */
const WaiveFields = {
  waive: z.array(WaivableComponentSchema).default([]),
  waiveWhen: z.enum(["now", "on_completion"]).default("now"),
  freeze: z.array(FreezableComponentSchema).default([]),
};

const InstallmentsSpecSchema = z.strictObject({
  kind: z.literal("installments"),
  /** Candidate installment counts; the plan picks among them (see `buildOffer`). */
  counts: z.array(CountSchema).min(1).max(24),
  frequency: FrequencySchema.default("monthly"),
  rate: RateSchema.optional(),
  /** What the plan repays: the whole outstanding balance (default) or only the arrears. */
  basis: z.enum(["outstanding", "overdue"]).default("outstanding"),
  /**
   * Equal installments to the minor unit: `down` (default) rounds them down and the last one
   * takes the remainder (333.33, 333.33, 333.34); `up` rounds them up and the last is smaller
   * (1,666.67 × 11 + 1,666.63), so the regular installment is the largest.
   */
  rounding: z.enum(["down", "up"]).default("down"),
  ...AffordabilityFields,
  ...CapFields,
  ...FirstDueFields,
  ...WaiveFields,
});

const TermExtensionSpecSchema = z.strictObject({
  kind: z.literal("term_extension"),
  /** Candidate extensions in months; the shortest that makes the payment fit is chosen. */
  extendByMonths: z.array(z.number().int().min(1).max(360)).min(1).max(24),
  /** The new remaining term may not exceed this many months (e.g. 60). */
  maxTermMonths: z.number().int().min(1).max(600).optional(),
  rounding: z.enum(["down", "up"]).default("down"),
  ...AffordabilityFields,
  ...CapFields,
  ...FirstDueFields,
  ...WaiveFields,
});

const ReducedPaymentSpecSchema = z.strictObject({
  kind: z.literal("reduced_payment"),
  /**
   * `repay` (default): the reduced payment every month until the amount is repaid (a term
   * extension), at most `maxMonths` payments. `open`: `reviewAfterMonths` payments, then a
   * review (UK-style arrangement with an open term; the offer estimates the months to repay).
   */
  term: z.enum(["repay", "open"]).default("repay"),
  reviewAfterMonths: z.number().int().min(1).max(60).default(6),
  maxMonths: z.number().int().min(1).max(600).default(60),
  basis: z.enum(["outstanding", "overdue"]).default("outstanding"),
  /** Round the payment down to a multiple of this amount (e.g. "1.00" for whole units). */
  roundDownTo: AmountSchema.optional(),
  /** A payment below this is not offered (the decision routes to review instead). */
  minPayment: AmountSchema.optional(),
  ...AffordabilityFields,
  ...FirstDueFields,
  ...WaiveFields,
});

/** Token payment during a holiday: an amount, or a share of the contract installment. */
const TokenSchema = z.union([AmountSchema, z.strictObject({ share: ShareSchema })]);

const HolidayFields = {
  /** Months with no payments due (besides token payments). */
  months: z.number().int().min(1).max(24),
  /**
   * When the active hardship report gives an `until` date: the months needed for the holiday
   * to outlast it, at least 1 and at most `max` (else `months`).
   */
  monthsFromHardship: z.strictObject({ max: z.number().int().min(1).max(24) }).optional(),
  /** Annual rate of simple interest on principal over the holiday, capitalised at the end (unless interest is frozen). */
  interestRate: RateSchema.optional(),
  /** Days before the resume date to review the borrower's situation. Default 15. */
  reviewDaysBeforeResume: z.number().int().min(0).max(90).default(15),
};

const PaymentHolidaySpecSchema = z.strictObject({
  kind: z.literal("payment_holiday"),
  ...HolidayFields,
  /** Optional token payment on each holiday month's date (never a condition of the holiday). */
  tokenPayment: TokenSchema.optional(),
  ...AffordabilityFields,
  ...WaiveFields,
});

const DeferralSpecSchema = z.strictObject({
  kind: z.literal("deferral"),
  ...HolidayFields,
  months: z.number().int().min(1).max(60),
  ...AffordabilityFields,
  ...WaiveFields,
});

const SettlementSpecSchema = z.strictObject({
  kind: z.literal("settlement"),
  maxDiscount: ShareSchema,
  floor: FloorSchema,
  validForDays: z.number().int().min(0).max(365).default(30),
  /**
   * `proactive` (default): the lender offers it. `on_request`: only in answer to the borrower's
   * own request (UK CONC 7.3.10R: never press for a lump sum); the offer then carries wording
   * flags for a reply with no deadline pressure.
   */
  approach: z.enum(["proactive", "on_request"]).default("proactive"),
});

const FeeWaiverSpecSchema = z
  .strictObject({
    kind: z.literal("fee_waiver"),
    /** Components waived in full now. */
    components: z.array(WaivableComponentSchema).default([]),
    /** Charges frozen for `freezeMonths` months (an interest or fee freeze). */
    freeze: z.array(FreezableComponentSchema).default([]),
    freezeMonths: z.number().int().min(1).max(24).default(3),
  })
  .refine((s) => s.components.length + s.freeze.length > 0, {
    message: "expected at least one component to waive or to freeze",
    path: ["components"],
  });

/**
 * An offer spec as written in a policy rule's `params.offer` or an action's `offer`
 * (discriminated by `kind`; unknown fields rejected; validated when the policy is loaded).
 *
 * **Choosing by hardship kind and expected duration is the policy's job**: write one rule per
 * treatment with conditions on `hardshipKind`, `hardshipDaysRemaining`, `dpd`, `segment`,
 * `disposableIncome`…, each with one spec. The trace then names the rule that chose the offer,
 * and each action keeps its own template and channel. The offer engine enforces what must hold
 * whatever the rule: affordability, the contract-installment cap in hardship, and review
 * instead of an unaffordable offer (`status: "unaffordable"`, `reviewRequired: true`, no
 * schedule).
 *
 * One example per kind:
 * ```json
 * {"kind": "installments", "counts": [3, 6, 12], "maxIncomeShare": 0.35, "waive": ["penaltyInterest", "fees"],
 *  "waiveWhen": "on_completion", "rounding": "up", "firstDueOn": "next_due_date"}
 * {"kind": "term_extension", "extendByMonths": [6, 12, 24], "maxTermMonths": 60, "maxIncomeShare": 0.35}
 * {"kind": "reduced_payment", "term": "open", "reviewAfterMonths": 6, "freeze": ["interest", "fees"],
 *  "firstDueOn": "next_due_date", "roundDownTo": "1.00"}
 * {"kind": "payment_holiday", "months": 3, "monthsFromHardship": {"max": 6}, "waive": ["penaltyInterest", "fees"],
 *  "freeze": ["interest"], "tokenPayment": {"share": "0.1"}}
 * {"kind": "deferral", "months": 3, "waive": ["penaltyInterest", "fees"]}
 * {"kind": "fee_waiver", "components": ["penaltyInterest", "fees"], "freeze": ["interest"], "freezeMonths": 6}
 * {"kind": "settlement", "maxDiscount": 0.3, "floor": {"share": 0.6}, "validForDays": 30, "approach": "on_request"}
 * ```
 *
 * @example
 * OfferSpecSchema.parse({ kind: "settlement", maxDiscount: "0.4", floor: "0.5" });
 * // { kind: "settlement", maxDiscount: "0.4", floor: "0.5", validForDays: 30, approach: "proactive" }
 */
export const OfferSpecSchema = z.discriminatedUnion("kind", [
  InstallmentsSpecSchema,
  TermExtensionSpecSchema,
  ReducedPaymentSpecSchema,
  PaymentHolidaySpecSchema,
  DeferralSpecSchema,
  SettlementSpecSchema,
  FeeWaiverSpecSchema,
]);
/** Deeply readonly: a mutable value fits, and so does an `as const` literal. */
type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
/** An offer spec as written (defaults omitted); `as const` literals fit. */
export type OfferSpec = DeepReadonly<z.input<typeof OfferSpecSchema>>;
export type ParsedOfferSpec = z.infer<typeof OfferSpecSchema>;
