import * as z from "zod";
import { ArrearsError } from "../errors/index.js";
import { parseOptions } from "../errors/options.js";
import {
  type Account,
  type ARRANGEMENT_KINDS,
  AsOfSchema,
  isParsedAccount,
  isTransient,
  type PreparedAccount,
  parseAccount,
  prepareAccount,
} from "../model/index.js";
import { formatMinor, minorUnitsAt } from "../money/index.js";
import { type AsOf, formatIsoDate, parseIsoDate, resolveAsOf } from "../time/index.js";

/**
 * How an arrangement stands (oracle P13, with its numbers as options):
 * - `completed`: every installment is paid in full (wins over everything else);
 * - `broken`: `brokenAfterMissed` installments were unpaid past their grace at the same time, or
 *   one was still unpaid more than `brokenAfterDaysLate` days after its due date; a broken
 *   arrangement stays broken (until it is completed);
 * - `at_risk`: not broken, and an installment is past its grace without being paid in full;
 * - `on_track`: otherwise.
 */
export const ARRANGEMENT_STATES = ["on_track", "at_risk", "broken", "completed"] as const;
export type ArrangementState = (typeof ARRANGEMENT_STATES)[number];

/**
 * How one installment of an arrangement stands: `paid` (in full, possibly late or early),
 * `pending` (not paid in full and its due date plus grace has not passed), `short` (grace passed
 * with part paid), `missed` (grace passed with nothing paid).
 */
export type ArrangementInstallmentState = "paid" | "short" | "missed" | "pending";

/** The numbers of the arrangement lifecycle. */
export interface ArrangementRules {
  /** Days after an installment's due date that a payment is still on time. */
  graceDays: number;
  /** Installments unpaid past their grace at the same time that break the arrangement. */
  brokenAfterMissed: number;
  /** An installment still unpaid this many days after its due date, and one more, breaks it. */
  brokenAfterDaysLate: number;
}

/**
 * The defaults (oracle P13): 2 days' grace, broken at 2 missed installments or one unpaid more
 * than 30 days.
 *
 * @example
 * arrangementStatus(account, { asOf, ...DEFAULT_ARRANGEMENT_RULES, graceDays: 0 });
 */
export const DEFAULT_ARRANGEMENT_RULES: Readonly<ArrangementRules> = Object.freeze({
  graceDays: 2,
  brokenAfterMissed: 2,
  brokenAfterDaysLate: 30,
});

const Days = z.number().int().min(0).max(3650);
/** zod schema of the tracking numbers (each optional; defaults {@link DEFAULT_ARRANGEMENT_RULES}). @internal */
export const ArrangementRulesSchema = z.strictObject({
  graceDays: Days.optional(),
  brokenAfterMissed: z.number().int().min(1).max(600).optional(),
  brokenAfterDaysLate: Days.optional(),
});

/** The tracking numbers with defaults filled in. @internal */
export function arrangementRulesOf(o: {
  graceDays?: number | undefined;
  brokenAfterMissed?: number | undefined;
  brokenAfterDaysLate?: number | undefined;
}): ArrangementRules {
  return {
    graceDays: o.graceDays ?? DEFAULT_ARRANGEMENT_RULES.graceDays,
    brokenAfterMissed: o.brokenAfterMissed ?? DEFAULT_ARRANGEMENT_RULES.brokenAfterMissed,
    brokenAfterDaysLate: o.brokenAfterDaysLate ?? DEFAULT_ARRANGEMENT_RULES.brokenAfterDaysLate,
  };
}

// ---------- the prepared view of the arrangements (integers, sorted by agreement) ----------

/** An arrangement in integers. @internal */
interface PreparedArrangement {
  readonly index: number;
  readonly id: string;
  readonly kind: (typeof ARRANGEMENT_KINDS)[number];
  readonly agreedDay: number;
  readonly endedDay: number | null;
  readonly day: readonly number[];
  readonly amount: readonly number[];
  /** Running total of `amount` through each installment. */
  readonly cum: readonly number[];
  readonly total: number;
  readonly waiver: { readonly penaltyInterest: number; readonly fees: number } | null;
}

const cache = new WeakMap<Account, readonly PreparedArrangement[]>();
const NONE: readonly PreparedArrangement[] = Object.freeze([]);

