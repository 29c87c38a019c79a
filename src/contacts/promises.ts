import * as z from "zod";
import { contractInstallmentAt } from "../arrangements/contract.js";
import { parseOptions } from "../errors/options.js";
import { type Account, AsOfSchema, LedgerSweep, type PreparedAccount, prepareAccount } from "../model/index.js";
import { Dec, formatMinor, isAmountLike, minorUnitsAt } from "../money/index.js";
import { type AsOf, formatIsoDate, resolveAsOf } from "../time/index.js";
import { accountInput } from "./input.js";

/** Status of a promise to pay at the evaluation date. */
export type PromiseState = "pending" | "kept" | "partially_kept" | "broken";

/**
 * When a promise to pay is valid, i.e. pauses other treatment (oracle P1). Both limits are off
 * by default (every promise is valid). An invalid promise is still recorded and later counted
 * as kept or broken; it just does not make `active`.
 *
 * - `minAmountShare`: the promise must be at least this share of the smaller of (a) the overdue
 *   amount on the day it was made (dues fallen due by that local day minus payments made by
 *   then; a snapshot account's `overdue`) and (b) one contract installment (the most recent due
 *   on or before that day, else the next; none for a snapshot account). The smaller of the two,
 *   so that a borrower far behind is not asked to promise all the arrears at once, and one
 *   slightly behind need not promise a whole installment. The minimum is rounded up to the
 *   minor unit; with nothing overdue it is 0. `1` = P1.
 * - `maxHorizonDays`: the promised date may be at most this many days after the local day the
 *   promise was made. `14` = P1.
 *
 * @example
 * promiseStatus(account, { asOf, minAmountShare: 1, maxHorizonDays: 14 });
 */
export interface PromiseValidity {
  minAmountShare?: string | number | undefined;
  maxHorizonDays?: number | undefined;
}

/** Options of {@link promiseStatus}. */
export interface PromiseStatusOptions extends PromiseValidity {
  /** Evaluation instant (ISO with offset), or an ISO date meaning the end of that local day. */
  asOf: string;
  /** Days after the promised date a payment still counts toward the promise. Default 2. */
  graceDays?: number;
}

/** Why a promise is not valid (see {@link PromiseValidity}); the amount is checked first. */
export type PromiseInvalidReason = "amount_below_minimum" | "date_beyond_horizon";

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
  /** Whether the promise met the validity limits when it was made (always true without limits). */
  valid: boolean;
  /** Why it is not valid, or null. */
  invalidReason: PromiseInvalidReason | null;
  /** The smallest valid amount when it was made (with `minAmountShare`), else null. */
  minimumAmount: string | null;
  /** Days from the day it was made to the promised date. */
  horizonDays: number;
}

