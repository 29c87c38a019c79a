import * as z from "zod";
import { ArrearsError, readInput } from "../errors/index.js";
import { optionsError } from "../errors/options.js";
import {
  type Account,
  AmountSchema,
  type AmountsByComponent,
  AsOfSchema,
  isParsedAccount,
  LedgerSweep,
  type PreparedAccount,
  type PreparedDues,
  parseAccount,
  prepareAccount,
} from "../model/index.js";
import { formatMinor, isAmountInRange, minorUnitsAt } from "../money/index.js";
import { formatIsoDate, monthEndsBefore, parseIsoDate, resolveAsOf } from "../time/index.js";
import { BUCKET_SCHEMES, type BucketScheme, lookup, resolveBucketScheme } from "./scheme.js";
import type { Delinquency, DelinquencyOptions } from "./types.js";

/**
 * Months of cycle history kept (like a bureau payment profile).
 *
 * @example
 * deriveDelinquency(account, { asOf }).cycleHistory.length <= CYCLE_HISTORY_MONTHS; // true
 */
const CYCLE_HISTORY_MONTHS = 24;
/**
 * Highest cycle status (330+ days past due); the snapshot schema caps at the same value.
 *
 * @example
 * cycleStatus(1000) === MAX_CYCLE_STATUS; // true
 */
const MAX_CYCLE_STATUS = 12;

/**
 * Cycle status of a DPD, as in a bureau payment profile: 0 current, 1 = 1–29 days late,
 * 2 = 30–59, 3 = 60–89 … capped at 12 (330+ days).
 *
 * @example
 * cycleStatus(0); // 0
 * cycleStatus(29); // 1
 * cycleStatus(30); // 2
 */
export function cycleStatus(dpd: number): number {
  if (!(dpd > 0)) return 0;
  const s = Math.floor(dpd / 30) + 1;
  return s > MAX_CYCLE_STATUS ? MAX_CYCLE_STATUS : s;
}

/**
 * zod schema of {@link DelinquencyOptions} (used for error reporting; the hot path checks by hand).
 *
 * @example
 * DelinquencyOptionsSchema.safeParse({ asOf: "2026-11-23", graceDays: 3 }).success; // true
 */
export const DelinquencyOptionsSchema = z.strictObject({
  asOf: AsOfSchema,
  scheme: z.unknown().optional(),
  graceDays: z.number().int().min(0).max(3650).optional(),
  tolerance: AmountSchema.optional(),
});

const OPTION_KEYS = new Set(["asOf", "scheme", "graceDays", "tolerance"]);

// The per-account hot path checks the common options by hand; zod explains a failure.
function fastOptionsOk(o: unknown): o is DelinquencyOptions {
  if (typeof o !== "object" || o === null) return false;
  const x = o as Record<string, unknown>;
  if (typeof x.asOf !== "string") return false;
  const g = x.graceDays;
  if (g !== undefined && !(typeof g === "number" && Number.isInteger(g) && g >= 0 && g <= 3650)) return false;
  if (x.tolerance !== undefined && !isAmountInRange(x.tolerance)) return false;
  for (const k in x) if (!OPTION_KEYS.has(k)) return false;
  return true;
}

// The options as checked: each field read once, so what runs is what was validated (a getter
// could answer differently the second time).
function checkedOptions(options: unknown): DelinquencyOptions {
  if (typeof options === "object" && options !== null) {
    const x = options as Record<string, unknown>;
    const copy = { asOf: x.asOf, scheme: x.scheme, graceDays: x.graceDays, tolerance: x.tolerance };
    let known = true;
    for (const k in x) if (!OPTION_KEYS.has(k)) known = false;
    if (known && fastOptionsOk(copy)) return copy as DelinquencyOptions;
  }
  throw optionsError(DelinquencyOptionsSchema, options, "deriveDelinquency options");
}

