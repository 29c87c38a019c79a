import * as z from "zod";
import { parseOptions } from "../errors/options.js";
import {
  type Account,
  AsOfSchema,
  CHANNELS,
  type Channel,
  CONTACT_TRAIT,
  type PreparedAccount,
  prepareAccount,
} from "../model/index.js";
import { type AsOf, formatIsoDate, resolveAsOf } from "../time/index.js";
import { accountInput } from "./input.js";

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

/**
 * Counting windows of local calendar days, each ending with today: today, 7, 30 and 90 days.
 * @internal
 */
export const W = { TODAY: 0, D7: 1, D30: 2, D90: 3 } as const;
type Window = (typeof W)[keyof typeof W];

// Layout of the counters array, laid out from the channel enum (never hand-computed offsets):
// 4 windows per counter, one counter per channel for attempts, 90-day per-channel and per-hour tallies.
const NCH = CHANNELS.length;
const L = (() => {
  let at = 0;
  const take = (n: number): number => {
    at += n;
    return at - n;
  };
  const layout = {
    attempts: take(NCH * 4),
    all: take(4),
    inbound: take(4),
    rpc: take(4),
    third: take(4),
    refused: take(4),
    dispute: take(4),
    complaint: take(4),
    channelRpc: take(NCH),
    channelAll: take(NCH),
    hours: take(24),
  };
  return Object.assign({}, layout, { size: at });
})();

/**
 * Contact counts at one evaluation instant, read through typed accessors. @internal
 */
export class ContactCounts {
  /** @internal Counters by layout offset; a plain array (an Int32Array is an off-heap buffer per account). */
  readonly n: number[] = new Array<number>(L.size).fill(0);
  daysSinceRpc: number | null = null;
  daysSinceAttempt: number | null = null;
  daysSinceLetter: number | null = null;
  daysSinceVisit: number | null = null;
  daysSinceVisitNotice: number | null = null;
  consecutiveFailed = 0;
  unreachable = false;
  bestChannel: Channel | null = null;
  bestHour: number | null = null;

  /** Outbound attempts on a channel (index into CHANNELS). */
  attempts(channel: number, w: Window): number {
    return this.n[L.attempts + channel * 4 + w]!;
  }
  allAttempts(w: Window): number {
    return this.n[L.all + w]!;
  }
  inbound(w: Window): number {
    return this.n[L.inbound + w]!;
  }
  rightParty(w: Window): number {
    return this.n[L.rpc + w]!;
  }
  thirdParty(w: Window): number {
    return this.n[L.third + w]!;
  }
  refusals(w: Window): number {
    return this.n[L.refused + w]!;
  }
  disputes(w: Window): number {
    return this.n[L.dispute + w]!;
  }
  complaints(w: Window): number {
    return this.n[L.complaint + w]!;
  }
  /** Windows of one counter as an object (for the public summary). */
  windows(counter: (w: Window) => number): WindowCounts {
    return {
      today: counter(W.TODAY),
      last7Days: counter(W.D7),
      last30Days: counter(W.D30),
      last90Days: counter(W.D90),
    };
  }
}

const DEFAULT_FAILED = 10;
const DEFAULT_INVALID = 3;

function bump(arr: number[], base: number, age: number): void {
  if (age === 0) arr[base]!++;
  if (age < 7) arr[base + 1]!++;
  if (age < 30) arr[base + 2]!++;
  arr[base + 3]!++;
}

const NONE = Number.NEGATIVE_INFINITY;

