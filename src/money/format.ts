import { ArrearsError } from "../errors/index.js";
import { BoundedCache } from "../util/index.js";
import { minorDigits, roundAmount } from "./amounts.js";

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

interface MoneyStyle {
  nf: Intl.NumberFormat;
  digits: number;
  /** Pieces around the number for plain 3-digit grouping; null when the locale needs Intl each time. */
  fast: { pre: string; post: string; negPre: string; negPost: string; group: string; decimal: string } | null;
}
// Keyed by locale and currency (both validated before they get here); bounded all the same.
const moneyStyles = new BoundedCache<MoneyStyle>(512, 64);

function slowMoney(st: MoneyStyle, neg: boolean, intPart: string, fracPart: string): string {
  const isZero = /^0*$/.test(intPart) && /^0*$/.test(fracPart);
  let big = BigInt(intPart);
  // -0.50: format -1 to get the locale's sign placement, then put the real integer digits back.
  const placeholder = neg && !isZero && big === 0n;
  if (neg && !isZero) big = placeholder ? -1n : -big;
  let out = "";
  for (const p of st.nf.formatToParts(big)) {
    if (p.type === "fraction") out += fracPart;
    else if (p.type === "integer" && placeholder) out += "0";
    else out += p.value;
  }
  return out;
}

function fastMoney(f: NonNullable<MoneyStyle["fast"]>, neg: boolean, intPart: string, fracPart: string): string {
  let i = intPart.replace(/^0+(?=\d)/, "");
  let grouped = "";
  while (i.length > 3) {
    grouped = f.group + i.slice(-3) + grouped;
    i = i.slice(0, -3);
  }
  grouped = i + grouped;
  const num = fracPart === "" ? grouped : grouped + f.decimal + fracPart;
  const isNeg = neg && /[1-9]/.test(intPart + fracPart);
  return isNeg ? f.negPre + num + f.negPost : f.pre + num + f.post;
}

// Intl.formatToParts costs microseconds per call; most locales group by 3, so learn the pieces
// once per locale and currency, and keep Intl for the rest (and as the check of the pieces).
function moneyStyle(locale: string, currency: string): MoneyStyle {
  const key = locale + "|" + currency;
  let st = moneyStyles.get(key);
  if (st) return st;
  const digits = minorDigits(currency);
  let nf: Intl.NumberFormat;
  try {
    nf = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  } catch {
    // A malformed BCP 47 tag is a RangeError from Intl: the caller's input, so an ArrearsError.
    throw new ArrearsError(
      "INVALID_INPUT",
      [{ path: ["locale"], message: "expected a BCP 47 locale tag such as en-US", received: locale }],
      "formatMoney",
    );
  }
  st = { nf, digits, fast: null };
  const around = (n: bigint) => {
    const parts = nf.formatToParts(n);
    const first = parts.findIndex((p) => p.type === "integer");
    let last = -1;
    parts.forEach((p, j) => {
      if (p.type === "integer" || p.type === "group" || p.type === "decimal" || p.type === "fraction") last = j;
    });
    const join = (ps: Intl.NumberFormatPart[]) => ps.map((p) => p.value).join("");
    return { pre: join(parts.slice(0, first)), post: join(parts.slice(last + 1)), mid: parts.slice(first, last + 1) };
  };
  const pos = around(1234567n);
  const neg = around(-1234567n);
  const groups = pos.mid.filter((p) => p.type === "group").map((p) => p.value);
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1 })
    .formatToParts(1.5)
    .find((p) => p.type === "decimal")?.value;
  if (groups.length === 2 && groups[0] === groups[1] && decimal !== undefined) {
    const fast = { pre: pos.pre, post: pos.post, negPre: neg.pre, negPost: neg.post, group: groups[0]!, decimal };
    const zeros = "0".repeat(digits);
    const samples: [boolean, string, string][] = [
      [false, "0", zeros],
      [false, "7", zeros],
      [false, "1234", zeros],
      [false, "98765432109876", zeros],
      [true, "1234", zeros],
      [true, "0", zeros.replace(/0$/, "5")],
    ];
    if (samples.every(([n, i, fr]) => fastMoney(fast, n, i, fr) === slowMoney(st!, n, i, fr))) st.fast = fast;
  }
  moneyStyles.set(key, st);
  return st;
}

/**
 * Formats a decimal amount string as money in `locale`, exactly: grouping, symbol and sign
 * come from `Intl.NumberFormat` (learned once per locale and currency, applied to the integer
 * part as a `BigInt` where a locale needs it) and the digits come from the string, so no amount
 * ever passes through a binary float.
 *
 * @example
 * formatMoney("1234.5", "CNY", "zh-CN") // "¥1,234.50"
 * formatMoney("1234.50", "USD", "en-US") // "$1,234.50"
 */
export function formatMoney(amount: string, currency: string, locale: string): string {
  if (typeof amount !== "string" || amount.length > 64 || !PLAIN_DECIMAL.test(amount))
    throw new ArrearsError(
      "INVALID_INPUT",
      [{ path: ["amount"], message: "expected a decimal string", received: amount }],
      "formatMoney",
    );
  if (typeof locale !== "string" || locale.length === 0 || locale.length > 35)
    throw new ArrearsError(
      "INVALID_INPUT",
      [{ path: ["locale"], message: "expected a BCP 47 locale tag such as en-US", received: locale }],
      "formatMoney",
    );
  minorDigits(currency); // an ArrearsError for anything but a known currency code, before the cache key
  const st = moneyStyle(locale, currency);
  const digits = st.digits;
  let s = amount;
  const dot = s.indexOf(".");
  const frac = dot < 0 ? 0 : s.length - dot - 1;
  // Already at or below the currency's precision: pad; otherwise round exactly (rare).
  if (frac > digits) s = roundAmount(s, currency);
  const neg = s.startsWith("-");
  if (neg) s = s.slice(1);
  const d2 = s.indexOf(".");
  const intPart = d2 < 0 ? s : s.slice(0, d2);
  const fracPart = (d2 < 0 ? "" : s.slice(d2 + 1)).padEnd(digits, "0");
  return st.fast ? fastMoney(st.fast, neg, intPart, fracPart) : slowMoney(st, neg, intPart, fracPart);
}
