import { Dec } from "../money/index.js";
import { addMonthsToDay, formatIsoDate } from "../time/index.js";
import { affordabilityContext, affordabilityMinor, periodsPerYear } from "./affordability.js";
import {
  affordabilityRecord,
  capReason,
  contractCap,
  type Disposable,
  disposableOf,
  envelope,
  firstDueDay,
  fits,
  type OfferContext,
  type OfferEnvelope,
  type OfferReason,
  type OfferStatus,
  overdueOf,
  paymentCapOf,
  unpaidDues,
} from "./context.js";
import {
  checkLastDay,
  type Installment,
  type InstallmentPlan,
  type MinorSchedule,
  planFromSchedule,
  rateOf,
  scheduleMinor,
} from "./installments.js";
import { amt, minor } from "./internal.js";
import type { FreezableComponent, Frequency, ParsedOfferSpec } from "./schemas.js";
import { waiverMinor } from "./waive.js";

type InstallmentsSpec = Extract<ParsedOfferSpec, { kind: "installments" }>;
type TermExtensionSpec = Extract<ParsedOfferSpec, { kind: "term_extension" }>;
type ReducedPaymentSpec = Extract<ParsedOfferSpec, { kind: "reduced_payment" }>;

/**
 * How a plan was chosen among the spec's options: the fewest installments that are affordable
 * (and within the contract installment where capped); with income unknown, the fewest within
 * the contract installment (in hardship) or else the middle option; `none` when nothing fits.
 */
export type PlanSelection =
  | "fewest_affordable"
  | "fewest_within_contract_installment"
  | "middle_income_unknown"
  | "none";

/** One option a plan was chosen from. */
export interface PlanOption {
  count: number;
  /** The regular (first) installment. */
  installmentAmount: string;
  /** The largest installment (the one affordability and the cap are judged on). */
  largestInstallment: string;
  /** (monthly equivalent of the largest + obligations) ÷ income, 4 decimals; null without income. */
  incomeShare: string | null;
  affordable: boolean | null;
  /** Whether it stays within the contract installment; null when no cap applies. */
  withinContractInstallment: boolean | null;
  /** Whether the rules allow choosing it. */
  eligible: boolean;
}

/** How the waived amounts are granted: now, or only if the plan is completed. */
type WaiverCondition = "now" | "on_completion";

interface PlanExtras {
  /** Waiver granted now or conditional on completing the plan. */
  waiverCondition: WaiverCondition;
  /** Charges frozen while the plan runs (applied by the lender's system). */
  frozen: FreezableComponent[];
}

/** An installment plan built from a spec (status `offered`). */
export interface InstallmentOffer extends InstallmentPlan, OfferEnvelope, PlanExtras {
  kind: "installments";
  status: "offered";
  basis: "outstanding" | "overdue";
  selection: Exclude<PlanSelection, "none">;
  /** Every count the spec allowed, ascending. */
  options: PlanOption[];
}

/** A term extension: the balance re-spread over the remaining term plus an extension. */
export interface TermExtensionOffer extends OfferEnvelope, PlanExtras {
  kind: "term_extension";
  status: "offered";
  /** Payments left under the contract: dues not yet paid in full (or balance ÷ contract installment). */
  remainingTermMonths: number;
  extensionMonths: number;
  count: number;
  amount: string;
  waived: { penaltyInterest: string; fees: string; total: string };
  financed: string;
  installmentAmount: string;
  firstDueDate: string;
  lastDueDate: string;
  installments: Installment[];
  selection: Exclude<PlanSelection, "none">;
  options: (PlanOption & { extensionMonths: number })[];
}

/** A reduced payment: the affordable amount, never above the contract installment. */
export interface ReducedPaymentOffer extends OfferEnvelope, PlanExtras {
  kind: "reduced_payment";
  status: "offered";
  term: "repay" | "open";
  /** The monthly payment. */
  payment: string;
  amount: string;
  waived: { penaltyInterest: string; fees: string; total: string };
  financed: string;
  /** Payments needed to repay `financed` at `payment` (contractual interest aside unless frozen). */
  estimatedMonthsToRepay: number;
  firstDueDate: string;
  lastDueDate: string;
  /** Open term: the date to review the arrangement (the last scheduled payment); null when repaid. */
  reviewOn: string | null;
  /** What `schedule` leaves unpaid (open term), else "0.00". */
  remainingAfterSchedule: string;
}