/** The account's arrangements in integers, sorted by agreement day (ties keep input order). @internal */
function preparedArrangements(a: Account, p: PreparedAccount): readonly PreparedArrangement[] {
  if (a.arrangements.length === 0) return NONE;
  const keep = !isTransient(a);
  let out = keep ? cache.get(a) : undefined;
  if (out !== undefined) return out;
  const context = `account ${JSON.stringify(a.id)}`;
  const minor = (v: string | number, ...path: (string | number)[]): number =>
    minorUnitsAt(v, p.currency, p.digits, path, "INVALID_ACCOUNT", context);
  out = a.arrangements
    .map((r, index): PreparedArrangement => {
      const n = r.schedule.length;
      const day = new Array<number>(n);
      const amount = new Array<number>(n);
      const cum = new Array<number>(n);
      let total = 0;
      for (let i = 0; i < n; i++) {
        const x = r.schedule[i]!;
        day[i] = parseIsoDate(x.dueDate);
        amount[i] = minor(x.amount, "arrangements", index, "schedule", i, "amount");
        cum[i] = total += amount[i]!;
      }
      if (!Number.isSafeInteger(total))
        throw new ArrearsError(
          "INVALID_ACCOUNT",
          [{ path: ["arrangements", index, "schedule"], message: "amounts too large to total exactly" }],
          context,
        );
      const w = r.conditionalWaiver;
      return {
        index,
        id: r.id,
        kind: r.kind,
        agreedDay: parseIsoDate(r.agreedOn),
        endedDay: r.endedOn === undefined ? null : parseIsoDate(r.endedOn),
        day,
        amount,
        cum,
        total,
        waiver:
          w === undefined
            ? null
            : {
                penaltyInterest:
                  w.penaltyInterest === undefined
                    ? 0
                    : minor(w.penaltyInterest, "arrangements", index, "conditionalWaiver", "penaltyInterest"),
                fees: w.fees === undefined ? 0 : minor(w.fees, "arrangements", index, "conditionalWaiver", "fees"),
              },
      };
    })
    .sort((x, y) => x.agreedDay - y.agreedDay || x.index - y.index);
  if (keep && Object.isFrozen(a)) cache.set(a, out);
  return out;
}

// ---------- the tracking core ----------

const PAID = 0,
  SHORT = 1,
  MISSED = 2,
  PENDING = 3;
const INSTALLMENT_STATES: readonly ArrangementInstallmentState[] = ["paid", "short", "missed", "pending"];

/** One arrangement tracked at a day, in integers. @internal */
export interface TrackedArrangement {
  readonly arrangement: PreparedArrangement;
  /** The day the status is read at: the evaluation day, or the last monitored day of an ended or superseded one. */
  readonly day: number;
  /** Last day whose payments count toward it. */
  readonly windowEnd: number;
  /** Id of the later arrangement that superseded it, if any. */
  readonly supersededBy: string | null;
  /** It ended by agreement (`endedOn` on or before the evaluation day). */
  readonly ended: boolean;
  readonly state: ArrangementState;
  /** Per installment: the day it was paid in full (Infinity if not by `day`). */
  readonly paidDay: readonly number[];
  /** Per installment: money matched to it by `day`. */
  readonly matched: readonly number[];
  readonly status: readonly number[];
  /** Money matched to the arrangement by `day` (never above its total). */
  readonly paid: number;
  /** Installments past their grace without being paid in full. */
  readonly missed: number;
  /** What those installments still lack. */
  readonly shortfall: number;
  readonly brokenDay: number | null;
  readonly completedDay: number | null;
  /** Index of the next installment to pay (not paid in full, grace not passed), or -1; only while on track or at risk. */
  readonly next: number;
}

