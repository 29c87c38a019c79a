import { DEFAULT_PROMISE_GRACE_DAYS, promiseStatus } from "../contacts/index.js";
import { ArrearsError } from "../errors/index.js";
import { type Channel, safeParseAccount } from "../model/index.js";
import { addAmounts, fromMinorUnits, isAmountLike, isKnownCurrency, toDec, toMinorUnits } from "../money/index.js";
import {
  formatIsoDate,
  isValidTimeZone,
  localDay,
  localMinuteOfDay,
  parseInstant,
  parseIsoDate,
  resolveAsOf,
} from "../time/index.js";
import { formatDate, formatHours, formatList, formatMoney, formatUnit, formatWeekdays, maskAccount } from "./format.js";
import type { ProfileView } from "./profiles.js";
import { validationPeriodEnd } from "./validation.js";

/**
 * What `renderMessage` reads from a decision: a structural subset of `Decision`, so a full
 * decision fits, and so does a hand-made one. `locale`, `timeZone` and `borrower` are optional
 * extras the engine may attach (the account's locale, zone and borrower name).
 */
export interface MessageDecision {
  accountId: string;
  asOf: string;
  locale?: string;
  timeZone?: string;
  borrower?: { name?: string | undefined } | undefined;
  facts?: Record<string, unknown>;
  amounts?: {
    currency: string;
    overdue?: Partial<Record<"principal" | "interest" | "penaltyInterest" | "fees" | "total", string>>;
    outstanding?: Partial<Record<"principal" | "interest" | "penaltyInterest" | "fees" | "total", string>>;
    oldestUnpaidDueDate?: string | null;
    /** False when the overdue components are unknown (a snapshot gave only a total): no breakdown is shown. */
    overdueComponentsKnown?: boolean;
  };
  /** The action the message is for: its offer, its params (`params.*` in templates). */
  action?: { offer?: unknown; params?: Record<string, unknown> | undefined; purpose?: string | undefined };
  /** Holds in force (`Decision.holds`): any entry means no consequence may be stated. */
  holds?: readonly unknown[];
  /** The limitation status (`Decision.limitation`): a time-barred debt gets no threat of suit. */
  limitation?: { timeBarred?: boolean | null } | null;
}

/**
 * What the renderer reads of the account (`RenderOptions.account`; a parsed `Account` fits):
 * its locale, zone and borrower name, the visit appointments in its contacts, its agency
 * placements; a full account also gives the broken promises.
 */
export interface MessageAccount {
  locale?: string | undefined;
  timeZone?: string | undefined;
  borrower?: { name?: string | undefined } | undefined;
  contacts?: readonly { at?: unknown; appointment?: { at?: unknown; kind?: unknown } | undefined }[] | undefined;
  events?: readonly { type?: unknown; on?: unknown; agency?: unknown }[] | undefined;
}

/** Reference dates an itemization may use (12 CFR 1006.34(b)(3)). */
export const ITEMIZATION_REFERENCES = [
  "last_statement",
  "charge_off",
  "last_payment",
  "transaction",
  "judgment",
] as const;

/** The itemization of a validation notice (12 CFR 1006.34(c)(2)(vi)-(viii)): amounts as decimal strings. */
export interface Itemization {
  reference: (typeof ITEMIZATION_REFERENCES)[number];
  /** The itemization date (ISO). */
  date: string;
  /** Owed on that date. */
  amount: string | number;
  /** Since then: interest and fees charged, payments and credits received. */
  interest: string | number;
  fees: string | number;
  payments: string | number;
}

/** Lender details for messages (renderer option `lender`). */
export interface LenderDetails {
  name?: string;
  phone?: string;
  email?: string;
  website?: string;
  address?: string;
  /** Ways to pay, listed as alternatives ("card", "bank transfer"), or one sentence. */
  paymentMethods?: string | readonly string[];
  complaintRoute?: string;
}

type Money = { raw: string; text: string };
export type Item = Record<string, Value>;
export type Value = string | number | boolean | Money | Item[];

/** A value is "true" for `{{#if}}` when present and not false, empty, zero or an empty list. */
export function truthy(v: Value | undefined): boolean {
  if (v === undefined || v === false || v === "" || v === 0) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return !/^-?0*(\.0*)?$/.test(v.raw);
  return true;
}

