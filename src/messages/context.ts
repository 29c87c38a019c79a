import { ArrearsError } from "../errors/index.js";
import { addAmounts, fromMinorUnits, isAmountLike, isKnownCurrency, toDec, toMinorUnits } from "../money/index.js";
import { formatIsoDate, isValidTimeZone, parseInstant, parseIsoDate, resolveAsOf } from "../time/index.js";
import { formatDate, formatList, formatMoney, formatUnit, maskAccount } from "./format.js";

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
  };
  action?: { offer?: unknown };
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
  locale: string;
  lender: LenderDetails;
  defaults: Readonly<Record<string, string>>;
  optOut: string | undefined;
  deadlineDays: number;
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
  deadline: (c) => formatDate(formatIsoDate(todayDay(c) + c.deadlineDays), c.locale),
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

/** Value of a catalogue variable for this render (memoized per render). */
export function resolveVariable(c: RenderContext, name: string): Value | undefined {
  const m = c.memo;
  if (m.has(name)) return m.get(name);
  const r = RESOLVER_MAP.get(name);
  const v = r ? r(c) : undefined;
  m.set(name, v);
  return v;
}

const RESOLVER_MAP: ReadonlyMap<string, Resolver> = new Map(Object.entries(RESOLVERS));
