import { z } from "zod";
import { ArrearsError, issuesFromZod } from "../errors/index.js";
import { type Account, parseAccount } from "../model/account.js";
import { AsOfSchema, CHANNELS, type Channel } from "../model/schema.js";
import { formatInstant, formatIsoDate } from "../time/index.js";
import { clockForAsOf, type LocalClock, localDayAt, localHourAt } from "./clock.js";
import {
  CHANNEL_SHIFT,
  FLAG_COMPLAINT,
  FLAG_DISPUTE,
  FLAG_FAILED,
  FLAG_INVALID,
  FLAG_REFUSED,
  FLAG_RPC,
  FLAG_THIRD,
  FLAG_VISIT_NOTICE,
  INBOUND,
  type PreparedActivity,
  prepareActivity,
} from "./prepare.js";

/** Counts over windows of the borrower's local calendar days, each ending with today. */
export interface WindowCounts {
  /** The borrower's local calendar day of `asOf`. */
  today: number;
  /** Today and the 6 local days before. */
  last7Days: number;
  /** Today and the 29 local days before. */
  last30Days: number;
  /** Today and the 89 local days before. */
  last90Days: number;
}

/** Thresholds of the `unreachable` classification. */
export interface UnreachableOptions {
  /** Consecutive failed attempts since the last right-party contact that make a borrower unreachable. Default 10. */
  failedAttempts?: number;
  /** Outbound calls/SMS in 30 local days, all wrong_number/undeliverable, that make a borrower unreachable. Default 3. */
  invalidNumberAttempts?: number;
}

/** Options of {@link summarizeContacts}. */
export interface ContactSummaryOptions {
  /** Evaluation instant (ISO with offset), or an ISO date meaning the end of that local day. */
  asOf: string;
  unreachable?: UnreachableOptions;
}

/** What {@link summarizeContacts} returns. */
export interface ContactSummary {
  /** The evaluation instant, ISO UTC. */
  asOf: string;
  timeZone: string;
  /** The borrower's local date of `asOf` ("today"). */
  localDate: string;
  /** Outbound attempts per channel, any outcome. */
  attempts: Record<Channel, WindowCounts>;
  /** Outbound attempts of every channel together. */
  allAttempts: WindowCounts;
  /** Contacts the borrower (or someone) initiated. */
  inbound: WindowCounts;
  /** Conversations with the borrower, either direction (see {@link RPC_OUTCOMES}; inbound contacts count unless from a third party or a wrong number). */
  rightPartyContacts: WindowCounts;
  /** Contacts that reached someone other than the borrower. */
  thirdPartyContacts: WindowCounts;
  refusals: WindowCounts;
  disputes: WindowCounts;
  complaints: WindowCounts;
  /** Local days since the last right-party contact (0 = today); null if never. */
  daysSinceRightPartyContact: number | null;
  /** Local days since the last outbound attempt of any channel; null if never. */
  daysSinceLastAttempt: number | null;
  /** Local days since the last outbound letter; null if never. */
  daysSinceLastLetter: number | null;
  /** Local days since the last outbound visit; null if never. */
  daysSinceLastVisit: number | null;
  /** Local days since the last visit notice (outbound, `purpose: "visit_notice"`, not returned undeliverable); null if never. */
  daysSinceVisitNotice: number | null;
  /** Outbound call/SMS/e-mail/visit attempts since the last right-party contact that reached nobody. */
  consecutiveFailedAttempts: number;
  /** See {@link summarizeContacts} for the definition. */
  unreachable: boolean;
  /** Channel with the highest share of right-party contacts among its contacts in 90 local days; null without any. */
  bestChannel: Channel | null;
  /** Local hour (0–23) with the most right-party contacts in 90 local days (ties: the earliest hour); null without any. */
  bestContactHour: number | null;
}

// Tie order for bestChannel: cheapest, most direct first.
const CHANNEL_PREFERENCE: readonly Channel[] = ["call", "sms", "email", "app", "letter", "visit"];
const PREF_INDEX = CHANNEL_PREFERENCE.map((c) => CHANNELS.indexOf(c));
const LETTER = CHANNELS.indexOf("letter");
const VISIT = CHANNELS.indexOf("visit");
const CALL = CHANNELS.indexOf("call");
const SMS = CHANNELS.indexOf("sms");
const NCH = CHANNELS.length;

/** Offsets into {@link ContactCounters.n}: 4 windows (today, 7, 30, 90 local days) per counter. @internal */
export const K = {
  /** Outbound attempts, `K.ATTEMPTS + channel * 4 + window`. */
  ATTEMPTS: 0,
  ALL: 24,
  INBOUND: 28,
  RPC: 32,
  THIRD: 36,
  REFUSED: 40,
  DISPUTE: 44,
  COMPLAINT: 48,
  /** Per channel, 90 days: right-party contacts and all contacts (best channel). */
  CH_RPC: 52,
  CH_ALL: 58,
  /** Right-party contacts per local hour, 90 days. */
  HOURS: 64,
  SIZE: 88,
} as const;

