import { prepareAccount } from "../delinquency/prepare.js";
import { type Account, isParsedAccount } from "../model/account.js";
import { CHANNELS, type Channel, CONTACT_OUTCOMES, type ContactOutcome } from "../model/schema.js";
import { minorDigits } from "../money/index.js";
import { dateDay, instantMs } from "./clock.js";
import { minorOf } from "./minor.js";

/**
 * The asOf-independent integer form of an account's contacts, promises and payments, sorted
 * chronologically; cached per parsed (deep-frozen) account. @internal
 */
export interface PreparedActivity {
  id: string;
  currency: string;
  digits: number;
  /** Contact instants (epoch ms) in time order (ties keep input order). */
  contactMs: number[];
  /** Per contact, in the same order: FLAG_* bits | INBOUND | channel index << CHANNEL_SHIFT. */
  contactBits: number[];
  /** Per contact, in the same order: its index in `account.contacts`. */
  contactIndex: number[];
  /**
   * The same contacts as objects (built on first use). Kept for the guardrail checker, which
   * reads `{ms, ch, inbound, outcome, index}`; new code should read the arrays above.
   */
  readonly contacts: readonly PreparedContact[];
  /** Promises in time order of the contact that made them. */
  promises: PreparedPromise[];
  /** Payments by date (ties keep input order), minor units. */
  payDay: number[];
  payAmount: number[];
  /** Dues by date, minor units (empty for snapshot accounts). */
  dueDay: number[];
  dueAmount: number[];
  /** `balance` in minor units. */
  balance: { principal: number; interest: number; penaltyInterest: number; fees: number };
}

/** One contact in time order (see {@link PreparedActivity.contacts}). @internal */
export interface PreparedContact {
  ms: number;
  /** Index into CHANNELS. */
  ch: number;
  inbound: boolean;
  outcome: ContactOutcome;
  /** FLAG_* bits. */
  flags: number;
  /** Index of the contact in `account.contacts`. */
  index: number;
}

export interface PreparedPromise {
  ms: number;
  /** Index of the contact in `account.contacts`. */
  index: number;
  at: string;
  amount: number;
  dueDay: number;
  dueDate: string;
  /** Local day of the contact, filled lazily (it needs the zone's offset at `ms`). */
  madeDay: number | undefined;
}

/** A conversation with the borrower. */
export const FLAG_RPC = 1;
/** An outbound call/SMS/e-mail/visit that reached nobody. */
export const FLAG_FAILED = 2;
/** Reached someone other than the borrower. */
export const FLAG_THIRD = 4;
/** A notice of a coming visit that was not returned undelivered. */
export const FLAG_VISIT_NOTICE = 8;
/** The number or address does not reach the borrower at all (wrong_number, undeliverable). */
export const FLAG_INVALID = 16;
export const FLAG_REFUSED = 32;
export const FLAG_DISPUTE = 64;
export const FLAG_COMPLAINT = 128;
/** The contact came from outside (the borrower or someone else contacting the lender). */
export const INBOUND = 256;
export const CHANNEL_SHIFT = 9;

/**
 * Outcomes of a conversation with the borrower themself (a right-party contact), in either
 * direction. Inbound contacts also count unless their outcome is `third_party`/`wrong_number`.
 *
 * @example
 * RPC_OUTCOMES.includes("promise_to_pay"); // true
 */
export const RPC_OUTCOMES: readonly ContactOutcome[] = [
  "right_party",
  "promise_to_pay",
  "refused",
  "dispute",
  "hardship_reported",
  "complaint",
];
/**
 * Outcomes of an outbound attempt that reached nobody who could discuss the debt
 * (counted by `consecutiveFailedAttempts`).
 *
 * @example
 * FAILED_OUTCOMES.includes("voicemail"); // true
 */
