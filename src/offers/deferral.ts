import { Dec } from "../money/index.js";
import { addMonthsToDay, formatIsoDate } from "../time/index.js";
import {
  affordabilityRecord,
  disposableOf,
  envelope,
  type OfferContext,
  type OfferEnvelope,
  type OfferReason,
  offerContext,
  overdueOf,
  paymentCapOf,
  type ScheduleLine,
  unpaidDues,
} from "./context.js";
import { rateOf } from "./installments.js";
import { accountOf, amt, asOfDay, checkDay, minor, parseWith } from "./internal.js";
import {
  type FreezableComponent,
  OfferSpecSchema,
  type ParsedOfferSpec,
  type PlanDeferralOptions,
  PlanDeferralOptionsSchema,
} from "./schemas.js";
import { waiverMinor } from "./waive.js";

type HolidaySpec = Extract<ParsedOfferSpec, { kind: "payment_holiday" | "deferral" }>;

/** One line of the schedule after a deferral. `amount = deferred + interest`. */
interface DeferredDue {
  dueDate: string;
  amount: string;
  /** Unpaid dues moved to this date. */
  deferred: string;
  /** Deferral interest repaid on this date (capitalised interest lines only). */
  interest: string;
  /** Original due date of the due moved here (empty for an interest line). */
  originalDueDates: string[];
}

/** What a holiday or deferral does with interest while it runs. */
interface HolidayInterest {
  /** `frozen` (no interest), `capitalised` (simple interest at `rate`, repaid at the end) or `per_contract` (not computed here). */
  treatment: "frozen" | "capitalised" | "per_contract";
  rate: string | null;
  amount: string;
}

interface HolidayCommon extends OfferEnvelope {
  status: "offered" | "unaffordable";
  months: number;
  /** The day payments resume: the holiday's first covered due date plus `months` months. */
  resumeOn: string;
  /** The day to review the borrower's situation: `reviewDaysBeforeResume` before resuming (never before today). */
  reviewOn: string;
  /** The unpaid dues moved (arrears included), by their original dates; empty for an account without dues. */
  deferredDueDates: string[];
  /** Sum of the unpaid dues (a snapshot account: its overdue) the holiday moves. */
  deferredAmount: string;
  /**
   * `relaid`: the unpaid dues follow monthly from the resume date, in their order (the term is
   * extended by the holiday); `end_of_term`: an account without dues, whose arrears the lender's
   * system adds to the end of the term (not dated here).
   */
  arrearsTreatment: "relaid" | "end_of_term";
  interest: HolidayInterest;
  waived: { penaltyInterest: string; fees: string; total: string };
  waiverCondition: "now" | "on_completion";
  /** Charges frozen while the holiday runs (applied by the lender's system). */
  frozen: FreezableComponent[];
}

/** A payment holiday: no payments (or token payments) for `months`, then the unpaid dues re-laid. */
export interface PaymentHolidayOffer extends HolidayCommon {
  kind: "payment_holiday";
  /** The holiday's first covered due date (or today, for an account without recent dues). */
  startsOn: string;
  /** The token payment each holiday month ("0.00" when none). */
  tokenPayment: string;
  tokenTotal: string;
  totalPayable: string;
}

/**
 * Result of {@link planDeferral} and of a `deferral` spec: a payment holiday without token
 * payments, in the shape deferrals always had (`from`, `until`, `newSchedule`, `cost`).
 */
export interface DeferralPlan extends HolidayCommon {
  kind: "deferral";
  /** The evaluation date (the offer's date). */
  from: string;
  /** The day payments resume (= `resumeOn`). */
  until: string;
  interestRate: string;
  /** Simple interest on the principal over the holiday (0 unless capitalised). */
  deferralInterest: string;
  /** What the deferral costs the borrower (equals `deferralInterest`). */
  cost: string;
  /** deferredAmount + deferralInterest. */
  totalPayable: string;
  newSchedule: DeferredDue[];
}

interface Line {
  day: number;
  amount: number;
  type: ScheduleLine["type"];
  original?: number;
}

