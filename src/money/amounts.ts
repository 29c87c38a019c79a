/**
 * The money calculator: every conversion, rounding and formatting of an amount goes through here.
 * Amounts enter as decimal strings or finite numbers and leave as decimal strings; arithmetic is
 * exact (a private `decimal.js` clone, never the global `Decimal` configuration) or in integer
 * minor units on the hot paths.
 */
import { Decimal } from "decimal.js";
import { ArrearsError, type ArrearsErrorCode } from "../errors/index.js";

/** The private Decimal constructor (40 significant digits, half-up). @internal */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = Decimal;

/** An amount as received: a decimal string (`"1234.50"`) or a finite number. */
export type AmountInput = string | number;

/**
 * The largest amount accepted anywhere (inclusive), for strings and numbers alike: every amount
 * then fits in integer minor units (≤ 4 decimals) below 2^53, so hot paths use plain integers
 * exactly. 900 billion major units is far beyond any consumer-credit balance.
 */
const MAX_AMOUNT = 900_000_000_000;

// ISO 4217 active codes and their minor-unit exponent (2 unless listed).
const ZERO_DIGIT = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
const THREE_DIGIT = "BHD IQD JOD KWD LYD OMR TND";
const FOUR_DIGIT = "CLF UYW";
const TWO_DIGIT =
  "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG";

const MINOR_DIGITS: ReadonlyMap<string, number> = new Map([
  ...ZERO_DIGIT.split(" ").map((c) => [c, 0] as const),
  ...TWO_DIGIT.split(" ").map((c) => [c, 2] as const),
  ...THREE_DIGIT.split(" ").map((c) => [c, 3] as const),
  ...FOUR_DIGIT.split(" ").map((c) => [c, 4] as const),
]);

function invalid(path: (string | number)[], message: string, received: unknown): never {
  throw new ArrearsError("INVALID_INPUT", [{ path, message, received }], "money");
}

/**
 * True for an active ISO 4217 currency code this library knows.
 *
 * @example
 * isKnownCurrency("CNY"); // true
 */
export function isKnownCurrency(code: string): boolean {
  return MINOR_DIGITS.has(code);
}

/**
 * Digits of the currency's minor unit (`USD` → 2, `JPY` → 0, `KWD` → 3).
 *
 * @throws {ArrearsError} `INVALID_INPUT` for an unknown code.
 *
 * @example
 * minorDigits("KWD"); // 3
 */
export function minorDigits(currency: string): number {
  const d = typeof currency === "string" ? MINOR_DIGITS.get(currency) : undefined;
  if (d === undefined) invalid(["currency"], "expected an ISO 4217 currency code", currency);
  return d;
}

const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;

/** True when `value` is a plain decimal string or a finite number. @internal */
export function isAmountLike(value: unknown): value is AmountInput {
  if (typeof value === "number") return Number.isFinite(value);
  return typeof value === "string" && value.length <= 64 && DECIMAL_STRING.test(value);
}

/**
 * True for a non-negative amount not above {@link MAX_AMOUNT}, whatever its form: `"900000000000"`
 * and `900000000000` pass, `"900000000000.01"` and `900000000000.0001` do not.
 * @internal
 */
export function isAmountInRange(value: unknown): value is AmountInput {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 && value <= MAX_AMOUNT;
  if (!isAmountLike(value)) return false;
  const v = value as string;
  if (v.charCodeAt(0) === 45) return false;
  let start = 0;
  let end = v.indexOf(".");
  if (end < 0) end = v.length;
  while (start < end - 1 && v.charCodeAt(start) === 48) start++; // leading zeros
  const digits = end - start;
  if (digits < 12) return true;
  if (digits > 12) return false;
  const whole = Number(v.slice(start, end));
  // At the maximum itself, any non-zero fraction is over.
  return whole < MAX_AMOUNT || (whole === MAX_AMOUNT && !/[1-9]/.test(v.slice(end + 1)));
}

/** Exact `Dec` from a decimal string or a finite number (numbers via their shortest decimal form). @internal */
export function toDec(value: AmountInput): Dec {
  if (!isAmountLike(value)) invalid([], 'expected a decimal amount (string like "12.50" or finite number)', value);
  return new Dec(typeof value === "number" ? String(value) : value);
}

// `instanceof` asks a proxy for its prototype: a trap that throws makes the value no amount.
const isDec = (v: unknown): v is Dec => {
  try {
    return v instanceof Dec;
  } catch {
    return false;
  }
};
const asDec = (v: AmountInput | Dec): Dec => (isDec(v) ? v : toDec(v as AmountInput));

/**
 * Rounds to the currency's minor unit (half away from zero) and serializes: `"12.30"`.
 *
 * @example
 * roundAmount("12.345", "USD"); // "12.35"
 */
export function roundAmount(value: AmountInput | Dec, currency: string): string {
  return asDec(value).toFixed(minorDigits(currency), Dec.ROUND_HALF_UP);
}

/**
 * Sum of amounts, rounded to the minor unit.
 *
 * @example
 * addAmounts("USD", "0.10", "0.20"); // "0.30"
 */