function track(
  r: PreparedArrangement,
  p: PreparedAccount,
  windowEnd: number,
  day: number,
  rules: ArrangementRules,
  supersededBy: string | null,
  ended: boolean,
): TrackedArrangement {
  const { graceDays: g, brokenAfterMissed: M, brokenAfterDaysLate: L } = rules;
  const n = r.amount.length;
  const payDay = p.payments.day;
  const payAmount = p.payments.amount;
  // Payments in the window [agreedDay, windowEnd], oldest first, fill installments oldest first:
  // installment i is paid in full on the day the running total reaches cum[i].
  const paidDay = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  let j = 0;
  while (j < payDay.length && payDay[j]! < r.agreedDay) j++;
  let running = 0;
  let i = 0;
  while (i < n && r.amount[i] === 0) i++;
  for (; j < payDay.length && payDay[j]! <= windowEnd && i < n; j++) {
    running += payAmount[j]!;
    while (i < n && (r.amount[i] === 0 || running >= r.cum[i]!)) {
      if (r.amount[i] !== 0) paidDay[i] = payDay[j]!;
      i++;
    }
  }
  // Money in the window up to `day` (day ≤ windowEnd, or the window is empty).
  let paidByDay = 0;
  for (let k = 0; k < payDay.length && payDay[k]! <= day; k++)
    if (payDay[k]! >= r.agreedDay) paidByDay += payAmount[k]!;
  const paid = paidByDay < r.total ? paidByDay : r.total;

  // Completed: the last installment paid (a zero installment counts as paid on its due date).
  let completedDay = n === 0 ? r.agreedDay : Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const d = r.amount[k] === 0 ? r.day[k]! : paidDay[k]!;
    if (d > completedDay) completedDay = d;
  }

  // Broken: the first day either condition holds. Condition (b) can only start to hold on a
  // day an installment passes its grace; paid-in-full days never decrease along the schedule,
  // so the installments unpaid on such a day are the last ones passed (a pointer suffices).
  let brokenDay = Number.POSITIVE_INFINITY;
  let positive = 0,
    paidBy = 0;
  const pos: number[] = [];
  for (let k = 0; k < n; k++) {
    if (r.amount[k] === 0) continue;
    const due = r.day[k]!;
    const tA = due + L + 1;
    if (paidDay[k]! > tA && tA < brokenDay) brokenDay = tA;
    pos.push(k);
    positive++;
    const tB = due + g + 1;
    while (paidBy < positive && paidDay[pos[paidBy]!]! <= tB) paidBy++;
    if (positive - paidBy >= M && tB < brokenDay) brokenDay = tB;
  }

  const status = new Array<number>(n);
  const matched = new Array<number>(n);
  let missed = 0,
    shortfall = 0;
  for (let k = 0; k < n; k++) {
    const amt = r.amount[k]!;
    const before = k === 0 ? 0 : r.cum[k - 1]!;
    const m = paidByDay <= before ? 0 : paidByDay - before >= amt ? amt : paidByDay - before;
    matched[k] = m;
    const due = r.day[k]!;
    if (amt === 0) status[k] = due <= day ? PAID : PENDING;
    else if (paidDay[k]! <= day) status[k] = PAID;
    else if (day <= due + g) status[k] = PENDING;
    else {
      status[k] = m > 0 ? SHORT : MISSED;
      missed++;
      shortfall += amt - m;
    }
  }
  const state: ArrangementState =
    completedDay <= day ? "completed" : brokenDay <= day ? "broken" : missed > 0 ? "at_risk" : "on_track";
  let next = -1;
  if (state === "on_track" || state === "at_risk")
    for (let k = 0; k < n; k++)
      if (r.amount[k] !== 0 && status[k] === PENDING) {
        next = k;
        break;
      }
  return {
    arrangement: r,
    day,
    windowEnd,
    supersededBy,
    ended,
    state,
    paidDay,
    matched,
    status,
    paid,
    missed,
    shortfall,
    brokenDay: brokenDay <= day ? brokenDay : null,
    completedDay: completedDay <= day ? completedDay : null,
    next,
  };
}

/**
 * Every arrangement agreed on or before `today`, tracked: each one's payment window runs from
 * its agreement day to the day before it ended by agreement or a later arrangement was agreed
 * (so no payment counts toward two arrangements), and never past `today`. @internal
 */
function trackArrangements(
  a: Account,
  p: PreparedAccount,
  today: number,
  rules: ArrangementRules,
): TrackedArrangement[] {
  const list = preparedArrangements(a, p);
  let visible = 0;
  while (visible < list.length && list[visible]!.agreedDay <= today) visible++;
  const out: TrackedArrangement[] = [];
  for (let k = 0; k < visible; k++) {
    const r = list[k]!;
    const later = k + 1 < visible ? list[k + 1]! : null;
    const ended = r.endedDay !== null && r.endedDay <= today;
    let end = today;
    if (ended && r.endedDay! - 1 < end) end = r.endedDay! - 1;
    if (later !== null && later.agreedDay - 1 < end) end = later.agreedDay - 1;
    out.push(track(r, p, end, end, rules, later?.id ?? null, ended));
  }
  return out;
}

/**
 * The current arrangement at `today`: the latest agreed on or before it, unless that one ended
 * by agreement (then none); earlier ones are superseded. Null when there is none. The facts'
 * fast path. @internal
 */
export function currentArrangement(
  a: Account,
  p: PreparedAccount,
  today: number,
  rules: ArrangementRules,
): TrackedArrangement | null {
  if (a.arrangements.length === 0) return null;
  const list = preparedArrangements(a, p);
  let visible = 0;
  while (visible < list.length && list[visible]!.agreedDay <= today) visible++;
  if (visible === 0) return null;
  const r = list[visible - 1]!;
  if (r.endedDay !== null && r.endedDay <= today) return null;
  return track(r, p, today, today, rules, null, false);
}