/** Raw counters (one flat integer array, see {@link K}). @internal */
export interface ContactCounters {
  n: Int32Array;
  daysSinceRpc: number | null;
  daysSinceAttempt: number | null;
  daysSinceLetter: number | null;
  daysSinceVisit: number | null;
  daysSinceVisitNotice: number | null;
  consecutiveFailed: number;
  unreachable: boolean;
  bestChannel: Channel | null;
  bestHour: number | null;
}

const DEFAULT_FAILED = 10;
const DEFAULT_INVALID = 3;

function bump(arr: Int32Array, base: number, age: number): void {
  if (age === 0) arr[base]!++;
  if (age < 7) arr[base + 1]!++;
  if (age < 30) arr[base + 2]!++;
  arr[base + 3]!++;
}

const NONE = -Infinity;

function since(clock: LocalClock, ms: number): number | null {
  if (ms === NONE) return null;
  const d = clock.today - localDayAt(clock, ms);
  return d > 0 ? d : 0;
}

/** The counting core shared by {@link summarizeContacts} and `deriveFacts`. @internal */
export function countContacts(
  p: PreparedActivity,
  clock: LocalClock,
  failedThreshold = DEFAULT_FAILED,
  invalidThreshold = DEFAULT_INVALID,
): ContactCounters {
  const k = new Int32Array(K.SIZE);
  let lastRpc = NONE,
    lastAttempt = NONE,
    lastLetter = NONE,
    lastVisit = NONE,
    lastNotice = NONE;
  let consecutiveFailed = 0,
    phone30 = 0,
    invalidPhone30 = 0,
    anyHour = false;
  const { asOfMs, today, from } = clock;
  const msArr = p.contactMs,
    bitsArr = p.contactBits;
  let n = 0;
  while (n < msArr.length && msArr[n]! <= asOfMs) n++; // contacts after asOf do not exist yet

  for (let i = 0; i < n; i++) {
    const ms = msArr[i]!;
    const f = bitsArr[i]!;
    const ch = f >>> CHANNEL_SHIFT;
    const inbound = (f & INBOUND) !== 0;
    if (f & FLAG_RPC) {
      lastRpc = ms;
      consecutiveFailed = 0;
    } else if (f & FLAG_FAILED) consecutiveFailed++;
    if (!inbound) {
      lastAttempt = ms;
      if (ch === LETTER) lastLetter = ms;
      else if (ch === VISIT) lastVisit = ms;
    }
    if (f & FLAG_VISIT_NOTICE) lastNotice = ms;
    // Anything before the clock's window is older than 90 local days.
    if (ms < from) continue;
    let age = today - localDayAt(clock, ms);
    if (age >= 90) continue;
    if (age < 0) age = 0; // a fall-back at local midnight can put an earlier instant on a later date
    if (inbound) bump(k, K.INBOUND, age);
    else {
      bump(k, K.ATTEMPTS + ch * 4, age);
      bump(k, K.ALL, age);
      if (age < 30 && (ch === CALL || ch === SMS)) {
        phone30++;
        if (f & FLAG_INVALID) invalidPhone30++;
      }
    }
    k[K.CH_ALL + ch]!++;
    if (f & FLAG_RPC) {
      bump(k, K.RPC, age);
      k[K.CH_RPC + ch]!++;
      k[K.HOURS + localHourAt(clock, ms)]!++;
      anyHour = true;
    }
    if (f & FLAG_THIRD) bump(k, K.THIRD, age);
    if (f & FLAG_REFUSED) bump(k, K.REFUSED, age);
    else if (f & FLAG_DISPUTE) bump(k, K.DISPUTE, age);
    else if (f & FLAG_COMPLAINT) bump(k, K.COMPLAINT, age);
  }

  let bestChannel: Channel | null = null;
  let bn = 0,
    bd = 1;
  for (const ch of PREF_INDEX) {
    const r = k[K.CH_RPC + ch]!,
      t = k[K.CH_ALL + ch]!;
    // r/t > bn/bd, compared exactly on integers.
    if (r > 0 && r * bd > bn * t) {
      bn = r;
      bd = t;
      bestChannel = CHANNELS[ch]!;
    }
  }
  let bestHour: number | null = null;
  if (anyHour) {
    let most = 0;
    for (let h = 0; h < 24; h++) {
      const v = k[K.HOURS + h]!;
      if (v > most) {
        most = v;
        bestHour = h;
      }
    }
  }
  const unreachable =
    k[K.RPC + 2] === 0 &&
    (consecutiveFailed >= failedThreshold || (phone30 >= invalidThreshold && invalidPhone30 === phone30));
  return {
    n: k,
    daysSinceRpc: since(clock, lastRpc),
    daysSinceAttempt: since(clock, lastAttempt),
    daysSinceLetter: since(clock, lastLetter),
    daysSinceVisit: since(clock, lastVisit),
    daysSinceVisitNotice: since(clock, lastNotice),
    consecutiveFailed,
    unreachable,
    bestChannel,
    bestHour,
  };
}

