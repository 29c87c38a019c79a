import { type ActiveHardship, activeHardship, contractInstallmentAt } from "../arrangements/index.js";
import type { Account, HardshipKind, PreparedAccount } from "../model/index.js";
import { prepareAccount } from "../model/index.js";
import { Dec } from "../money/index.js";
import { addMonthsToDay, civilFromDays, formatIsoDate, parseIsoDate } from "../time/index.js";
import { amt, balanceFigures, minor, overdueMinor } from "./internal.js";
import type { ParsedOfferSpec } from "./schemas.js";

/** What an offer's status says. */
export type OfferStatus =
  /** A schedule the engine stands behind: affordable, or no payment asked, or (income unknown) flagged so. */
  | "offered"
  /** No option of the spec is affordable (or allowed under the hardship cap): review, no schedule. */
  | "unaffordable"
  /** Affordability cannot be judged and the spec asks for a review rather than a guess. */
  | "insufficient_information"
  /** Nothing to offer (nothing to waive, nothing to repay or defer). */
  | "not_applicable";

/** Why affordability came out as it did. */
export type AffordabilityReason =
  | "fits"
  | "exceeds_disposable"
  | "deficit_budget"
  | "no_payment"
  | "income_unknown"
  | "lump_sum"
  /** Options fit the disposable amount but are above the contract installment (hardship cap). */
  | "above_contract_installment";

/** How affordable an offer is, and on what evidence. Amounts are monthly, decimal strings. */
export interface OfferAffordability {
  /** `income_expenditure` (the account's I&E summary), `income_share` (income × maxIncomeShare − obligations) or `unknown`. */
  basis: "income_expenditure" | "income_share" | "unknown";
  /** What the borrower can put toward this debt a month (rounded down; negative for a deficit budget), or null. */
  disposable: string | null;
  /** The largest monthly(-equivalent) payment the offer asks for ("0.00" when none), or null when no offer was made. */
  payment: string | null;
  /** payment ≤ disposable; true when no payment is asked; null when unknown or not assessed (a lump sum). */
  affordable: boolean | null;
  reason: AffordabilityReason;
  /** One English sentence with the numbers. */
  detail: string;
  /** The figures used (null when not used). */
  inputs: {
    income: string | null;
    essentialExpenditure: string | null;
    otherDebtRepayments: string | null;
    obligations: string | null;
    maxIncomeShare: string | null;
    surplusShare: string | null;
    incomeExpenditureCompletedOn: string | null;
  };
}

/** One dated payment of an offer's schedule. */
export interface ScheduleLine {
  /** 1-based. */
  number: number;
  dueDate: string;
  amount: string;
  /**
   * `installment` (set by the offer), `token` (a token payment during a holiday),
   * `deferred_due` (an unpaid contract due moved after a holiday), `capitalised_interest`
   * (holiday interest repaid at the end), `payoff` (a settlement, payable by that date).
   */
  type: "installment" | "token" | "deferred_due" | "capitalised_interest" | "payoff";
}

/** A reason for the offer's status or a constraint it applied, with an English message. */
export interface OfferReason {
  code: string;
  message: string;
}

/** Fields every offer carries, whatever its kind and status. */
export interface OfferEnvelope {
  status: OfferStatus;
  /** True when the decision should route to a hardship review instead of sending an offer. */
  reviewRequired: boolean;
  reasons: OfferReason[];
  currency: string;
  /** The evaluation date (the borrower's local date of `asOf`). */
  offeredOn: string;
  /** The active hardship report, or null. */
  hardship: { kind: HardshipKind; reportedOn: string; until: string | null } | null;
  /** The contract installment (from the dues, or the spec for an account without dues), or null. */
  contractInstallment: string | null;
  /** The most any payment of the offer may be a month: min(contract installment where capped, disposable), or null. */
  paymentCap: string | null;
  affordability: OfferAffordability;
  /** The dated payments, exact to the minor unit; empty when no offer is made. */
  schedule: ScheduleLine[];
  /** The sum of `schedule`, exactly. */
  scheduleTotal: string;
}

/** Everything an offer needs about the account at the evaluation date, computed once. @internal */
export interface OfferContext {
  account: Account;
  p: PreparedAccount;
  day: number;
  currency: string;
  figures: ReturnType<typeof balanceFigures>;
  hardship: ActiveHardship | null;
  /** Treat the borrower as in hardship without a report (the caller's judgement, e.g. the scored segment). */
  inHardship: boolean;
  contract: number | null;
}