/** @internal a payment holiday or a deferral from a spec. */
export function holidayOffer(spec: HolidaySpec, ctx: OfferContext): PaymentHolidayOffer | DeferralPlan {
  const { p, day } = ctx;
  const c = ctx.currency;
  const snapshot = p.dues === null;
  const U = unpaidDues(p, day);
  const reasons: OfferReason[] = [];

  // The holiday covers the due dates from the oldest unpaid due, or from the latest due already
  // fallen due if the borrower is further behind; from today when no due fell in the last month.
  let start = day;
  if (!snapshot && U.length > 0) {
    let latest: number | null = null;
    for (const x of p.dues!.day) if (x <= day) latest = x;
    const first = latest !== null && latest > U[0]!.day ? latest : U[0]!.day;
    start = addMonthsToDay(first, 1) <= day ? day : first;
  }
  let months = spec.months;
  const until = ctx.hardship?.untilDay ?? null;
  if (spec.monthsFromHardship !== undefined && until !== null) {
    months = 1;
    while (months < spec.monthsFromHardship.max && addMonthsToDay(start, months) <= until) months++;
    reasons.push({
      code: "months_from_hardship",
      message: `${months} month(s): the hardship is expected to last until ${formatIsoDate(until)} (at most ${spec.monthsFromHardship.max})`,
    });
  }
  const resume = addMonthsToDay(start, months);
  checkDay(resume, ["months"], months);

  const deferredTotal = snapshot ? overdueOf(ctx) : U.reduce((s, u) => s + u.amount, 0);

  // Token payments on the holiday months still ahead (never one due today: not a condition).
  let token = 0;
  if (spec.kind === "payment_holiday" && spec.tokenPayment !== undefined) {
    const t = spec.tokenPayment;
    if (typeof t === "object") {
      if (ctx.contract === null)
        reasons.push({
          code: "token_needs_contract_installment",
          message: "a token share needs the contract installment: no token",
        });
      else token = new Dec(String(t.share)).times(ctx.contract).floor().toNumber();
    } else token = minor(t, c, ["tokenPayment"]);
  }
  const out: Line[] = [];
  let tokenTotal = 0;
  if (token > 0)
    for (let i = 0; i < months; i++) {
      const d = addMonthsToDay(start, i);
      if (d <= day || d >= resume) continue;
      const x = Math.min(token, deferredTotal - tokenTotal);
      if (x <= 0) break;
      out.push({ day: d, amount: x, type: "token" });
      tokenTotal += x;
    }

  // The unpaid dues, less the tokens (oldest first), monthly from the resume date.
  let slot = 0;
  if (!snapshot) {
    let left = tokenTotal;
    for (const u of U) {
      const applied = left >= u.amount ? u.amount : left;
      left -= applied;
      if (u.amount - applied > 0)
        out.push({
          day: addMonthsToDay(start, months + slot++),
          amount: u.amount - applied,
          type: "deferred_due",
          original: u.day,
        });
    }
  }

  // Interest over the holiday.
  const rate = rateOf(spec.interestRate);
  let treatment: HolidayInterest["treatment"] = "per_contract";
  let interest = 0;
  if (spec.freeze.includes("interest")) treatment = "frozen";
  else if (rate.dec !== null) {
    treatment = "capitalised";
    interest = new Dec(ctx.figures.principal)
      .times(rate.dec)
      .times(resume - day)
      .div(365)
      .toDecimalPlaces(0, Dec.ROUND_HALF_UP)
      .toNumber();
    // Repaid after the re-laid dues, in parts no larger than the contract installment.
    const chunk = ctx.contract !== null && ctx.contract > 0 ? ctx.contract : interest;
    for (let left = interest; left > 0; ) {
      const x = Math.min(chunk, left);
      out.push({ day: addMonthsToDay(start, months + slot++), amount: x, type: "capitalised_interest" });
      left -= x;
    }
  }
  if (out.length > 0) checkDay(out[out.length - 1]!.day, ["months"], months);

  const d = disposableOf(ctx, spec);
  const aff = affordabilityRecord(ctx, d, tokenTotal > 0 ? token : 0);
  const status: "offered" | "unaffordable" = aff.affordable === false ? "unaffordable" : "offered";
  if (status === "unaffordable")
    reasons.push({
      code: "token_unaffordable",
      message: `the token payment ${amt(token, c)} is more than the borrower can spare`,
    });
  const w = waiverMinor(ctx.figures, spec.waive);
  const reviewOn = Math.max(day, resume - spec.reviewDaysBeforeResume);
  const env = envelope(ctx, status, reasons, aff, paymentCapOf(null, d), out);
  // Object.assign, not `{ ...env, status, … }`: a literal that starts with a spread of a fresh object
  // and then adds keys takes a slow path on Node 20 (~2 µs, and a map per object). Same key order.
  const common = Object.assign({}, env, {
    status,
    months,
    resumeOn: formatIsoDate(resume),
    reviewOn: formatIsoDate(reviewOn),
    deferredDueDates: U.map((u) => formatIsoDate(u.day)),
    deferredAmount: amt(deferredTotal, c),
    arrearsTreatment: snapshot ? ("end_of_term" as const) : ("relaid" as const),
    interest: { treatment, rate: rate.dec === null ? null : rate.text, amount: amt(interest, c) },
    waived: {
      penaltyInterest: amt(w.penaltyInterest, c),
      fees: amt(w.fees, c),
      total: amt(w.penaltyInterest + w.fees, c),
    },
    waiverCondition: spec.waiveWhen,
    frozen: spec.freeze,
  });
  if (spec.kind === "payment_holiday")
    return {
      kind: "payment_holiday",
      ...common,
      startsOn: formatIsoDate(start),
      tokenPayment: amt(tokenTotal > 0 ? token : 0, c),
      tokenTotal: amt(tokenTotal, c),
      totalPayable: env.scheduleTotal,
    };
  return {
    kind: "deferral",
    ...common,
    from: formatIsoDate(day),
    until: formatIsoDate(resume),
    interestRate: rate.text,
    deferralInterest: amt(interest, c),
    cost: amt(interest, c),
    totalPayable: amt(deferredTotal + interest, c),
    newSchedule:
      status === "offered"
        ? out.map((l) => ({
            dueDate: formatIsoDate(l.day),
            amount: amt(l.amount, c),
            deferred: amt(l.type === "capitalised_interest" ? 0 : l.amount, c),
            interest: amt(l.type === "capitalised_interest" ? l.amount : 0, c),
            originalDueDates: l.original === undefined ? [] : [formatIsoDate(l.original)],
          }))
        : [],
  };
}