export interface RenderContext {
  d: MessageDecision;
  /** The template's channel. */
  channel: Channel;
  locale: string;
  lender: LenderDetails;
  defaults: Readonly<Record<string, string>>;
  optOut: string | undefined;
  /** Days to `{{deadline}}` from the renderer option (wins over the action's param and the template). */
  deadlineOption: number | undefined;
  /** The template's `deadlineDays` (null: none) and the least it accepts from an option or param. */
  templateDeadlineDays: number | null;
  minDeadlineDays: number;
  /** Consequences the template's own purpose states (its `consequences`). */
  consequences: readonly string[];
  account: MessageAccount | undefined;
  profiles: ProfileView | null;
  collectorRole: "creditor" | "debt_collector";
  itemization: Itemization | undefined;
  validationPeriodEnd: string | undefined;
  holidays: readonly string[] | undefined;
  promiseGraceDays: number | undefined;
  memo: Map<string, Value | undefined>;
  offer?: NormalizedOffer | null;
}

function bad(path: (string | number)[], message: string, received?: unknown): never {
  const issue =
    received === undefined
      ? { path: ["decision", ...path], message }
      : { path: ["decision", ...path], message, received };
  throw new ArrearsError("INVALID_INPUT", [issue], "renderMessage");
}

function badOption(path: (string | number)[], message: string, received?: unknown): never {
  const issue = received === undefined ? { path, message } : { path, message, received };
  throw new ArrearsError("INVALID_OPTIONS", [issue], "renderMessage options");
}

function currencyOf(c: RenderContext): string {
  const cur = c.d.amounts?.currency;
  if (typeof cur !== "string" || !isKnownCurrency(cur))
    bad(["amounts", "currency"], "expected an ISO 4217 currency code", cur);
  return cur;
}

function amountAt(c: RenderContext, group: "overdue" | "outstanding", key: string): Money {
  const raw = (c.d.amounts?.[group] as Record<string, unknown> | undefined)?.[key];
  if (!isAmountLike(raw)) bad(["amounts", group, key], "expected a decimal amount string", raw);
  return money(c, plain(raw), currencyOf(c));
}

/** Decimal string of an amount; numbers go through their shortest decimal form (never `1e+21`). */
function plain(x: string | number): string {
  return typeof x === "string" ? x : toDec(x).toFixed();
}

function money(c: RenderContext, raw: string, currency: string): Money {
  return { raw, text: formatMoney(raw, currency, c.locale) };
}

/** Epoch day of the letter date: `asOf`'s date in the decision's zone, else as written. */
function todayDay(c: RenderContext): number {
  const asOf = c.d.asOf;
  if (typeof asOf !== "string") bad(["asOf"], "expected an ISO instant or date", asOf);
  const ms = parseInstant(asOf);
  if (!Number.isNaN(ms)) {
    const tz = c.d.timeZone;
    // The one reading of asOf (memoised per zone: a batch renders many letters at one asOf).
    if (typeof tz === "string" && isValidTimeZone(tz)) return resolveAsOf(asOf, tz, ["decision", "asOf"]).day;
    return parseIsoDate(asOf.slice(0, 10));
  }
  const day = parseIsoDate(asOf);
  if (Number.isNaN(day)) bad(["asOf"], "expected an ISO instant or date", asOf);
  return day;
}

function text(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v : undefined;
}

function lenderText(c: RenderContext, key: keyof LenderDetails): string | undefined {
  const own = key === "paymentMethods" ? paymentMethods(c) : text(c.lender[key]);
  return own ?? c.defaults[`lender.${key}`];
}

function paymentMethods(c: RenderContext): string | undefined {
  const pm = c.lender.paymentMethods;
  if (typeof pm === "string") return text(pm);
  if (Array.isArray(pm)) {
    const items = pm.filter((x): x is string => text(x) !== undefined);
    return items.length > 0 ? formatList(items, c.locale) : undefined;
  }
  return undefined;
}

// ---------- offers (read defensively: the offer shape is another module's contract) ----------

