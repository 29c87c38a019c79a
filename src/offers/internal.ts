import type Decimal from "decimal.js";
import type { z } from "zod";
import { ArrearsError, type ArrearsIssue, issuesFromZod } from "../errors/index.js";
import { type Account, isParsedAccount, parseAccount } from "../model/account.js";
import { type AmountInput, Dec, fromMinorUnits, minorDigits, toMinorUnits } from "../money/index.js";
import { localDay, parseInstant, parseIsoDate } from "../time/index.js";

/** Throws `INVALID_OFFER` with one issue. */
export function fail(path: (string | number)[], message: string, received?: unknown): never {
  const issue: ArrearsIssue = { path, message };
  if (received !== undefined) issue.received = received;
  throw new ArrearsError("INVALID_OFFER", [issue], "offer");
}

/** Parses `input` with `schema`, turning zod errors into `INVALID_OFFER`. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, context: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new ArrearsError("INVALID_OFFER", issuesFromZod(r.error, input), context);
  return r.data as z.infer<S>;
}

/** Validated account (already-parsed accounts pass through untouched). */
export function accountOf(input: unknown): Account {
  return isParsedAccount(input) ? input : parseAccount(input);
}

/** Minor units of an amount; overflow becomes `INVALID_OFFER` at `path`, never a RangeError. */
export function minor(value: AmountInput, currency: string, path: (string | number)[]): number {
  try {
    return toMinorUnits(value, currency);
  } catch {
    return fail(path, "amount too large to handle exactly", value);
  }
}

/** Decimal string of minor units. */
export function amt(minorUnits: number, currency: string): string {
  return fromMinorUnits(minorUnits, currency);
}

/** Minor units of `value × share`, rounded in the given mode (`Dec.ROUND_DOWN`, `ROUND_UP`, …). */
export function mulShare(minorUnits: number, share: Dec, rounding: Decimal.Rounding): number {
  return new Dec(minorUnits).times(share).toDecimalPlaces(0, rounding).toNumber();
}

/** True when `value` has no more decimal places than the currency's minor unit. */
export function fitsMinorUnit(value: AmountInput, currency: string): boolean {
  const s = typeof value === "number" ? String(value) : value;
  if (/e/i.test(s)) return new Dec(s).decimalPlaces() <= minorDigits(currency);
  const dot = s.indexOf(".");
  if (dot < 0) return true;
  // Trailing zeros are harmless ("12.500" USD is 12.50).
  return s.slice(dot + 1).replace(/0+$/, "").length <= minorDigits(currency);
}

/**
 * The evaluation date as an epoch day: a plain ISO date as is, an instant as the borrower's
 * local date in `timeZone` (so an offer made late evening in Shanghai is dated that evening).
 */
export function asOfDay(asOf: string, timeZone: string | undefined, path: (string | number)[]): number {
  const d = parseIsoDate(asOf);
  if (!Number.isNaN(d)) return d;
  const ms = parseInstant(asOf);
  if (Number.isNaN(ms)) return fail(path, "expected an ISO date YYYY-MM-DD or an ISO instant with offset", asOf);
  if (!timeZone) return Math.floor(ms / 86_400_000);
  // A batch shares one asOf and a few zones; the zone lookup costs microseconds, so memoise it.
  const key = timeZone + "|" + ms;
  let day = localDays.get(key);
  if (day === undefined) {
    if (localDays.size >= 4096) localDays.clear();
    day = localDay(ms, timeZone);
    localDays.set(key, day);
  }
  return day;
}

const localDays = new Map<string, number>();

/** Epoch day of 9999-12-31: dates after it cannot be written as ISO `YYYY-MM-DD`. */
export const LAST_DAY = 2932896;

/** Fails at `path` when `day` is after 9999-12-31. */
export function checkDay(day: number, path: (string | number)[], received?: unknown): void {
  if (day > LAST_DAY) fail(path, "the offer's dates would fall after 9999-12-31", received);
}

/** Balances of an account in minor units. */
export interface AccountFigures {
  currency: string;
  principal: number;
  interest: number;
  penaltyInterest: number;
  fees: number;
  /** principal + interest + penaltyInterest + fees. */
  outstanding: number;
  /** Amount in arrears on the evaluation date (see {@link overdueMinor}). */
  overdue: number;
}

/**
 * Balance components of an account in minor units. When `balance` is all zero but a core-system
 * snapshot gives `outstanding`, that whole amount is taken as principal (nothing to waive).
 */
export function balanceFigures(account: Account): Omit<AccountFigures, "overdue"> {
  const c = account.currency;
  const b = account.balance;
  let principal = minor(b.principal, c, ["account", "balance", "principal"]);
  const interest = minor(b.interest, c, ["account", "balance", "interest"]);
  const penaltyInterest = minor(b.penaltyInterest, c, ["account", "balance", "penaltyInterest"]);
  const fees = minor(b.fees, c, ["account", "balance", "fees"]);
  let outstanding = principal + interest + penaltyInterest + fees;
  const snapOut = account.delinquency?.outstanding;
  if (outstanding === 0 && snapOut !== undefined) {
    principal = minor(snapOut, c, ["account", "delinquency", "outstanding"]);
    outstanding = principal;
  }
  if (!Number.isSafeInteger(outstanding)) fail(["account", "balance"], "balance too large to handle exactly");
  return { currency: c, principal, interest, penaltyInterest, fees, outstanding };
}

/**
 * The amount in arrears on `day`: with dues, the unpaid part of every due on or before `day`
 * after applying payments made on or before `day` to the oldest dues first (equivalently: dues
 * to date minus payments to date, never below zero); with only a snapshot, its `overdue` total.
 * Penalty interest and fees of `balance` are not included (dues do not carry them).
 */
export function overdueMinor(account: Account, day: number): number {
  const c = account.currency;
  if (account.dues) {
    let due = 0;
    account.dues.forEach((d, i) => {
      if (parseIsoDate(d.dueDate) <= day) due += minor(d.amount, c, ["account", "dues", i, "amount"]);
    });
    let paid = 0;
    account.payments.forEach((p, i) => {
      if (parseIsoDate(p.date) <= day) paid += minor(p.amount, c, ["account", "payments", i, "amount"]);
    });
    return due > paid ? due - paid : 0;
  }
  const o = account.delinquency!.overdue;
  if (typeof o === "object") {
    return (
      minor(o.principal, c, ["account", "delinquency", "overdue", "principal"]) +
      minor(o.interest, c, ["account", "delinquency", "overdue", "interest"]) +
      minor(o.penaltyInterest, c, ["account", "delinquency", "overdue", "penaltyInterest"]) +
      minor(o.fees, c, ["account", "delinquency", "overdue", "fees"])
    );
  }
  return minor(o, c, ["account", "delinquency", "overdue"]);
}

/** Share as a 4-decimal string (`0.3500`), rounded half-up. */
export function shareString(value: Dec): string {
  return value.toFixed(4, Dec.ROUND_HALF_UP);
}