/** True while an arrangement is being followed: the current one is on track or at risk. @internal */
export function isLive(t: TrackedArrangement | null): boolean {
  return t !== null && (t.state === "on_track" || t.state === "at_risk");
}

/** paid ÷ scheduled, 4 decimals (1 for an arrangement with nothing to pay). @internal */
export function paidShareOf(t: TrackedArrangement): number {
  const total = t.arrangement.total;
  return total === 0 ? 1 : Math.round((t.paid * 10_000) / total) / 10_000;
}

// ---------- the public view ----------

/** One installment of an arrangement and how it stands. */
export interface ArrangementInstallment {
  /** 1-based. */
  number: number;
  dueDate: string;
  amount: string;
  /** Money matched to it so far (payments fill installments oldest first). */
  paid: string;
  status: ArrangementInstallmentState;
  /** The day it was paid in full, or null. */
  paidOn: string | null;
  /** Paid in full after its due date plus grace. */
  late: boolean;
}

/** One arrangement and how it stands. */
export interface ArrangementRecord {
  id: string;
  kind: (typeof ARRANGEMENT_KINDS)[number];
  agreedOn: string;
  endedOn: string | null;
  /** Id of the later arrangement that superseded it, or null. */
  supersededBy: string | null;
  /** False once it ended by agreement or was superseded: its status is then as of its last monitored day. */
  monitored: boolean;
  /** The last day whose payments count toward it (the evaluation date while monitored). */
  monitoredUntil: string;
  status: ArrangementState;
  installments: ArrangementInstallment[];
  /** Total of the schedule. */
  scheduled: string;
  /** Payments matched to it (never above `scheduled`). */
  paid: string;
  /** paid ÷ scheduled, 4 decimals (1 when nothing is scheduled). */
  paidShare: number;
  /** Installments past their grace without being paid in full (short or missed). */
  missedPayments: number;
  /** What those installments still lack. */
  shortfall: string;
  /** The first day it was broken, or null. */
  brokenOn: string | null;
  /** The day the last installment was paid, or null. */
  completedOn: string | null;
  /** The next installment to pay while on track or at risk (`inDays` negative while in its grace). */
  nextDue: { dueDate: string; amount: string; remaining: string; inDays: number } | null;
  /**
   * The penalty interest and fees waived if the arrangement is completed: `earned` once it is
   * completed, `forfeited` once it is broken (and not completed), else `pending`.
   */
  conditionalWaiver: { penaltyInterest: string; fees: string; status: "pending" | "earned" | "forfeited" } | null;
}

/** What {@link arrangementStatus} returns. */
export interface ArrangementSummary {
  /** The evaluation instant (ISO UTC). */
  asOf: string;
  /** The tracking numbers used. */
  rules: ArrangementRules;
  /** Every arrangement agreed on or before the evaluation date, oldest agreement first. */
  arrangements: ArrangementRecord[];
  /** The current arrangement (the latest agreed, not ended by agreement), or null. */
  current: ArrangementRecord | null;
  /** True while the current arrangement is on track or at risk (a plan is being followed). */
  onArrangement: boolean;
}

/** Options of {@link arrangementStatus}. */
export interface ArrangementStatusOptions {
  /** Evaluation instant (ISO with offset), or an ISO date meaning the end of that local day. */
  asOf: string;
  /** Days after an installment's due date a payment is still on time. Default 2. */
  graceDays?: number | undefined;
  /** Installments unpaid past grace at once that break the arrangement. Default 2. */
  brokenAfterMissed?: number | undefined;
  /** Days after its due date an unpaid installment breaks the arrangement (from the next day). Default 30. */
  brokenAfterDaysLate?: number | undefined;
}

const OptionsSchema = z.strictObject({ asOf: AsOfSchema, ...ArrangementRulesSchema.shape });