/** What {@link promiseStatus} returns. */
export interface PromiseSummary {
  asOf: string;
  graceDays: number;
  /** The validity limits applied (null = none). */
  validity: { minAmountShare: string | null; maxHorizonDays: number | null };
  /** Every promise made on or before `asOf`, oldest first. */
  promises: PromiseRecord[];
  /**
   * Promises made in the last 90 local days (today included), by status; `invalid` counts those
   * among them that were not valid (whatever their status).
   */
  last90Days: { made: number; kept: number; partiallyKept: number; broken: number; pending: number; invalid: number };
  /** The latest pending valid promise, if any: the one that pauses other treatment. */
  active: PromiseRecord | null;
  /** The latest pending promise that is not valid, if any (recorded; collection continues). */
  invalidPending: PromiseRecord | null;
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
const VALID = 0,
  LOW_AMOUNT = 1,
  FAR_DATE = 2;
const INVALID_REASONS: readonly (PromiseInvalidReason | null)[] = [null, "amount_below_minimum", "date_beyond_horizon"];

/** Validity limits prepared for {@link evaluatePromises}. @internal */
export interface PromiseValidityRules {
  minAmountShare: Dec | null;
  maxHorizonDays: number | null;
  /** A snapshot account's overdue total (minor units), the overdue base without dues. */
  snapshotOverdue: number;
}

/** Validity limits of an account, or null when there are none (every promise valid). @internal */
export function promiseValidityRules(
  a: Account,
  p: PreparedAccount,
  v: PromiseValidity | undefined,
): PromiseValidityRules | null {
  if (v === undefined || (v.minAmountShare === undefined && v.maxHorizonDays === undefined)) return null;
  let snapshotOverdue = 0;
  const o = a.delinquency?.overdue;
  if (p.dues === null && o !== undefined) {
    const m = (x: string | number, ...path: (string | number)[]) =>
      minorUnitsAt(
        x,
        p.currency,
        p.digits,
        ["delinquency", "overdue", ...path],
        "INVALID_ACCOUNT",
        `account ${JSON.stringify(p.id)}`,
      );
    snapshotOverdue =
      typeof o === "object"
        ? m(o.principal, "principal") +
          m(o.interest, "interest") +
          m(o.penaltyInterest, "penaltyInterest") +
          m(o.fees, "fees")
        : m(o);
  }
  return {
    minAmountShare: v.minAmountShare === undefined ? null : new Dec(String(v.minAmountShare)),
    maxHorizonDays: v.maxHorizonDays ?? null,
    snapshotOverdue,
  };
}

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
  /** Of the promises made in 90 days, those not valid. */
  invalid90: number;
  /** Index (into the prefix) of the latest pending valid promise, or -1. */
  active: number;
  /** Index of the latest pending promise that is not valid, or -1. */
  invalidPending: number;
  /** The borrower's local day each promise was made. */
  madeDay: number[];
  /** Per promise: 0 valid, 1 amount below the minimum, 2 date beyond the horizon. */
  invalid: number[];
  /** Per promise: the smallest valid amount (minor units), or -1 without `minAmountShare`. */
  minimum: number[];
}

/** The matching core shared by {@link promiseStatus} and `deriveFacts`. @internal */
export function evaluatePromises(
  p: PreparedAccount,
  asOf: AsOf,
  graceDays: number,
  validity: PromiseValidityRules | null = null,
): PromiseCounters {
  const ps = p.promises;
  const { ms: asOfMs, day: today, clock } = asOf;
  let count = 0;
  while (count < ps.length && ps[count]!.ms <= asOfMs) count++;
  const status: number[] = new Array(count);
  const matched: number[] = new Array(count);
  const madeDay: number[] = new Array(count);
  const invalid: number[] = new Array(count).fill(VALID);
  const minimum: number[] = new Array(count).fill(-1);
  const res: PromiseCounters = {
    count,
    status,
    matched,
    made90: 0,
    kept90: 0,
    partial90: 0,
    broken90: 0,
    pending90: 0,
    invalid90: 0,
    active: -1,
    invalidPending: -1,
    madeDay,
    invalid,
    minimum,
  };
  if (count === 0) return res;
  // Overdue on the day each promise was made: promises come in time order, so one sweep.
  const sweep = validity?.minAmountShare != null && p.dues !== null ? new LedgerSweep(p.dues, p.payments) : null;

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
    if (validity !== null) {
      const share = validity.minAmountShare;
      if (share !== null) {
        let base: number;
        if (sweep !== null) {
          sweep.dpdAt(made);
          base = sweep.arrears();
        } else base = validity.snapshotOverdue;
        const installment = contractInstallmentAt(p, made);
        if (installment !== null && installment < base) base = installment;
        const min = base <= 0 ? 0 : share.times(base).ceil().toNumber();
        minimum[k] = min;
        if (pr.amount < min) invalid[k] = LOW_AMOUNT;
      }
      if (invalid[k] === VALID && validity.maxHorizonDays !== null && pr.dueDay - made > validity.maxHorizonDays)
        invalid[k] = FAR_DATE;
    }
    if (s === PENDING) {
      if (invalid[k] === VALID) res.active = k;
      else res.invalidPending = k;
    }
    if (today - made < 90) {
      if (invalid[k] !== VALID) res.invalid90++;
      res.made90++;
      if (s === KEPT) res.kept90++;
      else if (s === PARTIAL) res.partial90++;
      else if (s === BROKEN) res.broken90++;
      else res.pending90++;
    }
  }
  return res;
}