type Spec = ParsedOfferSpec;

/** The affordability fields of a spec (see the spec vocabulary). @internal */
export interface AffordabilityConfig {
  maxIncomeShare?: string | number | undefined;
  includeObligations: boolean;
  useIncomeExpenditure: boolean;
  incomeExpenditureMaxAgeDays: number;
  surplusShare: string | number;
}

/** For kinds without affordability fields (settlement, fee waiver): the I&E when there is one. @internal */
export const DEFAULT_AFFORDABILITY: AffordabilityConfig = {
  includeObligations: true,
  useIncomeExpenditure: true,
  incomeExpenditureMaxAgeDays: 365,
  surplusShare: 1,
};

/** @internal */
export function offerContext(account: Account, day: number, spec: Spec, inHardship = false): OfferContext {
  const p = prepareAccount(account);
  const fromSpec = "contractInstallment" in spec ? spec.contractInstallment : undefined;
  let contract = contractInstallmentAt(p, day);
  if (contract === null && fromSpec !== undefined) contract = minor(fromSpec, p.currency, ["contractInstallment"]);
  return {
    account,
    p,
    day,
    currency: p.currency,
    figures: balanceFigures(account),
    hardship: activeHardship(account, day),
    inHardship,
    contract,
  };
}

// ---------- affordability ----------

/** The disposable amount and its evidence. @internal */
export interface Disposable {
  basis: OfferAffordability["basis"];
  /** Exact monthly disposable (minor units as a decimal), or null. */
  value: Dec | null;
  inputs: OfferAffordability["inputs"];
  /** For the plans' legacy `incomeShare`: the income and obligations of the basis. */
  income: number | null;
  obligations: number;
}

const NO_INPUTS: OfferAffordability["inputs"] = {
  income: null,
  essentialExpenditure: null,
  otherDebtRepayments: null,
  obligations: null,
  maxIncomeShare: null,
  surplusShare: null,
  incomeExpenditureCompletedOn: null,
};

/** The disposable amount under a spec (see the spec vocabulary's affordability fields). @internal */
export function disposableOf(ctx: OfferContext, spec: AffordabilityConfig): Disposable {
  const c = ctx.currency;
  const b = ctx.account.borrower;
  const ie = b.incomeAndExpenditure;
  if (spec.useIncomeExpenditure && ie !== undefined) {
    const done = parseIsoDate(ie.completedOn);
    if (done <= ctx.day && ctx.day - done <= spec.incomeExpenditureMaxAgeDays) {
      const path = ["account", "borrower", "incomeAndExpenditure"];
      const income = minor(ie.monthlyIncome, c, [...path, "monthlyIncome"]);
      const essential = minor(ie.essentialExpenditure, c, [...path, "essentialExpenditure"]);
      const other = minor(ie.otherDebtRepayments, c, [...path, "otherDebtRepayments"]);
      const share = new Dec(String(spec.surplusShare));
      const surplus = income - essential - other;
      return {
        basis: "income_expenditure",
        // A deficit stays a deficit whatever the share.
        value: surplus <= 0 ? new Dec(surplus) : share.times(surplus),
        inputs: {
          ...NO_INPUTS,
          income: amt(income, c),
          essentialExpenditure: amt(essential, c),
          otherDebtRepayments: amt(other, c),
          surplusShare: share.toString(),
          incomeExpenditureCompletedOn: ie.completedOn,
        },
        income,
        obligations: other,
      };
    }
  }
  const incomeIn = b.monthlyIncome;
  const income = incomeIn === undefined ? null : minor(incomeIn, c, ["account", "borrower", "monthlyIncome"]);
  const oblIn = b.monthlyObligations;
  const obligations =
    spec.includeObligations && oblIn !== undefined ? minor(oblIn, c, ["account", "borrower", "monthlyObligations"]) : 0;
  if (income === null || spec.maxIncomeShare === undefined)
    return {
      basis: "unknown",
      value: null,
      inputs: {
        ...NO_INPUTS,
        income: income === null ? null : amt(income, c),
        maxIncomeShare: spec.maxIncomeShare === undefined ? null : new Dec(String(spec.maxIncomeShare)).toString(),
      },
      income,
      obligations,
    };
  const share = new Dec(String(spec.maxIncomeShare));
  return {
    basis: "income_share",
    value: share.times(income).minus(obligations),
    inputs: {
      ...NO_INPUTS,
      income: amt(income, c),
      obligations: spec.includeObligations ? amt(obligations, c) : null,
      maxIncomeShare: share.toString(),
    },
    income,
    obligations,
  };
}