/** A plan-kind offer that was not made (unaffordable, insufficient information, not applicable). */
export interface PlanNotMade extends OfferEnvelope {
  kind: "installments" | "term_extension" | "reduced_payment";
  status: Exclude<OfferStatus, "offered">;
  amount: string;
  waived: { penaltyInterest: string; fees: string; total: string };
  financed: string;
  selection?: "none";
  options?: PlanOption[];
}

// ---------- shared ----------

interface Amounts {
  amount: number;
  wp: number;
  wf: number;
  financed: number;
}

/** The amount a plan repays and the waiver out of it (never more than it). */
function planAmounts(ctx: OfferContext, basis: "outstanding" | "overdue", waive: InstallmentsSpec["waive"]): Amounts {
  const b = ctx.figures;
  // Dues carry no penalty interest or late fees, so the arrears add them from the balance;
  // a core-system snapshot's overdue is taken to include them already.
  const amount =
    basis === "outstanding" ? b.outstanding : overdueOf(ctx) + (ctx.account.dues ? b.penaltyInterest + b.fees : 0);
  const w = waiverMinor(b, waive);
  const wp = Math.min(w.penaltyInterest, amount);
  const wf = Math.min(w.fees, amount - wp);
  return { amount, wp, wf, financed: amount - wp - wf };
}

function waivedOf(a: Amounts, c: string) {
  return { penaltyInterest: amt(a.wp, c), fees: amt(a.wf, c), total: amt(a.wp + a.wf, c) };
}

function notMade(
  ctx: OfferContext,
  kind: PlanNotMade["kind"],
  status: PlanNotMade["status"],
  reasons: OfferReason[],
  d: Disposable,
  cap: number | null,
  a: Amounts,
  options?: PlanOption[],
): PlanNotMade {
  const c = ctx.currency;
  let aff = affordabilityRecord(ctx, d, status === "not_applicable" ? 0 : null);
  if (status === "unaffordable" && options?.some((o) => o.affordable === true))
    aff = Object.assign({}, aff, {
      reason: "above_contract_installment" as const,
      detail: `the options that fit ${aff.disposable} a month are above the contract installment ${amt(cap ?? 0, c)}`,
    });
  return {
    kind,
    ...envelope(ctx, status, reasons, aff, paymentCapOf(cap, d), []),
    status,
    amount: amt(a.amount, c),
    waived: waivedOf(a, c),
    financed: amt(a.financed, c),
    ...(options ? { selection: "none" as const, options } : {}),
  };
}

function exceeds(payment: number, perYear: number, cap: number): boolean {
  return new Dec(payment).times(perYear).gt(new Dec(cap).times(12));
}

interface Chosen {
  pick: number;
  selection: PlanSelection;
  options: PlanOption[];
  schedules: MinorSchedule[];
}

/** Builds every option and picks one under affordability and the contract cap. */
function choose(
  ctx: OfferContext,
  d: Disposable,
  cap: number | null,
  allowAbove: boolean,
  counts: readonly number[],
  financed: number,
  first: number,
  frequency: Frequency,
  rate: Dec | null,
  rounding: "down" | "up",
): Chosen {
  const c = ctx.currency;
  const perYear = periodsPerYear(frequency);
  // The legacy `incomeShare` of each option: (monthly equivalent + obligations) ÷ income.
  const legacy = affordabilityContext(d.income, null, d.obligations);
  const schedules: MinorSchedule[] = [];
  const options: PlanOption[] = [];
  for (const n of counts) {
    const s = scheduleMinor(financed, n, first, frequency, rate, rounding);
    schedules.push(s);
    const affordable = fits(d, s.maxAmount, perYear);
    const within = cap === null ? null : !exceeds(s.maxAmount, perYear, cap);
    options.push({
      count: n,
      installmentAmount: amt(s.amounts[0]!, c),
      largestInstallment: amt(s.maxAmount, c),
      incomeShare: affordabilityMinor(s.maxAmount, frequency, legacy, c).incomeShare,
      affordable,
      withinContractInstallment: within,
      eligible: affordable !== false && (within !== false || (allowAbove && affordable === true)),
    });
  }
  let pick = -1;
  let selection: PlanSelection = "none";
  if (d.basis !== "unknown") {
    pick = options.findIndex((o) => o.eligible && o.affordable === true);
    if (pick >= 0) selection = "fewest_affordable";
  } else if (cap !== null) {
    pick = options.findIndex((o) => o.eligible && o.withinContractInstallment === true);
    if (pick >= 0) selection = "fewest_within_contract_installment";
  } else {
    pick = Math.floor((counts.length - 1) / 2);
    selection = "middle_income_unknown";
  }
  return { pick, selection, options, schedules };
}