// Month ends and the ISO form depend only on the evaluation date: computed once per date.
let lastCalendar: { day: number; iso: string; monthEnds: number[] } | undefined;
function calendarOf(day: number): { day: number; iso: string; monthEnds: number[] } {
  if (lastCalendar?.day !== day)
    lastCalendar = { day, iso: formatIsoDate(day), monthEnds: monthEndsBefore(day, CYCLE_HISTORY_MONTHS - 1) };
  return lastCalendar;
}

/**
 * Days past due, bucket, overdue and outstanding amounts, and monthly cycle history of an
 * account on the borrower's local date of `asOf`. `account` is a parsed account or raw JSON
 * (validated first). Counting rules (documented choices):
 *
 * - **Payments** dated after the evaluation date are ignored (back-testing gives the answer the
 *   lender would have had then). Payments go to the oldest dues first; money beyond the dues
 *   fallen due so far is a credit against later dues. Within a due, a payment covers fees, then
 *   interest, then principal; any part of `amount` not broken down counts as principal.
 * - **DPD**: calendar days from the oldest due (on or before the evaluation date) at which the
 *   unpaid remainders, added up oldest first, exceed `tolerance`, to the evaluation date; the due
 *   date itself is day 0. So arrears totalling no more than the tolerance give DPD 0, and many
 *   small unpaid dues cannot hide behind it one by one (the tolerance bounds their total).
 * - **Grace**: `inGrace` when 1 ≤ dpd ≤ graceDays. Grace never stops DPD counting.
 * - **Overdue** is the exact unpaid part of dues fallen due (tolerance does not hide money owed)
 *   plus all of `balance.penaltyInterest`, which is charged on arrears. **Outstanding** is
 *   `balance` by component.
 * - **Cycle history**, newest first, up to 24 entries: entry 0 is the status on the evaluation
 *   date, entry k the status at the end of the k-th calendar month before it (months ending
 *   before `openedOn` are unknown and left out). Status = {@link cycleStatus} of the DPD then,
 *   computed with the payments made by that day, in one sweep.
 * - **Snapshot** accounts (no `dues`): `dpd` ages by the calendar days from `snapshot.asOf` to
 *   the evaluation date when it is above 0 (never un-aged for an earlier date); `tolerance`
 *   does not apply (the lender's DPD stands); `overdue` as given (a bare total leaves the
 *   components at 0 and `overdueComponentsKnown` false); `outstanding` total from the
 *   snapshot, else the sum of `balance`; `cycleHistory` as given with entry 0 taken as the
 *   current month and raised to the current status when delinquent. With both dues and a
 *   snapshot, the dues win (the account schema checks they agree).
 * - `cleanCyclesBeforeDelinquency`: consecutive status-0 entries right after the current
 *   episode (the leading run of entries ≥ 1); 0 when not delinquent. `firstDelinquency`:
 *   delinquent now and no entry ≥ 1 before the current episode.
 *
 * @throws {ArrearsError} `INVALID_OPTIONS` (bad `asOf`, `graceDays`, `tolerance`, unknown key),
 * `INVALID_INPUT`/`INVALID_BUCKET_SCHEME` (bad `scheme`), `INVALID_ACCOUNT` (raw account JSON).
 *
 * @example
 * const account = parseAccount({ id: "A1", product: "installment", currency: "CNY", openedOn: "2026-01-01",
 *   timeZone: "Asia/Shanghai", balance: { principal: "9000.00" },
 *   dues: [{ dueDate: "2026-10-15", amount: "1000.00" }, { dueDate: "2026-11-15", amount: "1000.00" }],
 *   payments: [{ date: "2026-10-20", amount: "400.00" }] });
 * const d = deriveDelinquency(account, { asOf: "2026-11-23T09:30:00+08:00" });
 * d.dpd; // 39 (2026-10-15 → 2026-11-23)
 * d.bucket; // "M2"
 * d.overdue.total; // "1600.00"
 */
