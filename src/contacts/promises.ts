import { z } from "zod";
import { parseOptions } from "../errors/options.js";
import { AsOfSchema, type PreparedAccount, parseAccount, prepareAccount } from "../model/index.js";
import { formatMinor } from "../money/index.js";
import { type AsOf, formatIsoDate, resolveAsOf } from "../time/index.js";

/** Status of a promise to pay at the evaluation date. */
export type PromiseState = "pending" | "kept" | "partially_kept" | "broken";

/** Options of {@link promiseStatus}. */
export interface PromiseStatusOptions {
  /** Evaluation instant (ISO with offset), or an ISO date meaning the end of that local day. */
  asOf: string;
  /** Days after the promised date a payment still counts toward the promise. Default 2. */
  graceDays?: number;
}

/** One promise to pay and how it stands. */
export interface PromiseRecord {
  /** Index of the contact that made the promise in `account.contacts`. */
  contactIndex: number;
  /** The contact's `at`, as given. */
  madeAt: string;
  /** The borrower's local date of that contact. */
  madeOn: string;
  dueDate: string;
  /** Last date a payment counts toward the promise: `dueDate` + grace. */
  lastPaymentDate: string;
  amount: string;
  /** Payments matched to this promise so far (never more than `amount`). */
  matched: string;
  status: PromiseState;
}

/** What {@link promiseStatus} returns. */
export interface PromiseSummary {
  asOf: string;
  graceDays: number;
  /** Every promise made on or before `asOf`, oldest first. */
  promises: PromiseRecord[];
  /** Promises made in the last 90 local days (today included), by status. */
  last90Days: { made: number; kept: number; partiallyKept: number; broken: number; pending: number };
  /** The latest pending promise, if any. */
  active: PromiseRecord | null;
}

/**
 * Days after a promised date during which a payment still keeps the promise, unless the
 * `graceDays` / `promiseGraceDays` option says otherwise.
 *
 * @example
 * promiseStatus(account, { asOf, graceDays: DEFAULT_PROMISE_GRACE_DAYS + 1 });
 */
export const DEFAULT_PROMISE_GRACE_DAYS = 2;

const PENDING = 0,
  KEPT = 1,
  PARTIAL = 2,
  BROKEN = 3;
const STATES: readonly PromiseState[] = ["pending", "kept", "partially_kept", "broken"];

/** Integer result of the promise matching. @internal */
export interface PromiseCounters {
  /** Promises made on or before asOf (a prefix of `PreparedActivity.promises`). */
  count: number;
  status: number[];
  matched: number[];
  made90: number;
  kept90: number;
  partial90: number;
  broken90: number;
  pending90: number;
  /** Index (into the prefix) of the latest pending promise, or -1. */
  active: number;
  /** The borrower's local day each promise was made. */
  madeDay: number[];
}

/** The matching core shared by {@link promiseStatus} and `deriveFacts`. @internal */
export function evaluatePromises(p: PreparedAccount, asOf: AsOf, graceDays: number): PromiseCounters {
  const ps = p.promises;
  const { ms: asOfMs, day: today, clock } = asOf;
  let count = 0;
  while (count < ps.length && ps[count]!.ms <= asOfMs) count++;
  const status: number[] = new Array(count);
  const matched: number[] = new Array(count);
  const madeDay: number[] = new Array(count);
  const res: PromiseCounters = {
    count,
    status,
    matched,
    made90: 0,
    kept90: 0,
    partial90: 0,
    broken90: 0,
    pending90: 0,
    active: -1,
    madeDay,
  };
  if (count === 0) return res;

  const payDay = p.payments.day;
  let nPay = 0;
  while (nPay < payDay.length && payDay[nPay]! <= today) nPay++; // payments after asOf do not exist yet
  const left = p.payments.amount.slice(0, nPay);

  for (let k = 0; k < count; k++) {
    const pr = ps[k]!;
    const made = (madeDay[k] = clock.localDay(pr.ms));
    const last = pr.dueDay + graceDays;
    const end = last < today ? last : today;
    let got = 0;
    // Oldest unmatched money in [made, end] first; a payment split between promises counts once.
    for (let j = 0; j < nPay && got < pr.amount; j++) {
      const d = payDay[j]!;
      if (d < made) continue;
      if (d > end) break;
      const l = left[j]!;
      if (l <= 0) continue;
      const take = l < pr.amount - got ? l : pr.amount - got;
      left[j] = l - take;
      got += take;
    }
    matched[k] = got;
    const s = got >= pr.amount ? KEPT : today <= last ? PENDING : got > 0 ? PARTIAL : BROKEN;
    status[k] = s;
    if (s === PENDING) res.active = k;
    if (today - made < 90) {
      res.made90++;
      if (s === KEPT) res.kept90++;
      else if (s === PARTIAL) res.partial90++;
      else if (s === BROKEN) res.broken90++;
      else res.pending90++;
    }
  }
  return res;
}

const PromiseOptionsSchema = z.strictObject({
  asOf: AsOfSchema,
  graceDays: z.number().int().min(0).max(3650).optional(),
});

/**
 * Every promise to pay (a contact with a `promise`) and how it stands at `asOf`.
 *
 * - `kept`: payments matched to the promise reach its amount (possibly before the date);
 * - `pending`: not yet paid in full and the promised date plus `graceDays` has not passed;
 * - `partially_kept`: the date plus grace passed with some money matched;
 * - `broken`: the date plus grace passed with nothing matched.
 *
 * Matching rule: promises are taken in the order they were made; each takes, oldest first,
 * the still-unmatched money of payments dated from the local date of the promise's contact
 * through its date plus grace (and not after the evaluation date). A payment larger than a
 * promise leaves its remainder for later promises; no money is counted twice. Payments dated
 * after the evaluation date and contacts after `asOf` are ignored. The 90-day counts cover
 * promises made in the last 90 local days, today included; `active` is the latest pending one.
 *
 * @throws {ArrearsError} `INVALID_ACCOUNT` for malformed account JSON, `INVALID_OPTIONS` for bad options.
 *
 * @example
 * const s = promiseStatus(account, { asOf: "2026-11-23T10:00:00+08:00" });
 * s.promises[0].status;   // "partially_kept"
 * s.promises[0].matched;  // "300.00"
 * s.active?.dueDate;      // "2026-11-25"
 */
export function promiseStatus(account: unknown, options: PromiseStatusOptions): PromiseSummary {
  parseOptions(PromiseOptionsSchema, options, "promiseStatus options");
  const a = parseAccount(account);
  const asOf = resolveAsOf(options.asOf, a.timeZone);
  const graceDays = options.graceDays ?? DEFAULT_PROMISE_GRACE_DAYS;
  const p = prepareAccount(a);
  const r = evaluatePromises(p, asOf, graceDays);
  const promises: PromiseRecord[] = [];
  for (let k = 0; k < r.count; k++) {
    const pr = p.promises[k]!;
    promises.push({
      contactIndex: pr.index,
      madeAt: pr.at,
      madeOn: formatIsoDate(r.madeDay[k]!),
      dueDate: pr.dueDate,
      lastPaymentDate: formatIsoDate(pr.dueDay + graceDays),
      amount: formatMinor(pr.amount, p.digits),
      matched: formatMinor(r.matched[k]!, p.digits),
      status: STATES[r.status[k]!]!,
    });
  }
  return {
    asOf: asOf.iso,
    graceDays,
    promises,
    last90Days: {
      made: r.made90,
      kept: r.kept90,
      partiallyKept: r.partial90,
      broken: r.broken90,
      pending: r.pending90,
    },
    active: r.active < 0 ? null : promises[r.active]!,
  };
}