function unaffordableReason(ctx: OfferContext, d: Disposable, cap: number | null, options: PlanOption[]): OfferReason {
  const c = ctx.currency;
  const disp = d.value === null ? null : d.value.floor().toNumber();
  if (disp !== null && disp <= 0)
    return {
      code: "deficit_budget",
      message: `no money to spare (disposable ${amt(disp, c)} a month): review with the borrower and signpost free debt advice`,
    };
  const limit = [
    cap === null ? null : `the contract installment ${amt(cap, c)}`,
    disp === null ? null : `the disposable ${amt(disp, c)}`,
  ]
    .filter((x) => x !== null)
    .join(" and ");
  return {
    code: "none_affordable",
    message: `no option fits ${limit}: ${options.map((o) => `${o.count} × ${o.largestInstallment}`).join(", ")}`,
  };
}

function incomeUnknownReason(): OfferReason {
  return {
    code: "income_unknown",
    message: "no income information: ask for an income-and-expenditure statement before offering a plan",
  };
}

function lines(s: MinorSchedule) {
  return s.days.map((day, i) => ({ day, amount: s.amounts[i]!, type: "installment" as const }));
}

// ---------- installments ----------

/** @internal an installment plan from a spec. */
export function installmentsOffer(spec: InstallmentsSpec, ctx: OfferContext): InstallmentOffer | PlanNotMade {
  const c = ctx.currency;
  const a = planAmounts(ctx, spec.basis, spec.waive);
  const d = disposableOf(ctx, spec);
  const cap = contractCap(ctx, spec.capAtContractInstallment);
  const reasons = capReason(ctx, cap, spec.allowAboveContractInstallment);
  if (a.financed === 0)
    return notMade(
      ctx,
      "installments",
      "not_applicable",
      [{ code: "nothing_to_repay", message: "nothing to repay" }],
      d,
      cap,
      a,
    );
  if (d.basis === "unknown" && spec.ifIncomeUnknown === "review")
    return notMade(ctx, "installments", "insufficient_information", [...reasons, incomeUnknownReason()], d, cap, a);
  const first = firstDueDay(ctx, spec);
  const counts = [...new Set(spec.counts)].sort((x, y) => x - y);
  checkLastDay(first, counts[counts.length - 1]!, spec.frequency, ["counts"]);
  const rate = rateOf(spec.rate);
  const ch = choose(
    ctx,
    d,
    cap,
    spec.allowAboveContractInstallment,
    counts,
    a.financed,
    first,
    spec.frequency,
    rate.dec,
    spec.rounding,
  );
  if (ch.pick < 0)
    return notMade(
      ctx,
      "installments",
      "unaffordable",
      [...reasons, unaffordableReason(ctx, d, cap, ch.options)],
      d,
      cap,
      a,
      ch.options,
    );
  const s = ch.schedules[ch.pick]!;
  const plan = planFromSchedule(s, {
    currency: c,
    frequency: spec.frequency,
    rate: rate.text,
    amount: a.amount,
    waivedPenalty: a.wp,
    waivedFees: a.wf,
    financed: a.financed,
    affordability: affordabilityContext(null, null),
  });
  const perYear = periodsPerYear(spec.frequency);
  if (d.basis === "unknown") reasons.push(incomeUnknownReason());
  // Object.assign, not `{ ...plan, incomeShare, …, ...envelope(…), … }`: a literal that starts with a spread of
  // a fresh object and then adds keys takes a slow path on Node 20 (~2 µs and a map per object).
  // Same keys in the same order.
  const middle: Pick<InstallmentOffer, "incomeShare" | "affordable"> = {
    incomeShare: ch.options[ch.pick]!.incomeShare,
    affordable: fits(d, s.maxAmount, perYear),
  };
  const tail: Pick<
    InstallmentOffer,
    "kind" | "status" | "basis" | "selection" | "options" | "waiverCondition" | "frozen"
  > = {
    kind: "installments",
    status: "offered",
    basis: spec.basis,
    selection: ch.selection as Exclude<PlanSelection, "none">,
    options: ch.options,
    waiverCondition: spec.waiveWhen,
    frozen: spec.freeze,
  };
  return Object.assign(
    {},
    plan,
    middle,
    envelope(
      ctx,
      "offered",
      reasons,
      affordabilityRecord(ctx, d, s.maxAmount, perYear),
      paymentCapOf(cap, d),
      lines(s),
    ),
    tail,
  );
}

