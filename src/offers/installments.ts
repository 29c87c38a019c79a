import { Dec } from "../money/index.js";
import { addMonthsToDay, formatIsoDate, parseIsoDate } from "../time/index.js";
import {
  type AffordabilityContext,
  affordabilityContext,
  affordabilityMinor,
  periodsPerYear,
} from "./affordability.js";
import { amt, checkDay, fail, fitsMinorUnit, minor, parseWith } from "./internal.js";
import { type Frequency, type PlanInstallmentsOptions, PlanInstallmentsOptionsSchema } from "./schemas.js";

/** One installment of a plan. `amount = principal + interest`. */
export interface Installment {
  /** 1-based. */
  number: number;
  dueDate: string;
  amount: string;
  principal: string;
  interest: string;
}

/** An installment plan, as returned by {@link planInstallments}. Plain JSON, amounts as decimal strings. */
export interface InstallmentPlan {
  kind: "installments";
  currency: string;
  frequency: Frequency;
  count: number;
  /** Annual nominal rate as given ("0" without interest). */
  rate: string;
  /** Amount before waivers. */
  amount: string;
  waived: { penaltyInterest: string; fees: string; total: string };
  /** amount − waived: the principal the plan repays; installment principals sum to it exactly. */
  financed: string;
  totalInterest: string;
  totalRepayable: string;
  /** The regular installment (the first); the last one may differ by the rounding remainder. */
  installmentAmount: string;
  firstDueDate: string;
  lastDueDate: string;
  /** Monthly equivalent of the largest installment ÷ monthly income (4 decimals), null if income unknown. */
  incomeShare: string | null;
  /** Largest installment within `monthlyIncome × maxIncomeShare`; null when either is unknown. */
  affordable: boolean | null;
  installments: Installment[];
}

/** @internal a schedule in integers: epoch days and minor units. */
export interface MinorSchedule {
  days: number[];
  amounts: number[];
  principals: number[];
  interests: number[];
  totalInterest: number;
  maxAmount: number;
}

/** @internal due day of installment `i` (0-based), always computed from the first date. */
function nthDueDay(first: number, i: number, frequency: Frequency): number {
  if (frequency === "monthly") return addMonthsToDay(first, i);
  return first + i * (frequency === "weekly" ? 7 : 14);
}

/**
 * @internal the schedule in minor units.
 *
 * Without interest: `floor(financed / count)` each, the remainder on the last installment
 * (`rounding: "down"`); or `ceil(financed / count)` each and the last one smaller (`"up"`,
 * unless that would leave the last at zero or below: then as `"down"`).
 * With interest (level-payment annuity): periodic rate r = annual ÷ periods per year; the
 * payment `financed·r / (1 − (1+r)^−count)` is rounded half-up to the minor unit; each period's
 * interest is `balance·r` rounded half-up; principal = payment − interest (never below zero nor
 * above the balance); the last installment repays the remaining balance plus its interest, so it
 * absorbs every rounding difference and principals sum exactly to `financed`.
 */
export function scheduleMinor(
  financed: number,
  count: number,
  firstDay: number,
  frequency: Frequency,
  annualRate: Dec | null,
  rounding: "down" | "up" = "down",
): MinorSchedule {
  const days = new Array<number>(count);
  const amounts = new Array<number>(count);
  const principals = new Array<number>(count);
  const interests = new Array<number>(count);
  for (let i = 0; i < count; i++) days[i] = nthDueDay(firstDay, i, frequency);
  let totalInterest = 0;
  if (annualRate === null || annualRate.isZero()) {
    const rest = financed % count;
    let base = (financed - rest) / count;
    if (rounding === "up" && rest !== 0 && financed - (base + 1) * (count - 1) > 0) base++;
    for (let i = 0; i < count; i++) {
      const a = i === count - 1 ? financed - base * (count - 1) : base;
      amounts[i] = a;
      principals[i] = a;
      interests[i] = 0;
    }
  } else {
    const r = annualRate.div(periodsPerYear(frequency));
    const payment = new Dec(financed)
      .times(r)
      .div(new Dec(1).minus(r.plus(1).pow(-count)))
      .toDecimalPlaces(0, Dec.ROUND_HALF_UP)
      .toNumber();
    let balance = financed;
    for (let i = 0; i < count; i++) {
      const interest = new Dec(balance).times(r).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
      let principal = i === count - 1 ? balance : payment - interest;
      if (principal < 0) principal = 0;
      if (principal > balance) principal = balance;
      balance -= principal;
      principals[i] = principal;
      interests[i] = interest;
      amounts[i] = principal + interest;
      totalInterest += interest;
    }
  }
  let maxAmount = 0;
  for (const a of amounts) if (a > maxAmount) maxAmount = a;
  return { days, amounts, principals, interests, totalInterest, maxAmount };
}