/** The disposable amount rounded down to the minor unit (null when unknown). @internal */
function disposableMinor(d: Disposable): number | null {
  return d.value === null ? null : d.value.floor().toNumber();
}

/**
 * Whether a payment (minor units, `perYear` times a year) fits the disposable amount: the
 * monthly equivalent `payment × perYear ÷ 12` ≤ disposable, exactly. @internal
 */
export function fits(d: Disposable, payment: number, perYear: number): boolean | null {
  if (payment === 0) return true;
  if (d.value === null) return null;
  return new Dec(payment).times(perYear).lte(d.value.times(12));
}

/** The affordability record of an offer asking at most `payment` (minor units) `perYear` times a year. @internal */
export function affordabilityRecord(
  ctx: OfferContext,
  d: Disposable,
  payment: number | null,
  perYear = 12,
): OfferAffordability {
  const c = ctx.currency;
  const disposable = disposableMinor(d);
  const base = { basis: d.basis, disposable: disposable === null ? null : amt(disposable, c), inputs: d.inputs };
  // Each record as one literal: \`{ ...base, payment, … }\` (a spread of a fresh object, then new
  // keys) takes a slow path on Node 20 that cost ~2 µs per offer and kept the objects alive
  // through young-generation collections.
  const record = (
    payment: string | null,
    affordable: boolean | null,
    reason: OfferAffordability["reason"],
    detail: string,
  ): OfferAffordability => ({
    basis: base.basis,
    disposable: base.disposable,
    inputs: base.inputs,
    payment,
    affordable,
    reason,
    detail,
  });
  const what =
    d.basis === "income_expenditure"
      ? `the income-and-expenditure surplus of ${base.disposable}`
      : d.basis === "income_share"
        ? `${base.disposable} (${d.inputs.maxIncomeShare} of income ${d.inputs.income}${d.inputs.obligations === null ? "" : ` less obligations ${d.inputs.obligations}`})`
        : "";
  if (payment === null) {
    if (d.value === null) return record(null, null, "income_unknown", "no income information");
    return record(
      null,
      false,
      d.value.lte(0) ? "deficit_budget" : "exceeds_disposable",
      d.value.lte(0) ? `no money to spare: ${what}` : `no option fits ${what}`,
    );
  }
  const monthly = new Dec(payment).times(perYear).div(12).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
  const pay = amt(monthly, c);
  if (payment === 0) return record(pay, true, "no_payment", "no payment is asked");
  const ok = fits(d, payment, perYear);
  if (ok === null)
    return record(pay, null, "income_unknown", `no income information to judge a payment of ${pay} a month`);
  if (ok) return record(pay, true, "fits", `${pay} a month fits ${what}`);
  return record(
    pay,
    false,
    d.value!.lte(0) ? "deficit_budget" : "exceeds_disposable",
    `${pay} a month exceeds ${what}`,
  );
}

/** A lump sum's affordability is not judged against monthly income. @internal */
export function lumpSumAffordability(ctx: OfferContext, d: Disposable, payoff: number): OfferAffordability {
  const disposable = disposableMinor(d);
  return {
    basis: d.basis,
    disposable: disposable === null ? null : amt(disposable, ctx.currency),
    payment: amt(payoff, ctx.currency),
    affordable: null,
    reason: "lump_sum",
    detail: "a one-off payment is not measured against monthly income; it is the borrower's choice",
    inputs: d.inputs,
  };
}

// ---------- the contract cap ----------

/** Whether the contract-installment cap applies, and its amount. @internal */
export function contractCap(ctx: OfferContext, mode: "in_hardship" | "always"): number | null {
  if (ctx.contract === null) return null;
  return mode === "always" || ctx.hardship !== null || ctx.inHardship ? ctx.contract : null;
}

/** min(cap, disposable) for display, or null when neither is known. @internal */
export function paymentCapOf(cap: number | null, d: Disposable): number | null {
  const disp = disposableMinor(d);
  if (cap === null) return disp === null ? null : Math.max(0, disp);
  if (disp === null) return cap;
  return Math.max(0, Math.min(cap, disp));
}

// ---------- dates ----------