/** A share between 0 and 1 inclusive (decimal string or number). @internal */
const ShareSchema = z.custom<string | number>(
  (v) => isAmountLike(v) && !String(v).startsWith("-") && Number(v) >= 0 && Number(v) <= 1,
  { message: 'expected a share between 0 and 1 (decimal string like "0.5" or number)' },
);

/** zod schema of {@link PromiseValidity}. @internal */
export const PromiseValiditySchema = z.strictObject({
  minAmountShare: ShareSchema.optional(),
  maxHorizonDays: z.number().int().min(0).max(3650).optional(),
});

const PromiseOptionsSchema = z.strictObject({
  asOf: AsOfSchema,
  graceDays: z.number().int().min(0).max(3650).optional(),
  ...PromiseValiditySchema.shape,
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
 * promises made in the last 90 local days, today included.
 *
 * Validity (options `minAmountShare`, `maxHorizonDays`; see {@link PromiseValidity}): each
 * promise is marked `valid` or not, with `invalidReason`. `active` is the latest pending
 * **valid** promise (the one that pauses collection); `invalidPending` the latest pending one
 * that is not valid. Without the options every promise is valid.
 *
 * @throws {ArrearsError} `INVALID_ACCOUNT` for malformed account JSON, `INVALID_OPTIONS` for bad options.
 *
 * @example
 * const s = promiseStatus(account, { asOf: "2026-11-23T10:00:00+08:00" });
 * s.promises[0].status;   // "partially_kept"
 * s.promises[0].matched;  // "300.00"
 * s.active?.dueDate;      // "2026-11-25"
 * // ¥1 promised for 60 days ahead, with the oracle's P1 limits:
 * const p1 = promiseStatus(account, { asOf, minAmountShare: 1, maxHorizonDays: 14 });
 * p1.promises[0].invalidReason; // "amount_below_minimum"
 * p1.active;                    // null: collection continues
 */
export function promiseStatus(account: unknown, options: PromiseStatusOptions): PromiseSummary {
  // The validated copy, never `options` again: a getter could answer differently the second time.
  const o = parseOptions(PromiseOptionsSchema, options, "promiseStatus options");
  const a = accountInput(account);
  const asOf = resolveAsOf(o.asOf, a.timeZone);
  const graceDays = o.graceDays ?? DEFAULT_PROMISE_GRACE_DAYS;
  const p = prepareAccount(a);
  const r = evaluatePromises(p, asOf, graceDays, promiseValidityRules(a, p, o));
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
      valid: r.invalid[k] === VALID,
      invalidReason: INVALID_REASONS[r.invalid[k]!]!,
      minimumAmount: r.minimum[k]! < 0 ? null : formatMinor(r.minimum[k]!, p.digits),
      horizonDays: pr.dueDay - r.madeDay[k]!,
    });
  }
  return {
    asOf: asOf.iso,
    graceDays,
    validity: {
      minAmountShare: options.minAmountShare === undefined ? null : new Dec(String(options.minAmountShare)).toString(),
      maxHorizonDays: options.maxHorizonDays ?? null,
    },
    promises,
    last90Days: {
      made: r.made90,
      kept: r.kept90,
      partiallyKept: r.partial90,
      broken: r.broken90,
      pending: r.pending90,
      invalid: r.invalid90,
    },
    active: r.active < 0 ? null : promises[r.active]!,
    invalidPending: r.invalidPending < 0 ? null : promises[r.invalidPending]!,
  };
}