export const FAILED_OUTCOMES: readonly ContactOutcome[] = [
  "no_answer",
  "busy",
  "voicemail",
  "wrong_number",
  "undeliverable",
  "third_party",
];
/**
 * Channels whose failed attempts count toward `consecutiveFailedAttempts` (letters and app
 * messages are not attempts to reach someone live).
 *
 * @example
 * ATTEMPT_CHANNELS; // ["call", "sms", "email", "visit"]
 */
export const ATTEMPT_CHANNELS: readonly Channel[] = ["call", "sms", "email", "visit"];

const RPC = new Set<string>(RPC_OUTCOMES);
const FAILED = new Set<string>(FAILED_OUTCOMES);
const ATTEMPT_CH = new Set<string>(ATTEMPT_CHANNELS);

/** Classification bits of one contact (see the FLAG_* constants). @internal */
export function contactFlags(channel: string, inbound: boolean, outcome: string, purpose: string | undefined): number {
  let f = CHANNELS.indexOf(channel as Channel) << CHANNEL_SHIFT;
  if (inbound) f |= INBOUND;
  // Anyone but a third party or a wrong number contacting us is the borrower reaching out.
  if (RPC.has(outcome) || (inbound && outcome !== "third_party" && outcome !== "wrong_number")) f |= FLAG_RPC;
  else if (!inbound && ATTEMPT_CH.has(channel) && FAILED.has(outcome)) f |= FLAG_FAILED;
  if (outcome === "third_party") f |= FLAG_THIRD;
  if (outcome === "wrong_number" || outcome === "undeliverable") f |= FLAG_INVALID;
  if (outcome === "refused") f |= FLAG_REFUSED;
  else if (outcome === "dispute") f |= FLAG_DISPUTE;
  else if (outcome === "complaint") f |= FLAG_COMPLAINT;
  if (purpose === "visit_notice" && !inbound && outcome !== "undeliverable" && outcome !== "wrong_number")
    f |= FLAG_VISIT_NOTICE;
  return f;
}

// Every (channel, direction, outcome, purpose-is-visit-notice) combination, classified once.
const BITS = new Map<string, number>();
for (const ch of CHANNELS)
  for (const o of CONTACT_OUTCOMES)
    for (const inbound of [false, true])
      for (const notice of [false, true])
        BITS.set(
          `${ch}|${inbound ? 1 : 0}|${o}|${notice ? 1 : 0}`,
          contactFlags(ch, inbound, o, notice ? "visit_notice" : undefined),
        );
// Outbound without a visit notice, the common case, keyed by channel then outcome.
const PLAIN: Map<string, Map<string, number>> = new Map(
  CHANNELS.map((ch) => [ch, new Map(CONTACT_OUTCOMES.map((o) => [o, contactFlags(ch, false, o, undefined)]))]),
);

const cache = new WeakMap<Account, PreparedActivity>();

/** Integer form of an account's activity (cached for parsed accounts). @internal */
export function prepareActivity(a: Account): PreparedActivity {
  const cacheable = isParsedAccount(a);
  if (cacheable) {
    const hit = cache.get(a);
    if (hit !== undefined) return hit;
  }
  const p = build(a);
  if (cacheable) cache.set(a, p);
  return p;
}

// Sorts parallel arrays by key, stably: insertion sort for the usual short, nearly sorted
// lists (no allocation), an index sort beyond that. `b` may be the same array as `a` when
// only one companion array exists.
function sortBy(key: number[], a: number[], b: number[] | null): void {
  const n = key.length;
  if (n <= 64) {
    for (let i = 1; i < n; i++) {
      const k = key[i]!;
      if (key[i - 1]! <= k) continue;
      const va = a[i]!,
        vb = b === null ? 0 : b[i]!;
      let j = i - 1;
      while (j >= 0 && key[j]! > k) {
        key[j + 1] = key[j]!;
        a[j + 1] = a[j]!;
        if (b !== null) b[j + 1] = b[j]!;
        j--;
      }
      key[j + 1] = k;
      a[j + 1] = va;
      if (b !== null) b[j + 1] = vb;
    }
    return;
  }
  const idx = Array.from({ length: n }, (_, i) => i).sort((x, y) => key[x]! - key[y]! || x - y);
  for (const arr of b === null ? [key, a] : [key, a, b]) {
    const copy = arr.slice();
    for (let i = 0; i < n; i++) arr[i] = copy[idx[i]!]!;
  }
}