/** The public record of a tracked arrangement. @internal */
function arrangementRecord(t: TrackedArrangement, digits: number, rules: ArrangementRules): ArrangementRecord {
  const r = t.arrangement;
  const money = (m: number) => formatMinor(m, digits);
  const installments: ArrangementInstallment[] = r.amount.map((amt, k) => {
    const pd = t.paidDay[k]!;
    const paidOn = amt === 0 ? (r.day[k]! <= t.day ? r.day[k]! : null) : pd <= t.day ? pd : null;
    return {
      number: k + 1,
      dueDate: formatIsoDate(r.day[k]!),
      amount: money(amt),
      paid: money(t.matched[k]!),
      status: INSTALLMENT_STATES[t.status[k]!]!,
      paidOn: paidOn === null ? null : formatIsoDate(paidOn),
      late: paidOn !== null && paidOn > r.day[k]! + rules.graceDays,
    };
  });
  const next = t.next;
  const w = r.waiver;
  return {
    id: r.id,
    kind: r.kind,
    agreedOn: formatIsoDate(r.agreedDay),
    endedOn: r.endedDay === null ? null : formatIsoDate(r.endedDay),
    supersededBy: t.supersededBy,
    monitored: !t.ended && t.supersededBy === null,
    monitoredUntil: formatIsoDate(t.day),
    status: t.state,
    installments,
    scheduled: money(r.total),
    paid: money(t.paid),
    paidShare: paidShareOf(t),
    missedPayments: t.missed,
    shortfall: money(t.shortfall),
    brokenOn: t.brokenDay === null ? null : formatIsoDate(t.brokenDay),
    completedOn: t.completedDay === null ? null : formatIsoDate(t.completedDay),
    nextDue:
      next < 0
        ? null
        : {
            dueDate: formatIsoDate(r.day[next]!),
            amount: money(r.amount[next]!),
            remaining: money(r.amount[next]! - t.matched[next]!),
            inDays: r.day[next]! - t.day,
          },
    conditionalWaiver:
      w === null
        ? null
        : {
            penaltyInterest: money(w.penaltyInterest),
            fees: money(w.fees),
            status: t.state === "completed" ? "earned" : t.state === "broken" ? "forfeited" : "pending",
          },
  };
}

/**
 * Every payment arrangement on the account (`account.arrangements`) and how it stands at
 * `asOf`, for monitoring agreed plans to the end.
 *
 * Matching: payments dated from an arrangement's `agreedOn` to the day before it ended by
 * agreement (`endedOn`) or a later arrangement was agreed (and not after the evaluation date)
 * fill its installments oldest first; money beyond what is scheduled stays unmatched. So no
 * payment counts toward two arrangements, and none made before an agreement counts toward it.
 * Arrangements agreed after `asOf` do not exist yet.
 *
 * Statuses (oracle P13, numbers as options): an installment is `paid`, `pending` (due date plus
 * `graceDays` not passed), `short` or `missed` (grace passed with part or nothing paid). The
 * arrangement is `completed` when every installment is paid (a zero installment, as in a payment
 * holiday, counts as paid on its due date); `broken` from the first day `brokenAfterMissed`
 * installments are unpaid past grace at once, or one is still unpaid more than
 * `brokenAfterDaysLate` days after its due date (a broken arrangement stays broken unless it is
 * then completed); `at_risk` while one installment is past grace unpaid; `on_track` otherwise.
 * The current arrangement is the latest agreed, unless it ended by agreement.
 *
 * @throws {ArrearsError} `INVALID_ACCOUNT` for malformed account JSON, `INVALID_OPTIONS` for bad options.
 *
 * @example
 * // agreed 2026-08-05: 6 × 1500.00 on the 10th; 11-10 paid only 700.00 (on 11-12)
 * const s = arrangementStatus(account, { asOf: "2026-11-23T10:00:00+08:00" });
 * s.current?.status;          // "at_risk"
 * s.current?.shortfall;       // "800.00"
 * s.current?.nextDue?.dueDate // "2026-12-10"
 * s.onArrangement;            // true
 */
export function arrangementStatus(account: unknown, options: ArrangementStatusOptions): ArrangementSummary {
  const o = parseOptions(OptionsSchema, options, "arrangementStatus options");
  const a = isParsedAccount(account) ? account : parseAccount(account);
  const asOf = resolveAsOf(o.asOf, a.timeZone);
  return arrangementSummary(a, asOf, arrangementRulesOf(o));
}

/** {@link arrangementStatus} on a parsed account and resolved `asOf`. @internal */
function arrangementSummary(a: Account, asOf: AsOf, rules: ArrangementRules): ArrangementSummary {
  const p = prepareAccount(a);
  const tracked = trackArrangements(a, p, asOf.day, rules);
  const arrangements = tracked.map((t) => arrangementRecord(t, p.digits, rules));
  const last = tracked.length === 0 ? null : tracked[tracked.length - 1]!;
  const current = last !== null && !last.ended ? arrangements[arrangements.length - 1]! : null;
  return {
    asOf: asOf.iso,
    rules,
    arrangements,
    current,
    onArrangement: current !== null && isLive(last),
  };
}