/** @internal the JSON plan from a minor-unit schedule. */
export function planFromSchedule(
  s: MinorSchedule,
  p: {
    currency: string;
    frequency: Frequency;
    rate: string;
    amount: number;
    waivedPenalty: number;
    waivedFees: number;
    financed: number;
    affordability: AffordabilityContext;
  },
): InstallmentPlan {
  const c = p.currency;
  const count = s.amounts.length;
  const installments: Installment[] = new Array(count);
  for (let i = 0; i < count; i++) {
    installments[i] = {
      number: i + 1,
      dueDate: formatIsoDate(s.days[i]!),
      amount: amt(s.amounts[i]!, c),
      principal: amt(s.principals[i]!, c),
      interest: amt(s.interests[i]!, c),
    };
  }
  const aff = affordabilityMinor(s.maxAmount, p.frequency, p.affordability, c);
  return {
    kind: "installments",
    currency: c,
    frequency: p.frequency,
    count,
    rate: p.rate,
    amount: amt(p.amount, c),
    waived: {
      penaltyInterest: amt(p.waivedPenalty, c),
      fees: amt(p.waivedFees, c),
      total: amt(p.waivedPenalty + p.waivedFees, c),
    },
    financed: amt(p.financed, c),
    totalInterest: amt(s.totalInterest, c),
    totalRepayable: amt(p.financed + s.totalInterest, c),
    installmentAmount: installments[0]!.amount,
    firstDueDate: installments[0]!.dueDate,
    lastDueDate: installments[count - 1]!.dueDate,
    incomeShare: aff.incomeShare,
    affordable: aff.affordable,
    installments,
  };
}

/** @internal rejects schedules whose dates leave the 4-digit-year range. */
export function checkLastDay(firstDay: number, count: number, frequency: Frequency, path: (string | number)[]): void {
  checkDay(nthDueDay(firstDay, count - 1, frequency), path, formatIsoDate(firstDay));
}

/** @internal normalised rate string and Dec (null for no interest). */
export function rateOf(rate: string | number | undefined): { text: string; dec: Dec | null } {
  if (rate === undefined) return { text: "0", dec: null };
  const d = new Dec(String(rate));
  return { text: d.toString(), dec: d.isZero() ? null : d };
}

/**
 * An installment plan with exact money: `count` installments at `frequency` from `firstDueDate`.
 *
 * - Without `rate`: equal installments, `floor(financed ÷ count)` to the minor unit, with the
 *   remainder on the last (1000.00 ÷ 3 → 333.33, 333.33, 333.34); with `rounding: "up"`,
 *   rounded up with the last one smaller (20000.00 ÷ 12 → 1666.67 × 11, 1666.63).
 * - With `rate` (annual nominal, `"0.12"` = 12 %): a level-payment annuity at `rate ÷ 12`
 *   (monthly), `÷ 26` (biweekly) or `÷ 52` (weekly); payment and each period's interest rounded
 *   half-up to the minor unit; the last installment repays the remaining principal plus its
 *   interest. Installment principals always sum exactly to `financed`.
 * - Monthly dates keep the first date's day of month, clamped to month end and always counted
 *   from the first date (Jan 31 → Feb 28/29 → Mar 31); weekly/biweekly add 7/14 days.
 * - `waive` amounts are forgiven out of `amount`: `financed = amount − waived`.
 * - With `monthlyIncome` and `maxIncomeShare`, `affordable` says whether the largest
 *   installment's monthly equivalent (weekly × 52 ÷ 12, biweekly × 26 ÷ 12), plus
 *   `monthlyObligations` when given, fits `monthlyIncome × maxIncomeShare`.
 *
 * Amounts may not have more decimals than the currency's minor unit.
 *
 * @throws {ArrearsError} `INVALID_OFFER` with the field path, e.g. `count: Too small: expected number to be >=1`.
 *
 * @example
 * planInstallments({ amount: "1000.00", count: 3, firstDueDate: "2026-01-31", currency: "USD" }).installments;
 * // [{ number: 1, dueDate: "2026-01-31", amount: "333.33", principal: "333.33", interest: "0.00" },
 * //  { number: 2, dueDate: "2026-02-28", amount: "333.33", … },
 * //  { number: 3, dueDate: "2026-03-31", amount: "333.34", … }]
 */
export function planInstallments(options: PlanInstallmentsOptions): InstallmentPlan {
  const o = parseWith(PlanInstallmentsOptionsSchema, options, "planInstallments options");
  const c = o.currency;
  const exact = (v: string | number | undefined, path: (string | number)[]): number => {
    if (v === undefined) return 0;
    if (!fitsMinorUnit(v, c)) fail(path, `more decimal places than ${c} allows`, v);
    return minor(v, c, path);
  };
  const amount = exact(o.amount, ["amount"]);
  const waivedPenalty = exact(o.waive?.penaltyInterest, ["waive", "penaltyInterest"]);
  const waivedFees = exact(o.waive?.fees, ["waive", "fees"]);
  if (waivedPenalty + waivedFees > amount) fail(["waive"], "waived amounts exceed the amount", o.waive);
  const first = parseIsoDate(o.firstDueDate);
  checkLastDay(first, o.count, o.frequency, ["firstDueDate"]);
  const rate = rateOf(o.rate);
  const financed = amount - waivedPenalty - waivedFees;
  const s = scheduleMinor(financed, o.count, first, o.frequency, rate.dec, o.rounding);
  return planFromSchedule(s, {
    currency: c,
    frequency: o.frequency,
    rate: rate.text,
    amount,
    waivedPenalty,
    waivedFees,
    financed,
    affordability: affordabilityContext(
      o.monthlyIncome === undefined ? null : minor(o.monthlyIncome, c, ["monthlyIncome"]),
      o.maxIncomeShare === undefined ? null : new Dec(String(o.maxIncomeShare)),
      o.monthlyObligations === undefined ? 0 : minor(o.monthlyObligations, c, ["monthlyObligations"]),
    ),
  });
}