/** The counting core shared by {@link summarizeContacts} and `deriveFacts`. @internal */
export function countContacts(
  p: PreparedAccount,
  asOf: AsOf,
  failedThreshold = DEFAULT_FAILED,
  invalidThreshold = DEFAULT_INVALID,
): ContactCounts {
  const out = new ContactCounts();
  const k = out.n;
  let lastRpc = NONE,
    lastAttempt = NONE,
    lastLetter = NONE,
    lastVisit = NONE,
    lastNotice = NONE;
  let consecutiveFailed = 0,
    phone30 = 0,
    invalidPhone30 = 0,
    anyHour = false;
  const { ms: asOfMs, day: today, clock } = asOf;
  const c = p.contacts;
  const from = clock.dayStart(today - 89);
  let n = 0;
  while (n < c.length && c.ms[n]! <= asOfMs) n++; // contacts after asOf do not exist yet

  for (let i = 0; i < n; i++) {
    const ms = c.ms[i]!;
    const f = c.traits[i]!;
    const ch = c.channel[i]!;
    const inbound = c.inbound[i] === 1;
    if (f & CONTACT_TRAIT.RPC) {
      lastRpc = ms;
      consecutiveFailed = 0;
    } else if (f & CONTACT_TRAIT.FAILED) consecutiveFailed++;
    if (!inbound) {
      lastAttempt = ms;
      if (ch === LETTER) lastLetter = ms;
      else if (ch === VISIT) lastVisit = ms;
    }
    if (f & CONTACT_TRAIT.VISIT_NOTICE) lastNotice = ms;
    // Anything before the start of the 90th local day back is older than the windows.
    if (ms < from) continue;
    let age = today - clock.localDay(ms);
    if (age >= 90) continue;
    if (age < 0) age = 0; // a fall-back at local midnight can put an earlier instant on a later date
    if (inbound) bump(k, L.inbound, age);
    else {
      bump(k, L.attempts + ch * 4, age);
      bump(k, L.all, age);
      if (age < 30 && (ch === CALL || ch === SMS)) {
        phone30++;
        if (f & CONTACT_TRAIT.INVALID) invalidPhone30++;
      }
    }
    k[L.channelAll + ch]!++;
    if (f & CONTACT_TRAIT.RPC) {
      bump(k, L.rpc, age);
      k[L.channelRpc + ch]!++;
      k[L.hours + clock.hourAt(ms)]!++;
      anyHour = true;
    }
    if (f & CONTACT_TRAIT.THIRD_PARTY) bump(k, L.third, age);
    if (f & CONTACT_TRAIT.REFUSED) bump(k, L.refused, age);
    else if (f & CONTACT_TRAIT.DISPUTE) bump(k, L.dispute, age);
    else if (f & CONTACT_TRAIT.COMPLAINT) bump(k, L.complaint, age);
  }

  let bn = 0,
    bd = 1;
  for (const ch of PREF_INDEX) {
    const r = k[L.channelRpc + ch]!,
      t = k[L.channelAll + ch]!;
    // r/t > bn/bd, compared exactly on integers.
    if (r > 0 && r * bd > bn * t) {
      bn = r;
      bd = t;
      out.bestChannel = CHANNELS[ch]!;
    }
  }
  if (anyHour) {
    let most = 0;
    for (let h = 0; h < 24; h++) {
      const v = k[L.hours + h]!;
      if (v > most) {
        most = v;
        out.bestHour = h;
      }
    }
  }
  const since = (ms: number): number | null => (ms === NONE ? null : Math.max(0, today - clock.localDay(ms)));
  out.daysSinceRpc = since(lastRpc);
  out.daysSinceAttempt = since(lastAttempt);
  out.daysSinceLetter = since(lastLetter);
  out.daysSinceVisit = since(lastVisit);
  out.daysSinceVisitNotice = since(lastNotice);
  out.consecutiveFailed = consecutiveFailed;
  out.unreachable =
    k[L.rpc + W.D30] === 0 &&
    (consecutiveFailed >= failedThreshold || (phone30 >= invalidThreshold && invalidPhone30 === phone30));
  return out;
}

const Threshold = z.number().int().min(1).max(1000);
const SummaryOptionsSchema = z.strictObject({
  asOf: AsOfSchema,
  unreachable: z
    .strictObject({ failedAttempts: Threshold.optional(), invalidNumberAttempts: Threshold.optional() })
    .optional(),
});

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
  // The validated copy, never `options` again: a getter could answer differently the second time.
  const o = parseOptions(SummaryOptionsSchema, options, "summarizeContacts options");
  const a: Account = accountInput(account);
  const asOf = resolveAsOf(o.asOf, a.timeZone);
  const k = countContacts(prepareAccount(a), asOf, o.unreachable?.failedAttempts, o.unreachable?.invalidNumberAttempts);
  const attempts = {} as Record<Channel, WindowCounts>;
  CHANNELS.forEach((ch, i) => {
    attempts[ch] = k.windows((w) => k.attempts(i, w));
  });
  return {
    asOf: asOf.iso,
    timeZone: a.timeZone,
    localDate: formatIsoDate(asOf.day),
    attempts,
    allAttempts: k.windows((w) => k.allAttempts(w)),
    inbound: k.windows((w) => k.inbound(w)),
    rightPartyContacts: k.windows((w) => k.rightParty(w)),
    thirdPartyContacts: k.windows((w) => k.thirdParty(w)),
    refusals: k.windows((w) => k.refusals(w)),
    disputes: k.windows((w) => k.disputes(w)),
    complaints: k.windows((w) => k.complaints(w)),
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