export function deriveDelinquency(account: Account | unknown, options: DelinquencyOptions): Delinquency {
  const o = readInput("INVALID_OPTIONS", "deriveDelinquency options", () => checkedOptions(options));
  const a = isParsedAccount(account) ? account : readInput("INVALID_ACCOUNT", "account", () => parseAccount(account));
  const day = resolveAsOf(o.asOf, a.timeZone).day;
  const scheme = o.scheme === undefined ? BUCKET_SCHEMES["cn-m"] : resolveBucketScheme(o.scheme, SCHEME_PATH);
  const graceDays = o.graceDays ?? 0;
  const p = prepareAccount(a);
  const tol =
    o.tolerance === undefined
      ? 0
      : minorUnitsAt(o.tolerance, p.currency, p.digits, ["tolerance"], "INVALID_OPTIONS", "deriveDelinquency options");
  return p.dues !== null
    ? fromDues(a, p, p.dues, day, tol, graceDays, scheme)
    : fromSnapshot(a, p, day, graceDays, scheme);
}

function fromDues(
  a: Account,
  p: PreparedAccount,
  d: PreparedDues,
  E: number,
  T: number,
  graceDays: number,
  scheme: BucketScheme,
): Delinquency {
  const { day: dueDay, amount, cum, fees: dueFees, interest: dueInterest } = d;

  // Month-ends before the evaluation month (oldest first), not before opening, then E itself.
  const ends = calendarOf(E).monthEnds;
  let first = 0;
  while (first < ends.length && ends[first]! < p.openedDay) first++;
  const n = ends.length - first + 1;

  // One sweep over ascending sample days (see LedgerSweep).
  const history = new Array<number>(n);
  const sweep = new LedgerSweep(d, p.payments, T);
  let dpd = 0;
  for (let s = 0; s < n; s++) {
    dpd = sweep.dpdAt(s === n - 1 ? E : ends[first + s]!);
    history[n - 1 - s] = cycleStatus(dpd);
  }
  const { paid, fallen: di, oldest: j } = sweep;

  // Overdue by component: only a suffix of the fallen-due dues has anything left.
  let oFees = 0,
    oInterest = 0,
    oPrincipal = 0;
  for (let i = di - 1; i >= 0; i--) {
    const left = cum[i]! - paid;
    if (left <= 0) break;
    const amt = amount[i]!;
    const rem = left < amt ? left : amt;
    const paidInto = amt - rem;
    const f = dueFees[i]!,
      it = dueInterest[i]!;
    const uf = paidInto >= f ? 0 : f - paidInto;
    const afterFees = paidInto > f ? paidInto - f : 0;
    const ui = afterFees >= it ? 0 : it - afterFees;
    oFees += uf;
    oInterest += ui;
    oPrincipal += rem - uf - ui;
  }
  const pen = p.balance.penaltyInterest;
  const overdue = amounts(p, oPrincipal, oInterest, pen, oFees, oPrincipal + oInterest + pen + oFees, DUES_PATH);
  const res = finish(a, dpd, graceDays, scheme, history, overdue, { ...p.outstanding }, "dues", E);
  res.oldestUnpaidDueDate = j < di ? formatIsoDate(dueDay[j]!) : null;
  return res;
}