const Threshold = z.number().int().min(1).max(1000);
const SummaryOptionsSchema = z.strictObject({
  asOf: AsOfSchema,
  unreachable: z
    .strictObject({ failedAttempts: Threshold.optional(), invalidNumberAttempts: Threshold.optional() })
    .optional(),
});

function windows(a: Int32Array, base: number): WindowCounts {
  return { today: a[base]!, last7Days: a[base + 1]!, last30Days: a[base + 2]!, last90Days: a[base + 3]! };
}

/**
 * Contact history at `asOf`, counted in the borrower's time zone (`account.timeZone`).
 *
 * Counting choices:
 * - Windows are the borrower's **local calendar days**: "today" is the local date of `asOf`,
 *   "7 days" is today and the 6 local days before (likewise 30 and 90). A call at
 *   2026-11-22T23:30Z is "today" for a Shanghai borrower at 2026-11-23T10:00+08:00 but
 *   "yesterday" for one in UTC. Contacts after `asOf` are ignored.
 * - **Attempts** are outbound contacts, any outcome.
 * - **Right-party contact** (RPC): outcome `right_party`, `promise_to_pay`, `refused`,
 *   `dispute`, `hardship_reported` or `complaint` in either direction, or any inbound contact
 *   except from a third party or a wrong number (the borrower reaching out).
 * - **Consecutive failed attempts**: outbound call/SMS/e-mail/visit attempts since the last
 *   RPC with outcome `no_answer`, `busy`, `voicemail`, `wrong_number`, `undeliverable` or
 *   `third_party` (`delivered` neither fails nor resets).
 * - **Unreachable**: no RPC in 30 local days and either at least `failedAttempts` (10)
 *   consecutive failed attempts, or at least `invalidNumberAttempts` (3) outbound calls/SMS
 *   in 30 local days that were all `wrong_number`/`undeliverable`.
 * - **Best channel**: highest RPC share of the channel's contacts (both directions) in 90
 *   local days, ties in the order call, sms, email, app, letter, visit. **Best contact hour**:
 *   local hour with the most RPCs in 90 local days, ties to the earliest hour.
 * - Contacts at the same instant keep their order in `account.contacts`.
 *
 * @throws {ArrearsError} `INVALID_ACCOUNT` for malformed account JSON, `INVALID_OPTIONS` for a bad `asOf`.
 *
 * @example
 * const s = summarizeContacts(account, { asOf: "2026-11-23T10:00:00+08:00" });
 * s.attempts.call.today;          // 2
 * s.daysSinceRightPartyContact;   // 4
 * s.unreachable;                  // false
 */
export function summarizeContacts(account: unknown, options: ContactSummaryOptions): ContactSummary {
  const opts = SummaryOptionsSchema.safeParse(options);
  if (!opts.success)
    throw new ArrearsError("INVALID_OPTIONS", issuesFromZod(opts.error, options), "summarizeContacts options");
  const a: Account = parseAccount(account);
  const clock = clockForAsOf(a.timeZone, options.asOf);
  const k = countContacts(
    prepareActivity(a),
    clock,
    options.unreachable?.failedAttempts,
    options.unreachable?.invalidNumberAttempts,
  );
  const attempts = {} as Record<Channel, WindowCounts>;
  CHANNELS.forEach((ch, i) => (attempts[ch] = windows(k.n, K.ATTEMPTS + i * 4)));
  return {
    asOf: formatInstant(clock.asOfMs),
    timeZone: a.timeZone,
    localDate: formatIsoDate(clock.today),
    attempts,
    allAttempts: windows(k.n, K.ALL),
    inbound: windows(k.n, K.INBOUND),
    rightPartyContacts: windows(k.n, K.RPC),
    thirdPartyContacts: windows(k.n, K.THIRD),
    refusals: windows(k.n, K.REFUSED),
    disputes: windows(k.n, K.DISPUTE),
    complaints: windows(k.n, K.COMPLAINT),
    daysSinceRightPartyContact: k.daysSinceRpc,
    daysSinceLastAttempt: k.daysSinceAttempt,
    daysSinceLastLetter: k.daysSinceLetter,
    daysSinceLastVisit: k.daysSinceVisit,
    daysSinceVisitNotice: k.daysSinceVisitNotice,
    consecutiveFailedAttempts: k.consecutiveFailed,
    unreachable: k.unreachable,
    bestChannel: k.bestChannel,
    bestContactHour: k.bestHour,
  };
}