interface NormalizedOffer {
  kind: "installments" | "settlement" | "deferral" | "fee_waiver";
  currency: string;
  financed?: string;
  totalRepayable?: string;
  installments?: { number: number; dueDate: string; amount: string }[];
  waivedPenaltyInterest: string;
  waivedFees: string;
  payoff?: string;
  discount?: string;
  validUntil?: string;
  months?: number;
  resumeOn?: string;
  deferralCost?: string;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const amt = (x: unknown): string | undefined => (isAmountLike(x) && !String(x).startsWith("-") ? plain(x) : undefined);
const date = (x: unknown): string | undefined =>
  typeof x === "string" && !Number.isNaN(parseIsoDate(x)) ? x : undefined;

function schedule(x: unknown): NormalizedOffer["installments"] {
  if (!Array.isArray(x) || x.length === 0) return undefined;
  const out: { number: number; dueDate: string; amount: string }[] = [];
  for (let i = 0; i < x.length; i++) {
    const e = x[i];
    if (!isObj(e)) return undefined;
    const dueDate = date(e.dueDate);
    const amount = amt(e.amount);
    if (!dueDate || !amount) return undefined;
    const n = typeof e.number === "number" && Number.isInteger(e.number) && e.number > 0 ? e.number : i + 1;
    out.push({ number: n, dueDate, amount });
  }
  return out;
}

/** The decision's offer in one shape, or null when absent or not recognisably complete. */
function normalizeOffer(raw: unknown, fallbackCurrency: string | undefined): NormalizedOffer | null {
  if (!isObj(raw)) return null;
  // An offer that came back unaffordable, short of information or not applicable is never presented as an offer.
  if (raw.status !== undefined && raw.status !== "offered") return null;
  const currency = typeof raw.currency === "string" && isKnownCurrency(raw.currency) ? raw.currency : fallbackCurrency;
  if (!currency || !isKnownCurrency(currency)) return null;
  const waived = isObj(raw.waived) ? raw.waived : {};
  const w = { waivedPenaltyInterest: amt(waived.penaltyInterest) ?? "0", waivedFees: amt(waived.fees) ?? "0" };
  const kind = raw.kind;
  if (kind === "installments") {
    const installments = schedule(raw.installments);
    const financed = amt(raw.financed);
    const totalRepayable = amt(raw.totalRepayable);
    if (!installments || !financed || !totalRepayable) return null;
    return { kind: "installments", currency, financed, totalRepayable, installments, ...w };
  }
  if (kind === "settlement") {
    const payoff = amt(raw.payoff),
      discount = amt(raw.discount),
      validUntil = date(raw.validUntil);
    if (!payoff || !discount) return null;
    return { kind: "settlement", currency, payoff, discount, ...(validUntil ? { validUntil } : {}), ...w };
  }
  if (kind === "deferral") {
    const months = raw.months;
    if (typeof months !== "number" || !Number.isInteger(months) || months < 1 || months > 1200) return null;
    const installments = schedule(raw.newSchedule);
    const resumeOn = date(raw.until);
    const deferralCost = amt(raw.cost);
    return {
      kind: "deferral",
      currency,
      months,
      ...(installments ? { installments } : {}),
      ...(resumeOn ? { resumeOn } : {}),
      ...(deferralCost ? { deferralCost } : {}),
      ...w,
    };
  }
  if (kind === "fee_waiver") {
    if (!isObj(raw.waived)) return null;
    return { kind: "fee_waiver", currency, ...w };
  }
  return null;
}

// Integer minor units on the common path; Dec only for amounts beyond 2^53 minor units.
function sumAmounts(currency: string, a: string, b: string): string {
  try {
    return fromMinorUnits(toMinorUnits(a, currency) + toMinorUnits(b, currency), currency);
  } catch {
    return addAmounts(currency, a, b);
  }
}

function offerOf(c: RenderContext): NormalizedOffer | null {
  if (c.offer === undefined) c.offer = normalizeOffer(c.d.action?.offer, c.d.amounts?.currency);
  return c.offer;
}

function offerMoney(c: RenderContext, get: (o: NormalizedOffer) => string | undefined): Money | undefined {
  const o = offerOf(c);
  const raw = o ? get(o) : undefined;
  return raw === undefined ? undefined : money(c, raw, o!.currency);
}

// ---------- facts, params and the statements they support ----------

const isWhole = (x: unknown, min: number, max: number): x is number =>
  typeof x === "number" && Number.isInteger(x) && x >= min && x <= max;

function factOf(c: RenderContext, name: string): unknown {
  return c.d.facts?.[name];
}

function paramOf(c: RenderContext, name: string): unknown {
  const p = c.d.action?.params;
  return isObj(p) ? p[name] : undefined;
}

const primitive = (x: unknown): Value | undefined =>
  typeof x === "string" || typeof x === "boolean" || (typeof x === "number" && Number.isFinite(x)) ? x : undefined;

/** The consequences a letter may name (`params.consequence`, several joined with "+"). */
export const CONSEQUENCES = ["credit_report", "legal_review", "visit", "agency_placement", "charge_off"] as const;
type Consequence = (typeof CONSEQUENCES)[number];

/** A letter of claim (UK Pre-Action Protocol for Debt Claims) gives at least 30 days to reply. */
const LETTER_OF_CLAIM_DAYS = 30;
const isLetterOfClaim = (c: RenderContext): boolean => c.d.action?.purpose === "letter_of_claim";

function declaredConsequences(c: RenderContext): ReadonlySet<string> {
  const out = new Set<string>(c.consequences);
  // A letter of claim exists to say that court proceedings may follow (still silenced by a hold or a time bar).
  if (isLetterOfClaim(c)) out.add("legal_review");
  const raw = paramOf(c, "consequence");
  if (raw === undefined || raw === null || raw === "") return out;
  const at = ["action", "params", "consequence"];
  if (typeof raw !== "string") bad(at, `expected a string naming consequences (${CONSEQUENCES.join(", ")})`, raw);
  for (const part of raw.split(/[\s+,]+/)) {
    if (part === "") continue;
    if (!(CONSEQUENCES as readonly string[]).includes(part))
      bad(at, `unknown consequence "${part}" (expected ${CONSEQUENCES.join(", ")}; join several with "+")`, raw);
    out.add(part);
  }
  return out;
}

/** A hold in force silences every consequence: nothing is threatened while collection is paused. */
function holdInForce(c: RenderContext): boolean {
  return factOf(c, "onHold") === true || (Array.isArray(c.d.holds) && c.d.holds.length > 0);
}

function timeBarred(c: RenderContext): boolean {
  return factOf(c, "timeBarred") === true || c.d.limitation?.timeBarred === true;
}

function consequence(c: RenderContext, k: Consequence): boolean {
  if (holdInForce(c) || !declaredConsequences(c).has(k)) return false;
  // No suit and no threat of suit on a time-barred debt (12 CFR 1006.26(b); Limitation Act 1980).
  if (k === "legal_review" && timeBarred(c)) return false;
  if (k === "visit" && factOf(c, "visitOptOut") === true) return false;
  return true;
}

function deadlineDaysOf(c: RenderContext): number | null {
  let n: number | null = c.deadlineOption ?? null;
  if (n === null) {
    const p = paramOf(c, "deadlineDays");
    if (p !== undefined && p !== null) {
      if (!isWhole(p, 0, 3650)) bad(["action", "params", "deadlineDays"], "expected a whole number of days 0–3650", p);
      n = p;
    }
  }
  const least = isLetterOfClaim(c) ? Math.max(LETTER_OF_CLAIM_DAYS, c.minDeadlineDays) : c.minDeadlineDays;
  if (n !== null && n < least) {
    const message = `this ${isLetterOfClaim(c) ? "letter of claim" : "template"}'s deadline must be at least ${least} days after the letter date`;
    if (c.deadlineOption !== undefined) badOption(["deadlineDays"], message, n);
    bad(["action", "params", "deadlineDays"], message, n);
  }
  if (n === null && isLetterOfClaim(c) && c.templateDeadlineDays !== null)
    return Math.max(LETTER_OF_CLAIM_DAYS, c.templateDeadlineDays);
  return n ?? c.templateDeadlineDays;
}

const dayAfter = (c: RenderContext, days: number): string => formatDate(formatIsoDate(todayDay(c) + days), c.locale);

function breakdownKnown(c: RenderContext): boolean {
  const o = c.d.amounts?.overdue;
  if (c.d.amounts?.overdueComponentsKnown === false || !o) return false;
  const parts = [o.principal, o.interest, o.penaltyInterest, o.fees];
  if (!parts.every(isAmountLike) || !isAmountLike(o.total)) return false;
  // Lines that do not add up to the total are not shown: the letter would contradict itself.
  const cur = currencyOf(c);
  const sum = parts.reduce<string>((acc, x) => sumAmounts(cur, acc, plain(x as string | number)), "0");
  return toDec(sum).eq(toDec(plain(o.total as string | number)));
}

// ---------- the account: appointments, agency placements, promises ----------

/** Wall time of an instant in the borrower's zone, else as written in the instant. */
function localTime(c: RenderContext, iso: string): { day: number; minute: number } | undefined {
  const ms = parseInstant(iso);
  if (Number.isNaN(ms)) return undefined;
  const tz = c.d.timeZone;
  if (typeof tz === "string" && isValidTimeZone(tz)) return { day: localDay(ms, tz), minute: localMinuteOfDay(ms, tz) };
  const day = parseIsoDate(iso.slice(0, 10));
  const m = /T(\d\d):(\d\d)/.exec(iso);
  return Number.isNaN(day) || !m ? undefined : { day, minute: Number(m[1]) * 60 + Number(m[2]) };
}

/** The visit time agreed by `asOf` that has not passed (as `facts.visitAppointmentInHours` reads it). */
function appointmentOf(c: RenderContext): { day: number; minute: number } | undefined {
  const contacts = c.account?.contacts;
  const now = parseInstant(c.d.asOf);
  if (!Array.isArray(contacts) || Number.isNaN(now)) return undefined;
  let best: { ms: number; iso: string } | undefined;
  for (const k of contacts) {
    const ap = isObj(k) ? k.appointment : undefined;
    if (!isObj(ap) || ap.kind !== "visit" || typeof ap.at !== "string" || typeof k.at !== "string") continue;
    const at = parseInstant(ap.at);
    const made = parseInstant(k.at);
    if (made <= now && at >= now && (best === undefined || at < best.ms)) best = { ms: at, iso: ap.at };
  }
  return best && localTime(c, best.iso);
}

function agencyOf(c: RenderContext): { placed: boolean; on: string; name?: string } | undefined {
  const events = c.account?.events;
  if (!Array.isArray(events)) return undefined;
  const today = todayDay(c);
  let last: { placed: boolean; on: string; day: number } | undefined;
  let name: string | undefined;
  for (const e of events) {
    if (!isObj(e) || (e.type !== "agency_placed" && e.type !== "agency_recalled") || typeof e.on !== "string") continue;
    const day = parseIsoDate(e.on);
    if (Number.isNaN(day) || day > today || (last !== undefined && day < last.day)) continue;
    last = { placed: e.type === "agency_placed", on: e.on, day };
    if (last.placed) name = text(e.agency);
  }
  if (!last) return undefined;
  return name === undefined ? { placed: last.placed, on: last.on } : { placed: last.placed, on: last.on, name };
}

/** The latest promise that has resolved, when it was broken (a kept one supersedes older breaks). */
function brokenPromiseOf(c: RenderContext): { dueDate: string; amount: string } | undefined {
  if (c.account === undefined) return undefined;
  const parsed = safeParseAccount(c.account);
  if (!parsed.success) return undefined;
  const s = promiseStatus(parsed.data, {
    asOf: c.d.asOf,
    graceDays: c.promiseGraceDays ?? DEFAULT_PROMISE_GRACE_DAYS,
  });
  let last: (typeof s.promises)[number] | undefined;
  for (const p of s.promises) if (p.status !== "pending" && (last === undefined || p.madeAt >= last.madeAt)) last = p;
  return last?.status === "broken" ? { dueDate: last.dueDate, amount: last.amount } : undefined;
}

function itemizationOf(c: RenderContext): Itemization {
  const it = c.itemization;
  if (it === undefined)
    badOption(["itemization"], "this template itemizes the debt: give the itemization (date, reference, amounts)");
  if (!c.memo.has("itemization.checked")) {
    // The itemization must arrive at the balance the letter states, to the cent.
    const cur = currencyOf(c);
    const now = amountAt(c, "outstanding", "total").raw;
    const up = sumAmounts(cur, sumAmounts(cur, plain(it.amount), plain(it.interest)), plain(it.fees));
    if (
      !toDec(up)
        .minus(toDec(plain(it.payments)))
        .eq(toDec(now))
    )
      badOption(
        ["itemization"],
        `amount + interest + fees − payments must equal the current balance (decision.amounts.outstanding.total ${now})`,
        it,
      );
    c.memo.set("itemization.checked", true);
  }
  return it;
}

function itemMoney(c: RenderContext, key: "amount" | "interest" | "fees" | "payments"): Money {
  return money(c, plain(itemizationOf(c)[key]), currencyOf(c));
}

// ---------- resolvers ----------

type Resolver = (c: RenderContext) => Value | undefined;

const RESOLVERS: Record<string, Resolver> = {
  "borrower.name": (c) => text(c.d.borrower?.name) ?? c.defaults["borrower.name"],
  "account.masked": (c) => {
    const id = c.d.accountId;
    if (typeof id !== "string" || id === "") bad(["accountId"], "expected a non-empty account id", id);
    return maskAccount(id);
  },
  currency: (c) => currencyOf(c),
  "amount.overdue": (c) => amountAt(c, "overdue", "total"),
  "amount.principal": (c) => amountAt(c, "overdue", "principal"),
  "amount.interest": (c) => amountAt(c, "overdue", "interest"),
  "amount.penaltyInterest": (c) => amountAt(c, "overdue", "penaltyInterest"),
  "amount.fees": (c) => amountAt(c, "overdue", "fees"),
  "amount.outstanding": (c) => amountAt(c, "outstanding", "total"),
  dpd: (c) => {
    const dpd = c.d.facts?.dpd;
    if (typeof dpd !== "number" || !Number.isInteger(dpd) || dpd < 0)
      bad(["facts", "dpd"], "expected a whole number of days", dpd);
    return dpd;
  },
  daysOverdue: (c) => formatUnit(resolveVariable(c, "dpd") as number, "day", c.locale),
  oldestUnpaidDueDate: (c) => {
    const s = date(c.d.amounts?.oldestUnpaidDueDate);
    return s === undefined ? undefined : formatDate(s, c.locale);
  },
  today: (c) => formatDate(formatIsoDate(todayDay(c)), c.locale),
  deadline: (c) => {
    const n = deadlineDaysOf(c);
    return n === null ? undefined : dayAfter(c, n);
  },
  "action.purpose": (c) => (typeof c.d.action?.purpose === "string" ? c.d.action.purpose : undefined),
  "amount.componentsKnown": (c) => breakdownKnown(c),
  "nextDue.date": (c) => {
    const n = factOf(c, "daysUntilNextDue");
    return isWhole(n, 0, 100_000) && typeof factOf(c, "nextDueAmount") === "number" ? dayAfter(c, n) : undefined;
  },
  "nextDue.amount": (c) => {
    const x = factOf(c, "nextDueAmount");
    return typeof x === "number" && Number.isFinite(x) && x >= 0 ? money(c, plain(x), currencyOf(c)) : undefined;
  },
  "conversation.lastDate": (c) => {
    const n = factOf(c, "daysSinceRightPartyContact");
    return isWhole(n, 0, 100_000) ? dayAfter(c, -n) : undefined;
  },
  "brokenPromise.date": (c) => {
    const p = brokenPromiseOf(c);
    return p && formatDate(p.dueDate, c.locale);
  },
  "brokenPromise.amount": (c) => {
    const p = brokenPromiseOf(c);
    return p && money(c, p.amount, currencyOf(c));
  },
  "consequence.any": (c) => CONSEQUENCES.some((k) => consequence(c, k)),
  "consequence.creditReport": (c) => consequence(c, "credit_report"),
  "consequence.legalReview": (c) => consequence(c, "legal_review"),
  "consequence.visit": (c) => consequence(c, "visit"),
  "consequence.agencyPlacement": (c) => consequence(c, "agency_placement"),
  "consequence.chargeOff": (c) => consequence(c, "charge_off"),
  "chargeOff.date": (c) => {
    const at = paramOf(c, "chargeOffAtDpd");
    if (at === undefined || at === null) return undefined;
    if (!isWhole(at, 1, 100_000))
      bad(["action", "params", "chargeOffAtDpd"], "expected a whole number of days past due", at);
    const days = at - (resolveVariable(c, "dpd") as number);
    return days > 0 ? dayAfter(c, days) : undefined;
  },
  "hours.call": (c) => hoursText(c, "call"),
  "hours.callDays": (c) => daysText(c, "call"),
  "hours.visit": (c) => hoursText(c, "visit"),
  "hours.visitDays": (c) => daysText(c, "visit"),
  "visit.earliestDate": (c) => {
    const n = paramOf(c, "noticeDays");
    if (n === undefined || n === null) return undefined;
    if (!isWhole(n, 0, 365)) bad(["action", "params", "noticeDays"], "expected a whole number of days 0–365", n);
    return dayAfter(c, n);
  },
  "visit.recorded": (c) => recorded(c, "visit"),
  "contact.recorded": (c) => recorded(c, c.channel),
  "appointment.date": (c) => {
    const a = appointmentOf(c);
    return a && formatDate(formatIsoDate(a.day), c.locale);
  },
  "appointment.time": (c) => {
    const a = appointmentOf(c);
    return a && formatHours(a.minute, null, c.locale);
  },
  "agency.placed": (c) => agencyOf(c)?.placed === true,
  "agency.recalled": (c) => agencyOf(c)?.placed === false,
  "agency.date": (c) => {
    const a = agencyOf(c);
    return a && formatDate(a.on, c.locale);
  },
  "agency.name": (c) => agencyOf(c)?.name,
  "collector.debtCollector": (c) => c.collectorRole === "debt_collector",
  "validation.endDate": (c) => {
    if (c.validationPeriodEnd !== undefined) return formatDate(c.validationPeriodEnd, c.locale);
    return formatDate(formatIsoDate(validationPeriodEnd(todayDay(c), c.holidays)), c.locale);
  },
  "itemization.date": (c) => formatDate(itemizationOf(c).date, c.locale),
  "itemization.reference": (c) => itemizationReference(itemizationOf(c).reference, c.locale),
  "itemization.amount": (c) => itemMoney(c, "amount"),
  "itemization.interest": (c) => itemMoney(c, "interest"),
  "itemization.fees": (c) => itemMoney(c, "fees"),
  "itemization.payments": (c) => itemMoney(c, "payments"),
  "lender.name": (c) => lenderText(c, "name"),
  "lender.phone": (c) => lenderText(c, "phone"),
  "lender.email": (c) => lenderText(c, "email"),
  "lender.website": (c) => lenderText(c, "website"),
  "lender.address": (c) => lenderText(c, "address"),
  "lender.paymentMethods": (c) => lenderText(c, "paymentMethods"),
  "lender.complaintRoute": (c) => lenderText(c, "complaintRoute"),
  optOut: (c) => c.optOut,
  offer: (c) => offerOf(c) !== null,
  "offer.isInstallments": (c) => offerOf(c)?.kind === "installments",
  "offer.isSettlement": (c) => offerOf(c)?.kind === "settlement",
  "offer.isDeferral": (c) => offerOf(c)?.kind === "deferral",
  "offer.isFeeWaiver": (c) => offerOf(c)?.kind === "fee_waiver",
  "offer.financed": (c) => offerMoney(c, (o) => o.financed),
  "offer.totalRepayable": (c) => offerMoney(c, (o) => o.totalRepayable),
  "offer.installmentCount": (c) => offerOf(c)?.installments?.length,
  "offer.firstInstallmentAmount": (c) => offerMoney(c, (o) => o.installments?.[0]?.amount),
  "offer.firstDueDate": (c) => {
    const d = offerOf(c)?.installments?.[0]?.dueDate;
    return d === undefined ? undefined : formatDate(d, c.locale);
  },
  "offer.installments": (c) => {
    const o = offerOf(c);
    if (!o?.installments) return undefined;
    return o.installments.map((i) => ({
      "item.number": i.number,
      "item.dueDate": formatDate(i.dueDate, c.locale),
      "item.amount": money(c, i.amount, o.currency),
    }));
  },
  "offer.waived.penaltyInterest": (c) => offerMoney(c, (o) => o.waivedPenaltyInterest),
  "offer.waived.fees": (c) => offerMoney(c, (o) => o.waivedFees),
  "offer.waived.total": (c) => offerMoney(c, (o) => sumAmounts(o.currency, o.waivedPenaltyInterest, o.waivedFees)),
  "offer.payoff": (c) => offerMoney(c, (o) => o.payoff),
  "offer.discount": (c) => offerMoney(c, (o) => o.discount),
  "offer.validUntil": (c) => {
    const d = offerOf(c)?.validUntil;
    return d === undefined ? undefined : formatDate(d, c.locale);
  },
  "offer.months": (c) => offerOf(c)?.months,
  "offer.resumeOn": (c) => {
    const d = offerOf(c)?.resumeOn;
    return d === undefined ? undefined : formatDate(d, c.locale);
  },
  "offer.deferralCost": (c) => offerMoney(c, (o) => o.deferralCost),
  "offer.monthsText": (c) => {
    const m = offerOf(c)?.months;
    return m === undefined ? undefined : formatUnit(m, "month", c.locale);
  },
};

function recorded(c: RenderContext, channel: Channel): boolean {
  return (
    paramOf(c, "recorded") === true || (c.profiles?.requirements(channel).some((r) => /RECORD/i.test(r.code)) ?? false)
  );
}

function hoursText(c: RenderContext, channel: "call" | "visit"): string | undefined {
  const h = c.profiles?.hours(channel);
  return h ? formatHours(h.start, h.end, c.locale) : undefined;
}

function daysText(c: RenderContext, channel: "call" | "visit"): string | undefined {
  const h = c.profiles?.hours(channel);
  return h && h.days !== 0b1111111 && h.days !== 0 ? formatWeekdays(h.days, c.locale) : undefined;
}

const ITEMIZATION_PHRASES: Readonly<Record<string, Readonly<Record<Itemization["reference"], string>>>> = {
  en: {
    last_statement: "the last statement date",
    charge_off: "the charge-off date",
    last_payment: "the last payment date",
    transaction: "the transaction date",
    judgment: "the judgment date",
  },
  es: {
    last_statement: "la fecha del último estado de cuenta",
    charge_off: "la fecha de cancelación contable",
    last_payment: "la fecha del último pago",
    transaction: "la fecha de la transacción",
    judgment: "la fecha de la sentencia",
  },
  zh: {
    last_statement: "最近一期账单日",
    charge_off: "核销日",
    last_payment: "最近一次还款日",
    transaction: "交易日",
    judgment: "判决日",
  },
};

function itemizationReference(ref: Itemization["reference"], locale: string): string {
  const lang = locale.split("-")[0]!.toLowerCase();
  return (ITEMIZATION_PHRASES[lang] ?? ITEMIZATION_PHRASES.en!)[ref];
}

/** Value of a catalogue variable for this render (memoized per render). */
export function resolveVariable(c: RenderContext, name: string): Value | undefined {
  const m = c.memo;
  if (m.has(name)) return m.get(name);
  let v: Value | undefined;
  if (name.startsWith("facts.")) v = primitive(factOf(c, name.slice(6)));
  else if (name.startsWith("params.")) v = primitive(paramOf(c, name.slice(7)));
  else v = RESOLVER_MAP.get(name)?.(c);
  m.set(name, v);
  return v;
}

/** Whether an `{{#if}}` comparison holds: the value equals the literal (numbers by value). */
export function equalsLiteral(v: Value | undefined, lit: string | number | boolean): boolean {
  return v === lit;
}

const RESOLVER_MAP: ReadonlyMap<string, Resolver> = new Map(Object.entries(RESOLVERS));
