import { ArrearsError } from "../errors/index.js";
import { formatMinor, minorDigits, minorUnitsAt, minorUnitsFast } from "../money/index.js";
import { parseInstant, parseIsoDate } from "../time/index.js";
import type { Account } from "./account.js";
import { purposeCode, traitsOf } from "./contact-traits.js";
import { type AccountEvent, CHANNELS, CONTACT_OUTCOMES, PARTIES } from "./schema.js";

/** Amounts by balance component, as decimal strings in the account's currency. */
export interface AmountsByComponent {
  principal: string;
  interest: string;
  penaltyInterest: string;
  fees: string;
  total: string;
}

/** Dues as integers (epoch days, minor units), sorted by due date. @internal */
export interface PreparedDues {
  readonly day: readonly number[];
  readonly amount: readonly number[];
  /** Running total of `amount` up to and including each due. */
  readonly cum: readonly number[];
  /** The fees and interest parts of each due (capped at the due's amount). */
  readonly fees: readonly number[];
  readonly interest: readonly number[];
}

/** Payments by date (same-day payments keep input order), minor units. @internal */
export interface PreparedPayments {
  readonly day: readonly number[];
  readonly amount: readonly number[];
}

/**
 * Contacts as parallel arrays in time order (ties keep input order). Enum-valued attributes are
 * their index in the schema's enum; `traits` holds the CONTACT_TRAIT bits. Plain arrays, not
 * typed arrays: an account has a few dozen contacts, and an ArrayBuffer per account (an
 * off-heap allocation the GC tracks) cost more than every column filled into it. @internal
 */
export interface PreparedContacts {
  readonly length: number;
  /** Epoch milliseconds, ascending. */
  readonly ms: readonly number[];
  /** Index into CHANNELS. */
  readonly channel: readonly number[];
  /** Index into CONTACT_OUTCOMES. */
  readonly outcome: readonly number[];
  /** 1 for inbound. */
  readonly inbound: readonly number[];
  /** 0 = no purpose, else 1 + index into CONTACT_PURPOSES. */
  readonly purpose: readonly number[];
  readonly traits: readonly number[];
  /** Position in `account.contacts`. */
  readonly index: readonly number[];
  /** Who the contact was with: index into PARTIES (default the borrower; `third_party` outcomes a third party). */
  readonly party: readonly number[];
  /** The emergency contact's id per contact (null when none given). */
  readonly partyId: readonly (string | null)[];
}

/** An appointment agreed in a contact: the agreed instant, when it was agreed, and for what. @internal */
export interface PreparedAppointment {
  readonly at: number;
  readonly madeAt: number;
  readonly kind: "visit" | "call";
}

/** A promise to pay, from the contact that made it. @internal */
interface PreparedPromise {
  readonly ms: number;
  /** Index of the contact in `account.contacts`. */
  readonly index: number;
  readonly at: string;
  readonly amount: number;
  readonly dueDay: number;
  readonly dueDate: string;
}

/** An account event as integers: its epoch day, sorted by day (ties keep input order). @internal */
interface PreparedEvent {
  readonly day: number;
  readonly index: number;
  readonly event: AccountEvent;
}

/**
 * The one prepared, asOf-independent view of a parsed account: every amount in integer minor
 * units, every date an epoch day, every list sorted; computed once per parsed (deep-frozen)
 * account and shared by delinquency, contacts, facts, guardrails and offers. @internal
 */
export interface PreparedAccount {
  readonly id: string;
  readonly currency: string;
  readonly digits: number;
  readonly timeZone: string;
  readonly openedDay: number;
  readonly balance: {
    readonly principal: number;
    readonly interest: number;
    readonly penaltyInterest: number;
    readonly fees: number;
    readonly total: number;
  };
  /** `balance` as strings, total included (frozen). */
  readonly outstanding: Readonly<AmountsByComponent>;
  /** Null for snapshot accounts. */
  readonly dues: PreparedDues | null;
  readonly payments: PreparedPayments;
  readonly contacts: PreparedContacts;
  readonly promises: readonly PreparedPromise[];
  readonly events: readonly PreparedEvent[];
  /** Appointments agreed in contacts, by the time they were agreed. */
  readonly appointments: readonly PreparedAppointment[];
  /** Whether anything can open a hold: a flag set, an event or a dispute contact (else no status period exists). */
  readonly holdSignals: boolean;
}

const cache = new WeakMap<Account, PreparedAccount>();
// One decision prepares the same account a dozen times over (delinquency, facts, guardrails,
// offers): the last one is kept strongly, without a WeakMap lookup.
let lastAccount: Account | null = null;
let lastPrepared: PreparedAccount | null = null;
let transient: Account | null = null;

/**
 * Marks an account parsed inside a call (`decide` or a batch given a plain object) that the caller
 * never sees: its prepared view is kept only while it is the last one prepared, never entered in
 * the per-account WeakMap. An entry there outlives the young generation (measured: 1.5 MB promoted
 * and a scavenge 2× slower every ~350 decisions), for an account nobody can pass again. @internal
 */
export function markTransient(a: Account): void {
  transient = a;
}