// ---------- term extension ----------

/** @internal a term extension from a spec. */
export function termExtensionOffer(spec: TermExtensionSpec, ctx: OfferContext): TermExtensionOffer | PlanNotMade {
  const c = ctx.currency;
  const a = planAmounts(ctx, "outstanding", spec.waive);
  const d = disposableOf(ctx, spec);
  const cap = contractCap(ctx, spec.capAtContractInstallment);
  const reasons = capReason(ctx, cap, spec.allowAboveContractInstallment);
  if (a.financed === 0)
    return notMade(
      ctx,
      "term_extension",
      "not_applicable",
      [{ code: "nothing_to_repay", message: "nothing to repay" }],
      d,
      cap,
      a,
    );
  let remaining: number;
  if (ctx.p.dues !== null) remaining = Math.max(1, unpaidDues(ctx.p, ctx.day).length);
  else if (ctx.contract !== null && ctx.contract > 0) remaining = Math.ceil(a.financed / ctx.contract);
  else
    return notMade(
      ctx,
      "term_extension",
      "insufficient_information",
      [{ code: "term_unknown", message: "without dues or a contract installment the remaining term is unknown" }],
      d,
      cap,
      a,
    );
  if (d.basis === "unknown" && spec.ifIncomeUnknown === "review")
    return notMade(ctx, "term_extension", "insufficient_information", [...reasons, incomeUnknownReason()], d, cap, a);
  const exts = [...new Set(spec.extendByMonths)]
    .sort((x, y) => x - y)
    .filter((e) => spec.maxTermMonths === undefined || remaining + e <= spec.maxTermMonths);
  if (exts.length === 0)
    return notMade(
      ctx,
      "term_extension",
      "unaffordable",
      [
        ...reasons,
        {
          code: "term_too_long",
          message: `${remaining} payments remain; no extension keeps the term within ${spec.maxTermMonths} months`,
        },
      ],
      d,
      cap,
      a,
    );
  const counts = exts.map((e) => remaining + e);
  const first = firstDueDay(ctx, spec);
  checkLastDay(first, counts[counts.length - 1]!, "monthly", ["extendByMonths"]);
  const ch = choose(
    ctx,
    d,
    cap,
    spec.allowAboveContractInstallment,
    counts,
    a.financed,
    first,
    "monthly",
    null,
    spec.rounding,
  );
  // Object.assign: see installmentsOffer.
  const options = ch.options.map((o, i) => Object.assign({}, o, { extensionMonths: exts[i]! }));
  if (ch.pick < 0)
    return notMade(
      ctx,
      "term_extension",
      "unaffordable",
      [...reasons, unaffordableReason(ctx, d, cap, ch.options)],
      d,
      cap,
      a,
      options,
    );
  const s = ch.schedules[ch.pick]!;
  if (d.basis === "unknown") reasons.push(incomeUnknownReason());
  const installments: Installment[] = s.days.map((day, i) => ({
    number: i + 1,
    dueDate: formatIsoDate(day),
    amount: amt(s.amounts[i]!, c),
    principal: amt(s.principals[i]!, c),
    interest: amt(s.interests[i]!, c),
  }));
  return {
    kind: "term_extension",
    ...envelope(ctx, "offered", reasons, affordabilityRecord(ctx, d, s.maxAmount), paymentCapOf(cap, d), lines(s)),
    status: "offered",
    remainingTermMonths: remaining,
    extensionMonths: exts[ch.pick]!,
    count: s.days.length,
    amount: amt(a.amount, c),
    waived: waivedOf(a, c),
    financed: amt(a.financed, c),
    installmentAmount: installments[0]!.amount,
    firstDueDate: installments[0]!.dueDate,
    lastDueDate: installments[installments.length - 1]!.dueDate,
    installments,
    selection: ch.selection as Exclude<PlanSelection, "none">,
    options,
    waiverCondition: spec.waiveWhen,
    frozen: spec.freeze,
  };
}

