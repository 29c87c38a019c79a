import * as z from "zod";
import { AmountSchema, CurrencySchema } from "../model/schema.js";
import { type AmountInput, Dec } from "../money/index.js";
import { amt, minor, parseWith, shareString } from "./internal.js";
import { type Frequency, FrequencySchema, ShareSchema } from "./schemas.js";

/** Result of {@link assessAffordability}. */
export interface Affordability {
  /** The installment converted to a monthly amount (weekly × 52 ÷ 12, biweekly × 26 ÷ 12). */
  monthlyEquivalent: string;
  /**
   * (monthlyEquivalent + monthlyObligations) ÷ monthlyIncome, 4 decimals; obligations count only
   * when given. Null when income is unknown or zero.
   */
  incomeShare: string | null;
  /** Whether monthlyEquivalent + monthlyObligations ≤ monthlyIncome × maxIncomeShare; null when income or share is unknown. */
  affordable: boolean | null;
}

const PERIODS_PER_YEAR: Record<Frequency, number> = { monthly: 12, biweekly: 26, weekly: 52 };

/** @internal periods per year of a frequency (12, 26, 52). */
export function periodsPerYear(f: Frequency): number {
  return PERIODS_PER_YEAR[f];
}

/** @internal income and limit of one borrower, prepared once per offer. */
export interface AffordabilityContext {
  income: number | null;
  maxShare: Dec | null;
  /** Other monthly debt service counted against the limit (0 unless asked for). */
  obligations: number;
  /** floor(12 × maxShare × income): the limit on twelve monthly equivalents, an integer. */
  limit12: number | null;
}

/** @internal */
export function affordabilityContext(
  income: number | null,
  maxShare: Dec | null,
  obligations = 0,
): AffordabilityContext {
  const limit12 = income === null || maxShare === null ? null : maxShare.times(income).times(12).floor().toNumber();
  return { income, maxShare, obligations, limit12 };
}

const SAFE = Number.MAX_SAFE_INTEGER;

function share4(units: number): string {
  return `${Math.floor(units / 10000)}.${String(units % 10000).padStart(4, "0")}`;
}

/**
 * @internal affordability on minor units, for the plan builders (no validation). Integer
 * arithmetic on `installment × periodsPerYear` (twelve monthly equivalents), exact; falls back
 * to decimals for amounts too large for safe integers.
 */
export function affordabilityMinor(
  installment: number,
  frequency: Frequency,
  ctx: AffordabilityContext,
  currency: string,
): Affordability {
  const k = PERIODS_PER_YEAR[frequency];
  const num = installment * k;
  const load = num + 12 * ctx.obligations;
  const income = ctx.income;
  if (load * 20000 + 12 * (income ?? 0) > SAFE || (ctx.limit12 !== null && ctx.limit12 > SAFE))
    return affordabilityDec(installment, frequency, ctx, currency);
  // Half-up rounding of num / 12 and of load / (12 × income) to 4 places, in integers.
  const monthlyEquivalent = amt(Math.floor((2 * num + 12) / 24), currency);
  if (income === null) return { monthlyEquivalent, incomeShare: null, affordable: null };
  const incomeShare = income > 0 ? share4(Math.floor((20000 * load + 12 * income) / (24 * income))) : null;
  const affordable = ctx.limit12 === null ? null : load <= ctx.limit12;
  return { monthlyEquivalent, incomeShare, affordable };
}

/** @internal the same in exact decimals (reference and fallback). */
export function affordabilityDec(
  installment: number,
  frequency: Frequency,
  ctx: AffordabilityContext,
  currency: string,
): Affordability {
  // Monthly equivalent, exact (a weekly 100.00 is 433.333… a month); shown rounded half-up.
  const monthly = new Dec(installment).times(PERIODS_PER_YEAR[frequency]).div(12);
  const monthlyEquivalent = amt(monthly.toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber(), currency);
  const income = ctx.income;
  if (income === null) return { monthlyEquivalent, incomeShare: null, affordable: null };
  const load = monthly.plus(ctx.obligations);
  const incomeShare = income > 0 ? shareString(load.div(income)) : null;
  const affordable = ctx.maxShare === null ? null : load.lte(ctx.maxShare.times(income));
  return { monthlyEquivalent, incomeShare, affordable };
}

const AffordabilityOptionsSchema = z.strictObject({
  installment: AmountSchema,
  frequency: FrequencySchema.default("monthly"),
  monthlyIncome: AmountSchema.optional(),
  maxIncomeShare: ShareSchema.optional(),
  /** Other monthly debt service: when given, it counts against the limit with the installment. */
  monthlyObligations: AmountSchema.optional(),
  currency: CurrencySchema,
});

/** Options of {@link assessAffordability}. */
export type AffordabilityOptions = z.input<typeof AffordabilityOptionsSchema>;

/**
 * Whether an installment fits a borrower's income: the installment's monthly equivalent must not
 * exceed `monthlyIncome × maxIncomeShare`. With `monthlyObligations` (other debt service), the
 * test is debt-to-income style: installment + obligations ≤ monthlyIncome × maxIncomeShare.
 *
 * @throws {ArrearsError} `INVALID_OFFER` for bad options, with the field path.
 *
 * @example
 * assessAffordability({ installment: "350.00", monthlyIncome: "1000.00", maxIncomeShare: 0.35, currency: "USD" });
 * // { monthlyEquivalent: "350.00", incomeShare: "0.3500", affordable: true }
 * assessAffordability({ installment: "100.00", frequency: "weekly", monthlyIncome: "1000.00", maxIncomeShare: "0.4", currency: "USD" });
 * // { monthlyEquivalent: "433.33", incomeShare: "0.4333", affordable: false }
 */
export function assessAffordability(options: AffordabilityOptions): Affordability {
  const o = parseWith(AffordabilityOptionsSchema, options, "assessAffordability options");
  const c = o.currency;
  const income = o.monthlyIncome === undefined ? null : minor(o.monthlyIncome as AmountInput, c, ["monthlyIncome"]);
  const share = o.maxIncomeShare === undefined ? null : new Dec(String(o.maxIncomeShare));
  const obligations = o.monthlyObligations === undefined ? 0 : minor(o.monthlyObligations, c, ["monthlyObligations"]);
  return affordabilityMinor(
    minor(o.installment, c, ["installment"]),
    o.frequency,
    affordabilityContext(income, share, obligations),
    c,
  );
}