/** Whether `a` was marked by {@link markTransient} most recently (caches keyed by account skip it). @internal */
export function isTransient(a: Account): boolean {
  return a === transient;
}

/**
 * The prepared view of an account (cached per account object: parsed accounts are deep-frozen,
 * so it can never go stale). @internal
 */
export function prepareAccount(a: Account): PreparedAccount {
  if (a === lastAccount) return lastPrepared!;
  let p = a === transient ? undefined : cache.get(a);
  if (p === undefined) {
    p = build(a);
    if (!Object.isFrozen(a)) return p; // a hand-made object may change before the next call
    if (a !== transient) cache.set(a, p);
  }
  lastAccount = a;
  lastPrepared = p;
  return p;
}

function tooLarge(a: Account, path: string): never {
  throw new ArrearsError(
    "INVALID_ACCOUNT",
    [{ path: [path], message: "amounts too large to total exactly (over 2^53 minor units)" }],
    `account ${JSON.stringify(a.id)}`,
  );
}

/**
 * Minor units of one of the account's amounts; the path (`"dues", 3, "amount"`) only matters for
 * the error, so it is passed as arguments and made into an array only then.
 */
type Minor = (
  v: string | number,
  p0: string,
  p1?: string | number,
  p2?: string | number,
  p3?: string | number,
) => number;

function build(a: Account): PreparedAccount {
  const currency = a.currency;
  const digits = minorDigits(currency);
  const minor: Minor = (v, p0, p1, p2, p3) => {
    const fast = minorUnitsFast(v, digits); // plain decimal strings: no allocation
    if (!Number.isNaN(fast)) return fast;
    const path: (string | number)[] = [p0];
    for (const p of [p1, p2, p3]) if (p !== undefined) path.push(p);
    return minorUnitsAt(v, currency, digits, path, "INVALID_ACCOUNT", `account ${JSON.stringify(a.id)}`);
  };
  const b = a.balance;
  const principal = minor(b.principal, "balance", "principal");
  const interest = minor(b.interest, "balance", "interest");
  const penaltyInterest = minor(b.penaltyInterest, "balance", "penaltyInterest");
  const fees = minor(b.fees, "balance", "fees");
  const total = principal + interest + penaltyInterest + fees;
  if (!Number.isSafeInteger(total)) tooLarge(a, "balance");
  const outstanding: AmountsByComponent = Object.freeze({
    principal: formatMinor(principal, digits),
    interest: formatMinor(interest, digits),
    penaltyInterest: formatMinor(penaltyInterest, digits),
    fees: formatMinor(fees, digits),
    total: formatMinor(total, digits),
  });

  // Payments: sorted by day; same-day payments only ever add up together.
  const nPay = a.payments.length;
  const payDay = new Array<number>(nPay);
  const payAmount = new Array<number>(nPay);
  let paySorted = true;
  let paid = 0;
  for (let i = 0; i < nPay; i++) {
    const p = a.payments[i]!;
    payDay[i] = parseIsoDate(p.date);
    paid += payAmount[i] = minor(p.amount, "payments", i, "amount");
    if (i > 0 && payDay[i - 1]! > payDay[i]!) paySorted = false;
  }
  if (!Number.isSafeInteger(paid)) tooLarge(a, "payments");
  if (!paySorted) sortParallel(payDay, [payAmount]);

  return {
    id: a.id,
    currency,
    digits,
    timeZone: a.timeZone,
    openedDay: parseIsoDate(a.openedOn),
    balance: Object.freeze({ principal, interest, penaltyInterest, fees, total }),
    outstanding,
    dues: a.dues ? buildDues(a, minor) : null,
    payments: { day: payDay, amount: payAmount },
    ...buildContacts(a, minor),
    events: a.events
      .map((event, index) => ({ day: parseIsoDate(event.on), index, event }))
      .sort((x, y) => x.day - y.day || x.index - y.index),
    holdSignals: hasHoldSignals(a),
  };
}

function hasHoldSignals(a: Account): boolean {
  if (a.events.length > 0) return true;
  const f = a.borrower.flags;
  for (const k in f) if (f[k as keyof typeof f]) return true;
  const contacts = a.contacts;
  for (let i = 0; i < contacts.length; i++) if (contacts[i]!.outcome === "dispute") return true;
  return false;
}