// ---------- reduced payment ----------

/** @internal a reduced-payment arrangement from a spec. */
export function reducedPaymentOffer(spec: ReducedPaymentSpec, ctx: OfferContext): ReducedPaymentOffer | PlanNotMade {
  const c = ctx.currency;
  const a = planAmounts(ctx, spec.basis, spec.waive);
  const d = disposableOf(ctx, spec);
  // A reduced payment is never above the contract installment, in hardship or not.
  const cap = ctx.contract;
  const reasons = capReason(ctx, cap, false);
  if (a.financed === 0)
    return notMade(
      ctx,
      "reduced_payment",
      "not_applicable",
      [{ code: "nothing_to_repay", message: "nothing to repay" }],
      d,
      cap,
      a,
    );
  if (d.value === null)
    return notMade(ctx, "reduced_payment", "insufficient_information", [...reasons, incomeUnknownReason()], d, cap, a);
  let payment = d.value.floor().toNumber();
  if (cap !== null && cap < payment) payment = cap;
  if (spec.roundDownTo !== undefined) {
    const unit = minor(spec.roundDownTo, c, ["roundDownTo"]);
    if (unit > 0) payment = Math.floor(payment / unit) * unit;
  }
  if (payment > a.financed) payment = a.financed;
  const min = spec.minPayment === undefined ? 1 : Math.max(1, minor(spec.minPayment, c, ["minPayment"]));
  if (payment < min) {
    const deficit = d.value.lte(0);
    return notMade(
      ctx,
      "reduced_payment",
      "unaffordable",
      [
        ...reasons,
        deficit
          ? unaffordableReason(ctx, d, cap, [])
          : {
              code: "below_minimum_payment",
              message: `the affordable payment ${amt(Math.max(0, payment), c)} is below the minimum ${amt(min, c)}`,
            },
      ],
      d,
      cap,
      a,
    );
  }
  const months = Math.ceil(a.financed / payment);
  if (spec.term === "repay" && months > spec.maxMonths)
    return notMade(
      ctx,
      "reduced_payment",
      "unaffordable",
      [
        ...reasons,
        {
          code: "term_too_long",
          message: `${amt(payment, c)} a month would take ${months} months to repay ${amt(a.financed, c)}; at most ${spec.maxMonths} allowed`,
        },
      ],
      d,
      cap,
      a,
    );
  const first = firstDueDay(ctx, spec);
  const n = spec.term === "repay" ? months : Math.min(spec.reviewAfterMonths, months);
  checkLastDay(first, n, "monthly", [spec.term === "repay" ? "maxMonths" : "reviewAfterMonths"]);
  const plan: { day: number; amount: number; type: "installment" }[] = [];
  let left = a.financed;
  for (let i = 0; i < n; i++) {
    const x = left < payment ? left : payment;
    plan.push({ day: addMonthsToDay(first, i), amount: x, type: "installment" });
    left -= x;
  }
  return {
    kind: "reduced_payment",
    ...envelope(ctx, "offered", reasons, affordabilityRecord(ctx, d, payment), paymentCapOf(cap, d), plan),
    status: "offered",
    term: spec.term,
    payment: amt(payment, c),
    amount: amt(a.amount, c),
    waived: waivedOf(a, c),
    financed: amt(a.financed, c),
    estimatedMonthsToRepay: months,
    firstDueDate: formatIsoDate(first),
    lastDueDate: formatIsoDate(plan[plan.length - 1]!.day),
    reviewOn: left > 0 ? formatIsoDate(plan[plan.length - 1]!.day) : null,
    remainingAfterSchedule: amt(left, c),
    waiverCondition: spec.waiveWhen,
    frozen: spec.freeze,
  };
}