function fromSnapshot(a: Account, p: PreparedAccount, E: number, graceDays: number, scheme: BucketScheme): Delinquency {
  const snap = a.delinquency!;
  const taken = snap.asOf === undefined ? E : parseIsoDate(snap.asOf);
  const dpd = snap.dpd > 0 && E > taken ? snap.dpd + (E - taken) : snap.dpd;
  let overdue: AmountsByComponent;
  let known = true;
  if (typeof snap.overdue === "object") {
    const o = snap.overdue;
    const pr = accountMinor(p, o.principal, "delinquency", "overdue", "principal");
    const it = accountMinor(p, o.interest, "delinquency", "overdue", "interest");
    const pe = accountMinor(p, o.penaltyInterest, "delinquency", "overdue", "penaltyInterest");
    const fe = accountMinor(p, o.fees, "delinquency", "overdue", "fees");
    overdue = amounts(p, pr, it, pe, fe, pr + it + pe + fe, ["delinquency", "overdue"]);
  } else {
    known = false;
    overdue = amounts(p, 0, 0, 0, 0, accountMinor(p, snap.overdue, "delinquency", "overdue"), [
      "delinquency",
      "overdue",
    ]);
  }
  const outstanding = { ...p.outstanding };
  if (snap.outstanding !== undefined)
    outstanding.total = checked(p, accountMinor(p, snap.outstanding, "delinquency", "outstanding"), [
      "delinquency",
      "outstanding",
    ]);
  const history = snap.cycleHistory ? snap.cycleHistory.slice(0, CYCLE_HISTORY_MONTHS) : [];
  const now = cycleStatus(dpd);
  if (history.length === 0) history.push(now);
  else if (dpd > 0 && history[0]! < now) history[0] = now;
  const res = finish(a, dpd, graceDays, scheme, history, overdue, outstanding, "snapshot", E);
  res.overdueComponentsKnown = known;
  return res;
}

function finish(
  a: Account,
  dpd: number,
  graceDays: number,
  scheme: BucketScheme,
  history: number[],
  overdue: AmountsByComponent,
  outstanding: AmountsByComponent,
  source: "dues" | "snapshot",
  E: number,
): Delinquency {
  const b = lookup(scheme, dpd, a.product);
  let d12 = 0,
    d24 = 0,
    worst12 = 0;
  for (let i = 0; i < history.length; i++) {
    const h = history[i]!;
    if (h > 0) {
      d24++;
      if (i < 12) d12++;
    }
    if (i < 12 && h > worst12) worst12 = h;
  }
  let clean = 0;
  let first = false;
  if (dpd > 0) {
    let i = 0;
    while (i < history.length && history[i]! > 0) i++;
    while (i < history.length && history[i] === 0) {
      clean++;
      i++;
    }
    first = i === history.length;
  }
  return {
    dpd,
    inGrace: dpd >= 1 && dpd <= graceDays,
    bucket: b.bucket,
    bucketIndex: b.bucketIndex,
    chargeOffDue: b.chargeOffDue,
    oldestUnpaidDueDate: null,
    overdue,
    outstanding,
    cycleHistory: history,
    cyclesDelinquent12m: d12,
    worstCycle12m: worst12,
    cyclesDelinquent24m: d24,
    cleanCyclesBeforeDelinquency: clean,
    firstDelinquency: first,
    source,
    asOfDate: calendarOf(E).iso,
    scheme: scheme.id,
    overdueComponentsKnown: true,
  };
}

const DUES_PATH = ["dues"];

function accountMinor(p: PreparedAccount, v: string | number, ...path: (string | number)[]): number {
  return minorUnitsAt(v, p.currency, p.digits, path, "INVALID_ACCOUNT", `account ${JSON.stringify(p.id)}`);
}
const SCHEME_PATH = ["scheme"];

function checked(p: PreparedAccount, minor: number, path: (string | number)[]): string {
  if (!Number.isSafeInteger(minor))
    throw new ArrearsError(
      "INVALID_ACCOUNT",
      [{ path, message: "amounts too large to total exactly (over 2^53 minor units)" }],
      `account ${JSON.stringify(p.id)}`,
    );
  return formatMinor(minor, p.digits);
}

function amounts(
  p: PreparedAccount,
  principal: number,
  interest: number,
  penaltyInterest: number,
  fees: number,
  total: number,
  at: (string | number)[],
): AmountsByComponent {
  return {
    principal: checked(p, principal, at),
    interest: checked(p, interest, at),
    penaltyInterest: checked(p, penaltyInterest, at),
    fees: checked(p, fees, at),
    total: checked(p, total, at),
  };
}