function buildDues(a: Account, minor: Minor): PreparedDues {
  const dues = a.dues!;
  const n = dues.length;
  const day = new Array<number>(n);
  const amount = new Array<number>(n);
  const fees = new Array<number>(n);
  const interest = new Array<number>(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const d = dues[i]!;
    const amt = minor(d.amount, "dues", i, "amount");
    const f = d.fees === undefined ? 0 : minor(d.fees, "dues", i, "fees");
    const it = d.interest === undefined ? 0 : minor(d.interest, "dues", i, "interest");
    day[i] = parseIsoDate(d.dueDate);
    amount[i] = amt;
    // Within a due, payments cover fees, then interest, then principal: cap the parts at the amount.
    fees[i] = f < amt ? f : amt;
    interest[i] = it < amt - fees[i]! ? it : amt - fees[i]!;
    if (i > 0 && day[i - 1]! > day[i]!) sorted = false;
  }
  if (!sorted) sortParallel(day, [amount, fees, interest]);
  const cum = new Array<number>(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cum[i] = sum += amount[i]!;
  if (!Number.isSafeInteger(sum)) tooLarge(a, "dues");
  return { day, amount, cum, fees, interest };
}

const CHANNEL_INDEX: ReadonlyMap<string, number> = new Map(CHANNELS.map((c, i) => [c, i]));
const OUTCOME_INDEX: ReadonlyMap<string, number> = new Map(CONTACT_OUTCOMES.map((c, i) => [c, i]));
const VISIT_NOTICE = purposeCode("visit_notice");
const NO_PROMISES: readonly PreparedPromise[] = Object.freeze([]);
const NO_APPOINTMENTS: readonly PreparedAppointment[] = Object.freeze([]);
const NO_PARTY_IDS: readonly (string | null)[] = Object.freeze([]);
const PARTY_INDEX: ReadonlyMap<string, number> = new Map(PARTIES.map((p, i) => [p, i]));
const THIRD_PARTY = PARTIES.indexOf("third_party");

function buildContacts(
  a: Account,
  minor: Minor,
): { contacts: PreparedContacts; promises: readonly PreparedPromise[]; appointments: readonly PreparedAppointment[] } {
  const src = a.contacts;
  const n = src.length;
  // The instants first, to know the order (by time, ties in input order); then every column is
  // filled in that order (each allocated at its length), so nothing is sorted afterwards.
  const at = new Array<number>(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const ms = parseInstant(src[i]!.at);
    at[i] = ms;
    if (i > 0 && at[i - 1]! > ms) sorted = false;
  }
  const order = sorted ? null : stableOrder(at);
  const msCol = sorted ? at : order!.map((i) => at[i]!);
  const channel = new Array<number>(n);
  const outcome = new Array<number>(n);
  const inboundCol = new Array<number>(n);
  const purposeCol = new Array<number>(n);
  const traits = new Array<number>(n);
  const index = new Array<number>(n);
  const party = new Array<number>(n);
  let partyId = NO_PARTY_IDS as (string | null)[];
  // Promises and appointments come out in contact order (time, then input position): as sorted.
  let appointments: PreparedAppointment[] | null = null;
  let promises: PreparedPromise[] | null = null;
  for (let j = 0; j < n; j++) {
    const i = order === null ? j : order[j]!;
    const x = src[i]!;
    const ms = msCol[j]!;
    const ch = CHANNEL_INDEX.get(x.channel)!;
    const out = OUTCOME_INDEX.get(x.outcome)!;
    const inbound = x.direction === "inbound" ? 1 : 0;
    const purpose = purposeCode(x.purpose);
    channel[j] = ch;
    outcome[j] = out;
    inboundCol[j] = inbound;
    purposeCol[j] = purpose;
    traits[j] = traitsOf(ch, out, inbound, purpose === VISIT_NOTICE ? 1 : 0);
    index[j] = i;
    party[j] = x.party !== undefined ? PARTY_INDEX.get(x.party)! : x.outcome === "third_party" ? THIRD_PARTY : 0;
    if (x.partyId !== undefined) {
      if (partyId === NO_PARTY_IDS) partyId = new Array<string | null>(n).fill(null);
      partyId[j] = x.partyId;
    }
    if (x.appointment)
      (appointments ??= []).push({ at: parseInstant(x.appointment.at), madeAt: ms, kind: x.appointment.kind });
    if (x.promise)
      (promises ??= []).push({
        ms,
        index: i,
        at: x.at,
        amount: minor(x.promise.amount, "contacts", i, "promise", "amount"),
        dueDay: parseIsoDate(x.promise.dueDate),
        dueDate: x.promise.dueDate,
      });
  }
  const c: PreparedContacts = {
    length: n,
    ms: msCol,
    channel,
    outcome,
    inbound: inboundCol,
    purpose: purposeCol,
    traits,
    index,
    party,
    partyId,
  };
  return { contacts: c, promises: promises ?? NO_PROMISES, appointments: appointments ?? NO_APPOINTMENTS };
}

// Indices 0..n-1 ordered by key, ties by position (a stable sort). A few dozen items (an
// account's contacts or payments, typically) by insertion, cheaper than a comparator sort.
function stableOrder(key: ArrayLike<number>): number[] {
  const n = key.length;
  if (n > 64) return Array.from({ length: n }, (_, i) => i).sort((x, y) => key[x]! - key[y]! || x - y);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const k = key[i]!;
    let j = i - 1;
    for (; j >= 0 && key[order[j]!]! > k; j--) order[j + 1] = order[j]!;
    order[j + 1] = i;
  }
  return order;
}

// Sorts `keys` ascending and applies the same permutation to each of `cols` (stable).
function sortParallel(keys: number[], cols: number[][]): void {
  const order = stableOrder(keys);
  for (const col of [keys, ...cols]) {
    const copy = col.slice();
    for (let i = 0; i < order.length; i++) col[i] = copy[order[i]!]!;
  }
}