/**
 * A payment deferral (payment holiday) of `months` calendar months, as the `deferral` offer
 * spec builds it (see `buildOffer`), without the hardship context of a policy.
 *
 * Payments made up to `asOf` settle the oldest dues first. The holiday covers `months` due dates
 * from the oldest unpaid due (or from the latest due already fallen due, if the borrower is
 * further behind; from `asOf` when no due fell in the last month): payments resume on that date
 * plus `months` months (`until`). Every unpaid due, arrears included, then follows monthly from
 * `until`, in order and with its own amount, so the term is extended by the holiday and no lump
 * sum falls due when it ends. An account without dues gets no dated lines: its overdue amount is
 * added to the end of the term by the lender's system (`arrearsTreatment: "end_of_term"`).
 *
 * With `interestRate` (annual nominal), the deferral costs simple interest on the principal
 * balance, actual/365, for the days from `asOf` to `until`, rounded half-up and repaid after the
 * deferred dues (in parts no larger than the contract installment).
 *
 * (Before 0.2 the arrears fell due in one sum on `until`: a balloon that a borrower in hardship
 * cannot meet.)
 *
 * @throws {ArrearsError} `INVALID_OFFER` for bad options, `INVALID_ACCOUNT` for a bad account.
 *
 * @example
 * // dues on the 15th (100.00 each): 2026-10-15 unpaid, 2026-12-15 … ahead
 * planDeferral({ account, months: 3, asOf: "2026-11-01", interestRate: "0.0365" });
 * // { from: "2026-11-01", until: "2027-01-15", deferredDueDates: ["2026-10-15", "2026-12-15", …],
 * //   newSchedule: [{ dueDate: "2027-01-15", amount: "100.00", originalDueDates: ["2026-10-15"] }, …,
 * //                 { …, interest: "8.40" }], … }
 */
export function planDeferral(options: PlanDeferralOptions): DeferralPlan {
  const o = parseWith(PlanDeferralOptionsSchema, options, "planDeferral options");
  const account = accountOf(o.account);
  const day = asOfDay(o.asOf, account.timeZone, ["asOf"]);
  const spec = OfferSpecSchema.parse({
    kind: "deferral",
    months: o.months,
    ...(o.interestRate === undefined ? {} : { interestRate: o.interestRate }),
  }) as Extract<ParsedOfferSpec, { kind: "deferral" }>;
  return holidayOffer(spec, offerContext(account, day, spec)) as DeferralPlan;
}
