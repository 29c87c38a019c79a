import { z } from "zod";
import { ArrearsError, issuesFromZod } from "../errors/index.js";
import { parseAccount, type Account } from "../model/account.js";
import { CHANNELS, type Channel } from "../model/schema.js";
import { formatInstant, formatIsoDate } from "../time/index.js";
import { clockForAsOf, localDayAt, localHourAt, type LocalClock } from "./clock.js";
import { FLAG_FAILED, FLAG_INVALID, FLAG_RPC, FLAG_THIRD, FLAG_VISIT_NOTICE, prepareActivity, type PreparedActivity } from "./prepare.js";

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

/** Raw counters (flat integer arrays, 4 windows each: today, 7, 30, 90). @internal */
export interface ContactCounters {
  /** attempts[ch * 4 + w]. */
  attempts: Int32Array;
  all: Int32Array;
  inbound: Int32Array;
  rpc: Int32Array;
  third: Int32Array;
  refused: Int32Array;
  dispute: Int32Array;
  complaint: Int32Array;
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

/** The counting core shared by {@link summarizeContacts} and `deriveFacts`. @internal */
export function countContacts(p: PreparedActivity, clock: LocalClock, failedThreshold = DEFAULT_FAILED, invalidThreshold = DEFAULT_INVALID): ContactCounters {
  const attempts = new Int32Array(NCH * 4);
  const all = new Int32Array(4), inbound = new Int32Array(4), rpc = new Int32Array(4), third = new Int32Array(4);
  const refused = new Int32Array(4), dispute = new Int32Array(4), complaint = new Int32Array(4);
  const chRpc = new Int32Array(NCH), chAll = new Int32Array(NCH);
  let hours: Int32Array | null = null;
  let lastRpc = -1, lastAttempt = -1, lastLetter = -1, lastVisit = -1, lastNotice = -1;
  let consecutiveFailed = 0, phone30 = 0, invalidPhone30 = 0;
  const { asOfMs, today, from } = clock;
  const cs = p.contacts;
  let n = 0;
  while (n < cs.length && cs[n]!.ms <= asOfMs) n++; // contacts after asOf do not exist yet

  for (let i = 0; i < n; i++) {
    const c = cs[i]!;
    const f = c.flags;
    if (f & FLAG_RPC) {
      lastRpc = i;
      consecutiveFailed = 0;
    } else if (f & FLAG_FAILED) consecutiveFailed++;
    if (!c.inbound) {
      lastAttempt = i;
      if (c.ch === LETTER) lastLetter = i;
      else if (c.ch === VISIT) lastVisit = i;
    }
    if (f & FLAG_VISIT_NOTICE) lastNotice = i;
    // Anything before the clock's window is older than 90 local days.
    if (c.ms < from) continue;
    let age = today - localDayAt(clock, c.ms);
    if (age >= 90) continue;
    if (age < 0) age = 0; // a fall-back at local midnight can put an earlier instant on a later date
    if (c.inbound) bump(inbound, 0, age);
    else {
      bump(attempts, c.ch * 4, age);
      bump(all, 0, age);
      if (age < 30 && (c.ch === CALL || c.ch === SMS)) {
        phone30++;
        if (f & FLAG_INVALID) invalidPhone30++;
      }
    }
    chAll[c.ch]!++;
    if (f & FLAG_RPC) {
      bump(rpc, 0, age);
      chRpc[c.ch]!++;
      (hours ??= new Int32Array(24))[localHourAt(clock, c.ms)]!++;
    }
    if (f & FLAG_THIRD) bump(third, 0, age);
    const o = c.outcome;
    if (o === "refused") bump(refused, 0, age);
    else if (o === "dispute") bump(dispute, 0, age);
    else if (o === "complaint") bump(complaint, 0, age);
  }

  const since = (i: number) => (i < 0 ? null : Math.max(0, today - localDayAt(clock, cs[i]!.ms)));
  let bestChannel: Channel | null = null;
  let bn = 0, bd = 1;
  for (const ch of PREF_INDEX) {
    const r = chRpc[ch]!, t = chAll[ch]!;
    // r/t > bn/bd, compared exactly on integers.
    if (r > 0 && r * bd > bn * t) {
      bn = r;
      bd = t;
      bestChannel = CHANNELS[ch]!;
    }
  }
  let bestHour: number | null = null;
  if (hours) {
    let most = 0;
    for (let h = 0; h < 24; h++) if (hours[h]! > most) (most = hours[h]!), (bestHour = h);
  }
  const unreachable = rpc[2] === 0 && (consecutiveFailed >= failedThreshold || (phone30 >= invalidThreshold && invalidPhone30 === phone30));
  return {
    attempts,
    all,
    inbound,
    rpc,
    third,
    refused,
    dispute,
    complaint,
    daysSinceRpc: since(lastRpc),
    daysSinceAttempt: since(lastAttempt),
    daysSinceLetter: since(lastLetter),
    daysSinceVisit: since(lastVisit),
    daysSinceVisitNotice: since(lastNotice),
    consecutiveFailed,
    unreachable,
    bestChannel,
    bestHour,
  };
}

const Threshold = z.number().int().min(1).max(1000);
const SummaryOptionsSchema = z.strictObject({
  asOf: z.string(),
  unreachable: z.strictObject({ failedAttempts: Threshold.optional(), invalidNumberAttempts: Threshold.optional() }).optional(),
});

function windows(a: Int32Array, base = 0): WindowCounts {
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
  if (!opts.success) throw new ArrearsError("INVALID_OPTIONS", issuesFromZod(opts.error, options), "summarizeContacts options");
  const a: Account = parseAccount(account);
  const clock = clockForAsOf(a.timeZone, options.asOf);
  const k = countContacts(prepareActivity(a), clock, options.unreachable?.failedAttempts, options.unreachable?.invalidNumberAttempts);
  const attempts = {} as Record<Channel, WindowCounts>;
  CHANNELS.forEach((ch, i) => (attempts[ch] = windows(k.attempts, i * 4)));
  return {
    asOf: formatInstant(clock.asOfMs),
    timeZone: a.timeZone,
    localDate: formatIsoDate(clock.today),
    attempts,
    allAttempts: windows(k.all),
    inbound: windows(k.inbound),
    rightPartyContacts: windows(k.rpc),
    thirdPartyContacts: windows(k.third),
    refusals: windows(k.refused),
    disputes: windows(k.dispute),
    complaints: windows(k.complaint),
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
