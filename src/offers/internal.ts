import type { Decimal } from "decimal.js";
import type { z } from "zod";
import { ArrearsError, type ArrearsIssue, issuesFromZod, readInput } from "../errors/index.js";
import { type Account, isParsedAccount, LedgerSweep, parseAccount, prepareAccount } from "../model/index.js";
import { type AmountInput, Dec, fromMinorUnits, minorDigits, toMinorUnits } from "../money/index.js";
import { resolveAsOf } from "../time/index.js";

/** Throws `INVALID_OFFER` with one issue. */
export function fail(path: (string | number)[], message: string, received?: unknown): never {
  const issue: ArrearsIssue = { path, message };
  if (received !== undefined) issue.received = received;
  throw new ArrearsError("INVALID_OFFER", [issue], "offer");
}

/** Parses `input` with `schema`, turning zod errors into `INVALID_OFFER`. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, context: string): z.infer<S> {
  const r = readInput("INVALID_OFFER", context, () => schema.safeParse(input));
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
 * The evaluation date as an epoch day: the borrower's local date of `asOf`, with the one meaning
 * of a plain date every stage shares (see `resolveAsOf`).
 */
export function asOfDay(asOf: string, timeZone: string, path: (string | number)[]): number {
  try {
    return resolveAsOf(asOf, timeZone, path).day;
  } catch (e) {
    if (e instanceof ArrearsError) return fail(path, e.issues[0]!.message, asOf);
    throw e;
  }
}

/** Epoch day of 9999-12-31: dates after it cannot be written as ISO `YYYY-MM-DD`. */
const LAST_DAY = 2932896;

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
  const p = prepareAccount(account);
  let { principal, total: outstanding } = p.balance;
  const snapOut = account.delinquency?.outstanding;
  if (outstanding === 0 && snapOut !== undefined) {
    principal = minor(snapOut, p.currency, ["account", "delinquency", "outstanding"]);
    outstanding = principal;
  }
  const { interest, penaltyInterest, fees } = p.balance;
  return { currency: p.currency, principal, interest, penaltyInterest, fees, outstanding };
}

/**
 * The amount in arrears on `day`: with dues, dues fallen due minus payments made by then (never
 * below zero; the ledger's oldest-first allocation); with only a snapshot, its `overdue` total.
 * Penalty interest and fees of `balance` are not included (dues do not carry them).
 */
export function overdueMinor(account: Account, day: number): number {
  const p = prepareAccount(account);
  if (p.dues !== null) {
    const sweep = new LedgerSweep(p.dues, p.payments);
    sweep.dpdAt(day);
    return sweep.arrears();
  }
  const c = account.currency;
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
