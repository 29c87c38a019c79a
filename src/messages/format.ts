import { minorDigits, roundAmount } from "../money/index.js";

const moneyFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const listFormats = new Map<string, Intl.ListFormat>();
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

function moneyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = locale + "|" + currency;
  let f = moneyFormats.get(key);
  if (!f) {
    const digits = minorDigits(currency);
    f = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormats.set(key, f);
  }
  return f;
}

/**
 * Formats a decimal amount string as money in `locale`, exactly: the integer part goes through
 * `Intl.NumberFormat` as a `BigInt` (grouping, symbol, sign placement) and the fraction digits
 * are spliced in from the string, so no amount ever passes through a binary float.
 *
 * @example
 * formatMoney("1234.5", "CNY", "zh-CN") // "¥1,234.50"
 * formatMoney("1234.50", "USD", "en-US") // "$1,234.50"
 */
export function formatMoney(amount: string, currency: string, locale: string): string {
  if (!PLAIN_DECIMAL.test(amount)) throw new RangeError(`amount must be a decimal string, received ${JSON.stringify(amount)}`);
  const digits = minorDigits(currency);
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
  const isZero = /^0*$/.test(intPart) && /^0*$/.test(fracPart);
  let big = BigInt(intPart);
  // -0.50: format -1 to get the locale's sign placement, then put the real integer digits back.
  const placeholder = neg && !isZero && big === 0n;
  if (neg && !isZero) big = placeholder ? -1n : -big;
  let out = "";
  for (const p of moneyFormat(locale, currency).formatToParts(big)) {
    if (p.type === "fraction") out += fracPart;
    else if (p.type === "integer" && placeholder) out += "0";
    else out += p.value;
  }
  return out;
}

/**
 * Formats an ISO date (`YYYY-MM-DD`) the way `locale` writes a date in a letter.
 *
 * @example
 * formatDate("2026-11-23", "zh-CN") // "2026年11月23日"
 * formatDate("2026-11-23", "en-US") // "November 23, 2026"
 */
export function formatDate(isoDate: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`expected an ISO date, received ${JSON.stringify(isoDate)}`);
  let f = dateFormats.get(locale);
  if (!f) {
    // UTC on both sides: the calendar date never shifts with the host's zone.
    f = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
    dateFormats.set(locale, f);
  }
  return f.format(new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)));
}

/**
 * Joins alternatives the way `locale` lists them ("card, bank transfer, or cash" / "银行卡、转账或现金").
 *
 * @example
 * formatList(["card", "bank transfer"], "en-US") // "card or bank transfer"
 */
export function formatList(items: readonly string[], locale: string): string {
  let f = listFormats.get(locale);
  if (!f) {
    f = new Intl.ListFormat(locale, { type: "disjunction", style: "long" });
    listFormats.set(locale, f);
  }
  return f.format(items);
}

const unitFormats = new Map<string, Intl.NumberFormat>();

/**
 * A whole count with its unit, plural-correct in `locale`.
 *
 * @example
 * formatUnit(1, "day", "en-US")  // "1 day"
 * formatUnit(12, "day", "zh-CN") // "12天"
 */
export function formatUnit(n: number, unit: "day" | "month", locale: string): string {
  const key = locale + "|" + unit;
  let f = unitFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long", maximumFractionDigits: 0 });
    unitFormats.set(key, f);
  }
  return f.format(n);
}

/**
 * Masks an account number, keeping only its last 4 letters or digits (fewer for short ids, so
 * at least half stays hidden): `"ACC-2024-001234"` → `"****1234"`.
 *
 * @example
 * maskAccount("6222020200112345678") // "****5678"
 */
export function maskAccount(accountId: string): string {
  const alnum = accountId.replace(/[^0-9A-Za-z]/g, "");
  const keep = Math.min(4, Math.floor(alnum.length / 2));
  return "****" + (keep > 0 ? alnum.slice(-keep) : "");
}
