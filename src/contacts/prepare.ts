import { isParsedAccount, type Account } from "../model/account.js";
import { CHANNELS, type Channel, type ContactOutcome } from "../model/schema.js";
import { minorDigits } from "../money/index.js";
import { minorOf } from "./minor.js";
import { dateDay, instantMs } from "./clock.js";

/**
 * The asOf-independent integer form of an account's contacts, promises and payments, sorted
 * chronologically; cached per parsed (deep-frozen) account. @internal
 */
export interface PreparedActivity {
  id: string;
  currency: string;
  digits: number;
  /** Contacts in time order (ties keep input order). */
  contacts: PreparedContact[];
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

export interface PreparedContact {
  ms: number;
  /** Index into CHANNELS. */
  ch: number;
  inbound: boolean;
  outcome: ContactOutcome;
  /** Bit set of the FLAG_* classes below. */
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

/** Outcomes of a conversation with the borrower themself, in either direction. */
export const RPC_OUTCOMES: readonly ContactOutcome[] = ["right_party", "promise_to_pay", "refused", "dispute", "hardship_reported", "complaint"];
/** Outcomes of an attempt that reached nobody who could discuss the debt. */
export const FAILED_OUTCOMES: readonly ContactOutcome[] = ["no_answer", "busy", "voicemail", "wrong_number", "undeliverable", "third_party"];
/** Channels whose unanswered attempts count toward `consecutiveFailedAttempts`. */
export const ATTEMPT_CHANNELS: readonly Channel[] = ["call", "sms", "email", "visit"];

const RPC = new Set<string>(RPC_OUTCOMES);
const FAILED = new Set<string>(FAILED_OUTCOMES);
const ATTEMPT_CH = new Set<string>(ATTEMPT_CHANNELS);
const CH_INDEX = new Map<string, number>(CHANNELS.map((c, i) => [c, i]));

/** Classification bits of one contact (see the FLAG_* constants). @internal */
export function contactFlags(channel: string, inbound: boolean, outcome: string, purpose: string | undefined): number {
  let f = 0;
  // Anyone but a third party or a wrong number contacting us is the borrower reaching out.
  if (RPC.has(outcome) || (inbound && outcome !== "third_party" && outcome !== "wrong_number")) f |= FLAG_RPC;
  else if (!inbound && ATTEMPT_CH.has(channel) && FAILED.has(outcome)) f |= FLAG_FAILED;
  if (outcome === "third_party") f |= FLAG_THIRD;
  if (outcome === "wrong_number" || outcome === "undeliverable") f |= FLAG_INVALID;
  if (purpose === "visit_notice" && !inbound && outcome !== "undeliverable" && outcome !== "wrong_number") f |= FLAG_VISIT_NOTICE;
  return f;
}

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

function build(a: Account): PreparedActivity {
  const ctx = { id: a.id, currency: a.currency, digits: minorDigits(a.currency) };
  const src = a.contacts;
  const contacts: PreparedContact[] = new Array(src.length);
  const promises: PreparedPromise[] = [];
  let sorted = true;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    const ms = instantMs(c.at);
    const inbound = c.direction === "inbound";
    contacts[i] = { ms, ch: CH_INDEX.get(c.channel)!, inbound, outcome: c.outcome, flags: contactFlags(c.channel, inbound, c.outcome, c.purpose), index: i };
    if (i > 0 && contacts[i - 1]!.ms > ms) sorted = false;
    if (c.promise)
      promises.push({
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
    contacts.sort((x, y) => x.ms - y.ms || x.index - y.index);
    promises.sort((x, y) => x.ms - y.ms || x.index - y.index);
  }

  const pays = a.payments.map((p, i) => ({ day: dateDay(p.date), amount: minorOf(p.amount, ctx, ["payments", i, "amount"]), i }));
  pays.sort((x, y) => x.day - y.day || x.i - y.i);
  const dues = (a.dues ?? []).map((d, i) => ({ day: dateDay(d.dueDate), amount: minorOf(d.amount, ctx, ["dues", i, "amount"]) }));
  dues.sort((x, y) => x.day - y.day);
  const b = a.balance;
  const balance = {
    principal: minorOf(b.principal, ctx, ["balance", "principal"]),
    interest: minorOf(b.interest, ctx, ["balance", "interest"]),
    penaltyInterest: minorOf(b.penaltyInterest, ctx, ["balance", "penaltyInterest"]),
    fees: minorOf(b.fees, ctx, ["balance", "fees"]),
  };
  return {
    id: a.id,
    currency: a.currency,
    digits: ctx.digits,
    contacts,
    promises,
    payDay: pays.map((r) => r.day),
    payAmount: pays.map((r) => r.amount),
    dueDay: dues.map((r) => r.day),
    dueAmount: dues.map((r) => r.amount),
    balance,
  };
}
