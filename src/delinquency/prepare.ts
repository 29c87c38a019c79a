import { ArrearsError, type ArrearsErrorCode } from "../errors/index.js";
import type { Account } from "../model/account.js";
import { type AmountInput, minorDigits, minorUnitsFast, toMinorUnits } from "../money/index.js";
import { parseIsoDate as day } from "../time/index.js";
import type { AmountsByComponent } from "./types.js";

/** Dues and payments of an account as integers (epoch days, minor units), sorted by date. @internal */
export interface PreparedDues {
  day: number[];
  amount: number[];
  /** Running total of `amount` up to and including each due. */
  cum: number[];
  fees: number[];
  interest: number[];
  payDay: number[];
  payAmount: number[];
}

/** The asOf-independent integer form of an account. @internal */
export interface PreparedAccount {
  id: string;
  currency: string;
  digits: number;
  openedDay: number;
  balance: { principal: number; interest: number; penaltyInterest: number; fees: number };
  /** `balance` as strings, total included (frozen; copy before returning). */
  outstanding: Readonly<AmountsByComponent>;
  dues: PreparedDues | null;
}

interface MinorCtx {
  id: string;
  currency: string;
  digits: number;
}

/**
 * Minor units of a validated amount. Plain decimal strings take an allocation-free path; the
 * rest go through `toMinorUnits`. Out-of-range amounts become an `ArrearsError` naming `path`.
 * @internal
 */
export function toMinor(
  v: AmountInput,
  ctx: MinorCtx,
  p0: string,
  p1?: string | number,
  p2?: string,
  code: ArrearsErrorCode = "INVALID_ACCOUNT",
): number {
  const fast = minorUnitsFast(v, ctx.digits);
  if (fast === fast) return fast; // not NaN
  try {
    return toMinorUnits(v, ctx.currency);
  } catch (e) {
    // The path is only built here: the happy path allocates nothing.
    const path: (string | number)[] = [p0];
    if (p1 !== undefined) path.push(p1);
    if (p2 !== undefined) path.push(p2);
    throw new ArrearsError(
      code,
      [{ path, message: e instanceof Error ? e.message : "invalid amount", received: v }],
      code === "INVALID_ACCOUNT" ? `account ${JSON.stringify(ctx.id)}` : undefined,
    );
  }
}

/** Decimal string of integer minor units (`12345`, 2 → `"123.45"`). @internal */
export function formatMinor(minor: number, digits: number): string {
  if (digits === 0) return String(minor);
  const neg = minor < 0;
  let s = String(neg ? -minor : minor);
  while (s.length <= digits) s = "0" + s;
  const cut = s.length - digits;
  return (neg ? "-" : "") + s.slice(0, cut) + "." + s.slice(cut);
}

// Parsed accounts are deep-frozen, so their integer form can be kept for the account's lifetime.
const cache = new WeakMap<Account, PreparedAccount>();

/** Integer form of a parsed account (cached per account object). @internal */
export function prepareAccount(a: Account): PreparedAccount {
  let p = cache.get(a);
  if (p === undefined) {
    p = build(a);
    cache.set(a, p);
  }
  return p;
}

function build(a: Account): PreparedAccount {
  const ctx: MinorCtx = { id: a.id, currency: a.currency, digits: minorDigits(a.currency) };
  const b = a.balance;
  const balance = {
    principal: toMinor(b.principal, ctx, "balance", "principal"),
    interest: toMinor(b.interest, ctx, "balance", "interest"),
    penaltyInterest: toMinor(b.penaltyInterest, ctx, "balance", "penaltyInterest"),
    fees: toMinor(b.fees, ctx, "balance", "fees"),
  };
  const total = balance.principal + balance.interest + balance.penaltyInterest + balance.fees;
  if (!Number.isSafeInteger(total))
    throw new ArrearsError(
      "INVALID_ACCOUNT",
      [{ path: ["balance"], message: "amounts too large to total exactly (over 2^53 minor units)" }],
      `account ${JSON.stringify(a.id)}`,
    );
  const g = ctx.digits;
  const outstanding: AmountsByComponent = Object.freeze({
    principal: formatMinor(balance.principal, g),
    interest: formatMinor(balance.interest, g),
    penaltyInterest: formatMinor(balance.penaltyInterest, g),
    fees: formatMinor(balance.fees, g),
    total: formatMinor(total, g),
  });
  return { ...ctx, openedDay: day(a.openedOn), balance, outstanding, dues: a.dues ? buildDues(a, ctx) : null };
}

function buildDues(a: Account, ctx: MinorCtx): PreparedDues {
  const dues = a.dues!;
  const n = dues.length;
  const out: PreparedDues = {
    day: new Array(n),
    amount: new Array(n),
    cum: new Array(n),
    fees: new Array(n),
    interest: new Array(n),
    payDay: new Array(a.payments.length),
    payAmount: new Array(a.payments.length),
  };
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const d = dues[i]!;
    const amount = toMinor(d.amount, ctx, "dues", i, "amount");
    const fees = d.fees === undefined ? 0 : toMinor(d.fees, ctx, "dues", i, "fees");
    const interest = d.interest === undefined ? 0 : toMinor(d.interest, ctx, "dues", i, "interest");
    out.day[i] = day(d.dueDate);
    out.amount[i] = amount;
    out.fees[i] = fees < amount ? fees : amount;
    out.interest[i] = interest < amount - fees ? interest : Math.max(0, amount - fees);
    if (i > 0 && out.day[i - 1]! > out.day[i]!) sorted = false;
  }
  if (!sorted) reorder(out.day, [out.amount, out.fees, out.interest]);
  let cum = 0;
  for (let i = 0; i < n; i++) out.cum[i] = cum += out.amount[i]!;
  if (!Number.isSafeInteger(cum))
    throw new ArrearsError(
      "INVALID_ACCOUNT",
      [{ path: ["dues"], message: "amounts too large to total exactly (over 2^53 minor units)" }],
      `account ${JSON.stringify(a.id)}`,
    );

  const pays = a.payments;
  let psorted = true,
    ptotal = 0;
  for (let i = 0; i < pays.length; i++) {
    const p = pays[i]!;
    out.payDay[i] = day(p.date);
    ptotal += out.payAmount[i] = toMinor(p.amount, ctx, "payments", i, "amount");
    if (i > 0 && out.payDay[i - 1]! > out.payDay[i]!) psorted = false;
  }
  if (!Number.isSafeInteger(ptotal))
    throw new ArrearsError(
      "INVALID_ACCOUNT",
      [{ path: ["payments"], message: "amounts too large to total exactly (over 2^53 minor units)" }],
      `account ${JSON.stringify(a.id)}`,
    );
  // Same-day payments only ever add up together, so their relative order never matters.
  if (!psorted) reorder(out.payDay, [out.payAmount]);
  return out;
}

// Sorts `keys` ascending and applies the same permutation to each of `cols` (stable).
function reorder(keys: number[], cols: number[][]): void {
  const idx = keys.map((_, i) => i).sort((x, y) => keys[x]! - keys[y]! || x - y);
  const k0 = keys.slice();
  for (let i = 0; i < idx.length; i++) keys[i] = k0[idx[i]!]!;
  for (const c of cols) {
    const c0 = c.slice();
    for (let i = 0; i < idx.length; i++) c[i] = c0[idx[i]!]!;
  }
}