export function addAmounts(currency: string, ...amounts: (AmountInput | Dec)[]): string {
  let sum = new Dec(0);
  for (const a of amounts) sum = sum.plus(asDec(a));
  return roundAmount(sum, currency);
}

/**
 * `a - b`, rounded to the minor unit.
 *
 * @example
 * subtractAmounts("USD", "1.00", "0.35"); // "0.65"
 */
export function subtractAmounts(currency: string, a: AmountInput | Dec, b: AmountInput | Dec): string {
  return roundAmount(asDec(a).minus(asDec(b)), currency);
}

/**
 * -1, 0 or 1.
 *
 * @example
 * compareAmounts("10.00", 9.99); // 1
 */
export function compareAmounts(a: AmountInput | Dec, b: AmountInput | Dec): -1 | 0 | 1 {
  return asDec(a).comparedTo(asDec(b)) as -1 | 0 | 1;
}

const POW10 = [1, 10, 100, 1000, 10000];

/**
 * Minor units of a plain non-negative decimal string with at most `digits` decimals and at most
 * 15 characters, parsed by character codes (no allocation); `NaN` when the string is anything
 * else (the caller then takes the exact {@link toMinorUnits} path). The hot paths' converter.
 * @internal
 */
export function minorUnitsFast(v: AmountInput, digits: number): number {
  if (typeof v !== "string" || v.length === 0 || v.length > 15 || v.charCodeAt(0) === 46) return Number.NaN;
  let n = 0,
    frac = -1;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 46 && frac < 0) frac = 0;
    else if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      if (frac >= 0) frac++;
    } else return Number.NaN;
  }
  return frac !== 0 && frac <= digits ? n * POW10[digits - (frac < 0 ? 0 : frac)]! : Number.NaN;
}

/**
 * Integer minor units (cents) of an amount, rounded half away from zero. Exact for any amount
 * below 2^53 minor units; the hot paths (allocation, counting) work in these integers.
 *
 * @throws {ArrearsError} `INVALID_INPUT` for a malformed amount, an unknown currency or an
 * amount too large to be exact.
 *
 * @example
 * toMinorUnits("123.45", "USD"); // 12345
 */
export function toMinorUnits(value: AmountInput, currency: string): number {
  const digits = minorDigits(currency);
  const fast = minorUnitsFast(value, digits);
  if (!Number.isNaN(fast)) return fast;
  const n = toDec(value).toDecimalPlaces(digits, Dec.ROUND_HALF_UP).times(POW10[digits]!).toNumber();
  if (!Number.isSafeInteger(n)) invalid([], "amount too large to handle exactly (over 2^53 minor units)", value);
  return n;
}

/**
 * Minor units of a validated amount, with an error that names where it came from: `path` (e.g.
 * `["dues", 3, "amount"]`) and `code` (`INVALID_ACCOUNT` by default). The conversion every layer
 * uses for amounts read from an input. @internal
 */
export function minorUnitsAt(
  value: AmountInput,
  currency: string,
  digits: number,
  path: readonly (string | number)[],
  code: ArrearsErrorCode = "INVALID_ACCOUNT",
  context?: string,
): number {
  const fast = minorUnitsFast(value, digits);
  if (!Number.isNaN(fast)) return fast;
  try {
    return toMinorUnits(value, currency);
  } catch (e) {
    const message = e instanceof ArrearsError ? e.issues[0]!.message : "invalid amount";
    throw new ArrearsError(code, [{ path: [...path], message, received: value }], context);
  }
}

/**
 * Decimal string of integer minor units, given the currency's digits (`12345, 2` → `"123.45"`).
 * The one formatter of minor units; {@link fromMinorUnits} is its checked public face.
 * @internal
 */
export function formatMinor(minor: number, digits: number): string {
  if (digits === 0) return String(minor);
  const neg = minor < 0;
  let s = String(neg ? -minor : minor);
  while (s.length <= digits) s = "0" + s;
  const cut = s.length - digits;
  return (neg ? "-" : "") + s.slice(0, cut) + "." + s.slice(cut);
}

/**
 * Decimal string of integer minor units: `fromMinorUnits(12345, "USD")` → `"123.45"`. Accepts a
 * `bigint` too (exact at any size, for portfolio totals).
 *
 * @throws {ArrearsError} `INVALID_INPUT` for a non-integer or unsafe number, or an unknown currency.
 *
 * @example
 * fromMinorUnits(7n, "JPY"); // "7"
 */
export function fromMinorUnits(minor: number | bigint, currency: string): string {
  const digits = minorDigits(currency);
  if (typeof minor === "bigint") {
    const neg = minor < 0n;
    const s = (neg ? -minor : minor).toString().padStart(digits + 1, "0");
    return digits === 0 ? (neg ? "-" : "") + s : `${neg ? "-" : ""}${s.slice(0, -digits)}.${s.slice(-digits)}`;
  }
  if (!Number.isSafeInteger(minor)) invalid(["minor"], "expected a safe integer count of minor units", minor);
  return formatMinor(minor, digits);
}