function build(a: Account): PreparedActivity {
  const ctx = { id: a.id, currency: a.currency, digits: minorDigits(a.currency) };
  const src = a.contacts;
  const contactMs: number[] = [];
  const contactBits: number[] = [];
  const contactIndex: number[] = [];
  let promises: PreparedPromise[] | null = null;
  let sorted = true;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    const ms = instantMs(c.at);
    const inbound = c.direction === "inbound";
    const bits =
      !inbound && c.purpose !== "visit_notice"
        ? PLAIN.get(c.channel)!.get(c.outcome)!
        : BITS.get(`${c.channel}|${inbound ? 1 : 0}|${c.outcome}|${c.purpose === "visit_notice" ? 1 : 0}`)!;
    if (i > 0 && contactMs[i - 1]! > ms) sorted = false;
    contactMs.push(ms);
    contactBits.push(bits);
    contactIndex.push(i);
    if (c.promise)
      (promises ??= []).push({
        ms,
        index: i,
        at: c.at,
        amount: minorOf(c.promise.amount, ctx, ["contacts", i, "promise", "amount"]),
        dueDay: dateDay(c.promise.dueDate),
        dueDate: c.promise.dueDate,
        madeDay: undefined,
      });
  }
  if (!sorted) {
    sortBy(contactMs, contactBits, contactIndex);
    promises?.sort((x, y) => x.ms - y.ms || x.index - y.index);
  }

  // Dues and payments: the delinquency derivation already has them as sorted integers (and
  // `decide` derives delinquency first, so this is a cache hit); snapshot accounts parse here.
  const shared = a.dues ? prepareAccount(a) : null;
  let payDay: number[], payAmount: number[], dueDay: number[], dueAmount: number[];
  if (shared !== null && shared.dues !== null) {
    ({ payDay, payAmount, day: dueDay, amount: dueAmount } = shared.dues);
  } else {
    payDay = [];
    payAmount = [];
    dueDay = [];
    dueAmount = [];
    let paySorted = true;
    const pays = a.payments;
    for (let i = 0; i < pays.length; i++) {
      const d = dateDay(pays[i]!.date);
      if (i > 0 && payDay[i - 1]! > d) paySorted = false;
      payDay.push(d);
      payAmount.push(minorOf(pays[i]!.amount, ctx, ["payments", i, "amount"]));
    }
    if (!paySorted) sortBy(payDay, payAmount, null);
  }
  const b = a.balance;
  const balance =
    shared !== null
      ? shared.balance
      : {
          principal: minorOf(b.principal, ctx, ["balance", "principal"]),
          interest: minorOf(b.interest, ctx, ["balance", "interest"]),
          penaltyInterest: minorOf(b.penaltyInterest, ctx, ["balance", "penaltyInterest"]),
          fees: minorOf(b.fees, ctx, ["balance", "fees"]),
        };
  let objects: PreparedContact[] | undefined;
  return {
    id: a.id,
    currency: a.currency,
    digits: ctx.digits,
    contactMs,
    contactBits,
    contactIndex,
    get contacts(): readonly PreparedContact[] {
      return (objects ??= contactMs.map((ms, k) => {
        const bits = contactBits[k]!,
          index = contactIndex[k]!;
        return {
          ms,
          ch: bits >>> CHANNEL_SHIFT,
          inbound: (bits & INBOUND) !== 0,
          outcome: src[index]!.outcome,
          flags: bits & 255,
          index,
        };
      }));
    },
    promises: promises ?? NO_PROMISES,
    payDay,
    payAmount,
    dueDay,
    dueAmount,
    balance,
  };
}

const NO_PROMISES: PreparedPromise[] = [];
