import type { Account } from "../model/account.js";
import { Dec } from "../money/index.js";
import { addMonthsToDay, formatIsoDate, parseIsoDate } from "../time/index.js";
import { rateOf } from "./installments.js";
import { accountOf, amt, asOfDay, balanceFigures, checkDay, minor, overdueMinor, parseWith } from "./internal.js";
import { type PlanDeferralOptions, PlanDeferralOptionsSchema } from "./schemas.js";

/** One line of the schedule after a deferral. `amount = deferred + interest`. */
interface DeferredDue {
  dueDate: string;
  amount: string;
  /** Unpaid dues moved to this date. */
  deferred: string;
  /** Deferral interest charged on this date (only on the first line). */
  interest: string;
  /** Original due dates of the dues moved here (empty for a snapshot account). */
  originalDueDates: string[];
}

/** Result of {@link planDeferral}. */
export interface DeferralPlan {
  kind: "deferral";
  currency: string;
  months: number;
  /** First day of the deferral (local date of `asOf`). */
  from: string;
  /** Day payments resume: `from` + `months` calendar months (clamped to month end). */
  until: string;
  /** Sum of the unpaid dues moved. */
  deferredAmount: string;
  interestRate: string;
  /** Simple interest on the principal balance over the deferral: the cost of deferring. */
  deferralInterest: string;
  /** What the deferral costs the borrower (equals `deferralInterest`). */
  cost: string;
  /** deferredAmount + deferralInterest. */
  totalPayable: string;
  newSchedule: DeferredDue[];
}

/** @internal deferral on a validated account. */
export function deferralOf(
  account: Account,
  months: number,
  day: number,
  interestRate: string | number | undefined,
): DeferralPlan {
  const c = account.currency;
  const until = addMonthsToDay(day, months);
  const byDay = new Map<number, { deferred: number; originals: number[] }>();
  const put = (newDay: number, amount: number, original: number | null): void => {
    let e = byDay.get(newDay);
    if (!e) byDay.set(newDay, (e = { deferred: 0, originals: [] }));
    e.deferred += amount;
    if (original !== null) e.originals.push(original);
  };

  if (account.dues) {
    const lines = account.dues
      .map((d, i) => ({ day: parseIsoDate(d.dueDate), amount: minor(d.amount, c, ["account", "dues", i, "amount"]) }))
      .sort((a, b) => a.day - b.day);
    let paid = 0;
    account.payments.forEach((p, i) => {
      if (parseIsoDate(p.date) <= day) paid += minor(p.amount, c, ["account", "payments", i, "amount"]);
    });
    // Payments to date settle the oldest dues first; any excess pre-pays later ones.
    for (const l of lines) {
      const applied = paid >= l.amount ? l.amount : paid;
      paid -= applied;
      const unpaid = l.amount - applied;
      if (unpaid === 0) continue;
      // Arrears become due when the deferral ends; later dues move by the same number of months.
      put(l.day <= day ? until : addMonthsToDay(l.day, months), unpaid, l.day);
    }
  } else {
    const overdue = overdueMinor(account, day);
    if (overdue > 0) put(until, overdue, null);
  }

  const rate = rateOf(interestRate);
  const principal = balanceFigures(account).principal;
  // Simple interest, actual/365, on the principal balance for the days of the deferral.
  const interest =
    rate.dec === null
      ? 0
      : new Dec(principal)
          .times(rate.dec)
          .times(until - day)
          .div(365)
          .toDecimalPlaces(0, Dec.ROUND_HALF_UP)
          .toNumber();
  if (interest > 0 && byDay.size === 0) put(until, 0, null);

  const days = [...byDay.keys()].sort((a, b) => a - b);
  checkDay(days.length > 0 ? days[days.length - 1]! : until, ["months"], months);
  let deferredTotal = 0;
  const newSchedule: DeferredDue[] = days.map((d, i) => {
    const e = byDay.get(d)!;
    deferredTotal += e.deferred;
    const lineInterest = i === 0 ? interest : 0;
    return {
      dueDate: formatIsoDate(d),
      amount: amt(e.deferred + lineInterest, c),
      deferred: amt(e.deferred, c),
      interest: amt(lineInterest, c),
      originalDueDates: e.originals.map(formatIsoDate),
    };
  });

  return {
    kind: "deferral",
    currency: c,
    months,
    from: formatIsoDate(day),
    until: formatIsoDate(until),
    deferredAmount: amt(deferredTotal, c),
    interestRate: rate.text,
    deferralInterest: amt(interest, c),
    cost: amt(interest, c),
    totalPayable: amt(deferredTotal + interest, c),
    newSchedule,
  };
}

/**
 * A payment deferral (payment holiday) of `months` calendar months from the local date of
 * `asOf`. Payments made up to `asOf` settle the oldest dues first; then every due still unpaid
 * moves: arrears (due on or before `asOf`) fall due on `until` (= asOf + months), later dues
 * move by `months` months from their own date (day of month kept, clamped to month end). Dues
 * landing on the same date are merged into one line. A snapshot account (no dues) gets one line:
 * its overdue total on `until`.
 *
 * With `interestRate` (annual nominal), the deferral costs simple interest on the principal
 * balance, actual/365, for the days from `asOf` to `until`, rounded half-up and charged on the
 * first line of the new schedule.
 *
 * @throws {ArrearsError} `INVALID_OFFER` for bad options, `INVALID_ACCOUNT` for a bad account.
 *
 * @example
 * // dues 2026-09-15 and 2026-10-15 unpaid (100.00 each), 2026-12-15 ahead; principal 1200.00
 * planDeferral({ account, months: 3, asOf: "2026-11-01", interestRate: "0.0365" });
 * // { from: "2026-11-01", until: "2027-02-01", deferralInterest: "11.04", newSchedule: [
 * //   { dueDate: "2027-02-01", amount: "211.04", deferred: "200.00", interest: "11.04",
 * //     originalDueDates: ["2026-09-15", "2026-10-15"] },
 * //   { dueDate: "2027-03-15", amount: "100.00", … }], … }
 */
export function planDeferral(options: PlanDeferralOptions): DeferralPlan {
  const o = parseWith(PlanDeferralOptionsSchema, options, "planDeferral options");
  const account = accountOf(o.account);
  const day = asOfDay(o.asOf, account.timeZone, ["asOf"]);
  return deferralOf(account, o.months, day, o.interestRate);
}