/** The account's next contract due date on or after `from`: its dues' monthly cadence continued. @internal */
function nextContractDue(p: PreparedAccount, from: number): number | null {
  const d = p.dues;
  if (d === null || d.day.length === 0) return null;
  // Anchor on the most recent due on or before `from` (else the first), keeping its day of month.
  let anchor = d.day[0]!;
  for (const x of d.day) if (x <= from) anchor = x;
  const [ay, am] = civilFromDays(anchor);
  const [fy, fm] = civilFromDays(from);
  let k = Math.max(0, (fy - ay) * 12 + (fm - am) - 1);
  while (addMonthsToDay(anchor, k) < from) k++;
  return addMonthsToDay(anchor, k);
}

/** The first payment day of a plan under the spec's first-due fields. @internal */
export function firstDueDay(
  ctx: OfferContext,
  spec: { firstDueInDays: number; firstDueOn: "in_days" | "next_due_date" },
): number {
  const earliest = ctx.day + spec.firstDueInDays;
  if (spec.firstDueOn === "next_due_date") return nextContractDue(ctx.p, earliest) ?? earliest;
  return earliest;
}

// ---------- envelope ----------

/** The offer's overdue amount (see `overdueMinor`). @internal */
export function overdueOf(ctx: OfferContext): number {
  return overdueMinor(ctx.account, ctx.day);
}

/** Schedule lines and their exact total. @internal */
function scheduleOf(
  currency: string,
  lines: { day: number; amount: number; type: ScheduleLine["type"] }[],
): { schedule: ScheduleLine[]; scheduleTotal: string } {
  let total = 0;
  const schedule = lines.map((l, i) => {
    total += l.amount;
    return { number: i + 1, dueDate: formatIsoDate(l.day), amount: amt(l.amount, currency), type: l.type };
  });
  return { schedule, scheduleTotal: amt(total, currency) };
}

/** The common fields of an offer. @internal */
export function envelope(
  ctx: OfferContext,
  status: OfferStatus,
  reasons: OfferReason[],
  affordability: OfferAffordability,
  paymentCap: number | null,
  lines: { day: number; amount: number; type: ScheduleLine["type"] }[],
): OfferEnvelope {
  const h = ctx.hardship;
  const c = ctx.currency;
  return {
    status,
    reviewRequired: status === "unaffordable" || status === "insufficient_information",
    reasons,
    currency: c,
    offeredOn: formatIsoDate(ctx.day),
    hardship:
      h === null
        ? null
        : {
            kind: h.kind,
            reportedOn: formatIsoDate(h.reportedDay),
            until: h.untilDay === null ? null : formatIsoDate(h.untilDay),
          },
    contractInstallment: ctx.contract === null ? null : amt(ctx.contract, c),
    paymentCap: paymentCap === null ? null : amt(paymentCap, c),
    affordability,
    ...scheduleOf(c, status === "offered" ? lines : []),
  };
}

/** The reason recorded when the hardship cap applies. @internal */
export function capReason(ctx: OfferContext, cap: number | null, allowAbove: boolean): OfferReason[] {
  if (cap === null) return [];
  const h = ctx.hardship;
  return [
    {
      code: "contract_installment_cap",
      message: `${h !== null ? `in hardship (${h.kind}, reported ${formatIsoDate(h.reportedDay)})` : ctx.inHardship ? "in hardship (as the caller judged)" : "by policy"}: no payment above the contract installment ${amt(cap, ctx.currency)}${allowAbove ? " unless affordable" : ""}`,
    },
  ];
}

/**
 * Every due not yet paid in full on `day` (arrears and future dues), oldest first, with what is
 * left of it: payments made by `day` settle the oldest dues first. Empty without dues. @internal
 */
export function unpaidDues(p: PreparedAccount, day: number): { day: number; amount: number }[] {
  const d = p.dues;
  if (d === null) return [];
  let paid = 0;
  const { day: payDay, amount: payAmount } = p.payments;
  for (let j = 0; j < payDay.length && payDay[j]! <= day; j++) paid += payAmount[j]!;
  const out: { day: number; amount: number }[] = [];
  for (let i = 0; i < d.day.length; i++) {
    const a = d.amount[i]!;
    const applied = paid >= a ? a : paid;
    paid -= applied;
    if (a - applied > 0) out.push({ day: d.day[i]!, amount: a - applied });
  }
  return out;
}
