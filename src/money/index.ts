import Decimal from "decimal.js";

/**
 * A private Decimal constructor: exact decimal arithmetic without touching the global
 * `Decimal` configuration of the host application.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = Decimal;

/** An amount as received: a decimal string (`"1234.50"`) or a finite number. */
export type AmountInput = string | number;

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

/** True for an active ISO 4217 currency code this library knows. */
export function isKnownCurrency(code: string): boolean {
  return MINOR_DIGITS.has(code);
}

/** Digits of the currency's minor unit (`USD` → 2, `JPY` → 0, `KWD` → 3). Throws on unknown codes. */
export function minorDigits(currency: string): number {
  const d = MINOR_DIGITS.get(currency);
  if (d === undefined) throw new RangeError(`unknown currency ${JSON.stringify(currency)}`);
  return d;
}

const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;

/** True when `value` is a plain decimal string or a finite number. */
export function isAmountLike(value: unknown): value is AmountInput {
  if (typeof value === "number") return Number.isFinite(value);
  return typeof value === "string" && DECIMAL_STRING.test(value);
}

/** Exact `Dec` from a decimal string or a finite number (numbers via their shortest decimal form). */
export function toDec(value: AmountInput): Dec {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`amount must be finite, received ${value}`);
    return new Dec(String(value));
  }
  if (!DECIMAL_STRING.test(value))
    throw new RangeError(`amount must be a decimal string, received ${JSON.stringify(value)}`);
  return new Dec(value);
}

/** Rounds to the currency's minor unit (half away from zero) and serializes, e.g. `"12.30"`. */
export function roundAmount(value: AmountInput | Dec, currency: string): string {
  const d = value instanceof Dec ? value : toDec(value as AmountInput);
  return d.toFixed(minorDigits(currency), Dec.ROUND_HALF_UP);
}

/** Sum of amounts, rounded to the minor unit. */
export function addAmounts(currency: string, ...amounts: (AmountInput | Dec)[]): string {
  let sum = new Dec(0);
  for (const a of amounts) sum = sum.plus(a instanceof Dec ? a : toDec(a as AmountInput));
  return roundAmount(sum, currency);
}

/** `a - b`, rounded to the minor unit. */
export function subtractAmounts(currency: string, a: AmountInput | Dec, b: AmountInput | Dec): string {
  const da = a instanceof Dec ? a : toDec(a as AmountInput);
  const db = b instanceof Dec ? b : toDec(b as AmountInput);
  return roundAmount(da.minus(db), currency);
}

/** -1, 0 or 1. */
export function compareAmounts(a: AmountInput | Dec, b: AmountInput | Dec): -1 | 0 | 1 {
  const da = a instanceof Dec ? a : toDec(a as AmountInput);
  const db = b instanceof Dec ? b : toDec(b as AmountInput);
  return da.comparedTo(db) as -1 | 0 | 1;
}

const POW10 = [1, 10, 100, 1000, 10000];

/**
 * Minor units of a plain non-negative decimal string with at most `digits` decimals and at most
 * 15 characters, parsed by character codes (no allocation); `NaN` when the string is anything
 * else (the caller then takes the exact `toMinorUnits` path). The hot paths' converter. @internal
 */
export function minorUnitsFast(v: AmountInput, digits: number): number {
  if (typeof v !== "string" || v.length === 0 || v.length > 15 || v.charCodeAt(0) === 46) return NaN;
  let n = 0,
    frac = -1;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 46 && frac < 0) frac = 0;
    else if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      if (frac >= 0) frac++;
    } else return NaN;
  }
  return frac !== 0 && frac <= digits ? n * POW10[digits - (frac < 0 ? 0 : frac)]! : NaN;
}

/**
 * Integer minor units (cents) of an amount, rounded half away from zero. Exact for any amount
 * below 2^53 minor units; the hot paths (allocation, counting) work in these integers.
 */
export function toMinorUnits(value: AmountInput, currency: string): number {
  const digits = minorDigits(currency);
  const fast = minorUnitsFast(value, digits);
  if (fast === fast) return fast; // not NaN
  const d = toDec(value).toDecimalPlaces(digits, Dec.ROUND_HALF_UP).times(POW10[digits]!);
  const n = d.toNumber();
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount out of range: ${String(value)}`);
  return n;
}

/** Decimal string from integer minor units: `fromMinorUnits(12345, "USD")` → `"123.45"`. */
export function fromMinorUnits(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (!Number.isSafeInteger(minor)) throw new RangeError(`minor units must be a safe integer, received ${minor}`);
  if (digits === 0) return String(minor);
  const neg = minor < 0;
  const s = String(Math.abs(minor)).padStart(digits + 1, "0");
  return `${neg ? "-" : ""}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** Major-unit number for facts (rounded to the minor unit), e.g. 12345 cents → 123.45. */
export function minorToNumber(minor: number, currency: string): number {
  return Number(fromMinorUnits(minor, currency));
}
