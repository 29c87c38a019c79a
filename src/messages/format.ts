import { TZDate } from "@date-fns/tz";
import { format as formatDateFns, type Locale } from "date-fns";
import { enGB, enUS, zhCN } from "date-fns/locale";
import { ArrearsError } from "../errors/index.js";
import { parseIsoDate } from "../time/index.js";
import { BoundedCache } from "../util/index.js";

export { formatMoney } from "../money/index.js";

function bad(fn: string, path: string, message: string, received: unknown): never {
  throw new ArrearsError("INVALID_INPUT", [{ path: [path], message, received }], fn);
}

// Letter dates of the locales the shipped templates are written in: date-fns formats them with its
// locale data; any other locale (a lender's own template) falls back to Intl's long date.
const DATE_STYLES: Readonly<Record<string, { locale: Locale; pattern: string }>> = {
  "zh-CN": { locale: zhCN, pattern: "yyyy年M月d日" },
  "en-US": { locale: enUS, pattern: "MMMM d, yyyy" },
  "en-GB": { locale: enGB, pattern: "d MMMM yyyy" },
};
const dateFormats = new BoundedCache<Intl.DateTimeFormat>(64, 35);
const formattedDates = new BoundedCache<string>(20_000, 50);
const listFormats = new BoundedCache<Intl.ListFormat>(64, 35);
const formattedLists = new BoundedCache<string>(1_000, 500);
const unitFormats = new BoundedCache<Intl.NumberFormat>(128, 40);

function intl<T>(fn: string, locale: string, make: () => T): T {
  try {
    return make();
  } catch {
    return bad(fn, "locale", 'expected a BCP 47 locale such as "en-GB"', locale);
  }
}

/**
 * Formats an ISO date (`YYYY-MM-DD`) the way `locale` writes a date in a letter.
 *
 * @throws {ArrearsError} `INVALID_INPUT` for a malformed date or locale.
 *
 * @example
 * formatDate("2026-11-23", "zh-CN") // "2026年11月23日"
 * formatDate("2026-11-23", "en-US") // "November 23, 2026"
 * formatDate("2026-11-23", "en-GB") // "23 November 2026"
 */
export function formatDate(isoDate: string, locale: string): string {
  const day = typeof isoDate === "string" ? parseIsoDate(isoDate) : Number.NaN;
  if (Number.isNaN(day)) bad("formatDate", "isoDate", "expected an ISO date YYYY-MM-DD that exists", isoDate);
  if (typeof locale !== "string") bad("formatDate", "locale", "expected a locale string", locale);
  const key = locale + "|" + isoDate;
  const hit = formattedDates.get(key);
  if (hit !== undefined) return hit;
  const [y, m, d] = [+isoDate.slice(0, 4), +isoDate.slice(5, 7), +isoDate.slice(8, 10)];
  const style = Object.hasOwn(DATE_STYLES, locale) ? DATE_STYLES[locale] : undefined;
  let out: string;
  if (style) {
    // A UTC calendar date: the letter's date never shifts with the host's zone. Years 0–99 are
    // set explicitly (the Date constructor would read them as 1900–1999).
    const date = new TZDate(2000, 0, 1, "UTC");
    date.setFullYear(y, m - 1, d);
    out = formatDateFns(date, style.pattern, { locale: style.locale });
  } else {
    let f = dateFormats.get(locale);
    if (!f)
      f = dateFormats.set(
        locale,
        intl("formatDate", locale, () => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" })),
      );
    const date = new Date(Date.UTC(2000, 0, 1));
    date.setUTCFullYear(y, m - 1, d);
    out = f.format(date);
  }
  return formattedDates.set(key, out);
}

/**
 * Joins alternatives the way `locale` lists them ("card, bank transfer, or cash" / "银行卡、转账或现金").
 *
 * @throws {ArrearsError} `INVALID_INPUT` for a bad list or locale.
 *
 * @example
 * formatList(["card", "bank transfer"], "en-US") // "card or bank transfer"
 */
export function formatList(items: readonly string[], locale: string): string {
  if (!Array.isArray(items) || !items.every((x) => typeof x === "string"))
    bad("formatList", "items", "expected an array of strings", items);
  if (typeof locale !== "string") bad("formatList", "locale", "expected a locale string", locale);
  const key = locale + "\u0000" + items.join("\u0001");
  const hit = formattedLists.get(key);
  if (hit !== undefined) return hit;
  let f = listFormats.get(locale);
  if (!f)
    f = listFormats.set(
      locale,
      intl("formatList", locale, () => new Intl.ListFormat(locale, { type: "disjunction", style: "long" })),
    );
  return formattedLists.set(key, f.format(items));
}

/**
 * A whole count with its unit, plural-correct in `locale`.
 *
 * @throws {ArrearsError} `INVALID_INPUT` unless `n` is a finite whole number (no "NaN days").
 *
 * @example
 * formatUnit(1, "day", "en-US")  // "1 day"
 * formatUnit(12, "day", "zh-CN") // "12天"
 */
export function formatUnit(n: number, unit: "day" | "month", locale: string): string {
  if (!Number.isSafeInteger(n)) bad("formatUnit", "n", "expected a whole number", n);
  if (unit !== "day" && unit !== "month") bad("formatUnit", "unit", 'expected "day" or "month"', unit);
  if (typeof locale !== "string") bad("formatUnit", "locale", "expected a locale string", locale);
  const key = locale + "|" + unit;
  let f = unitFormats.get(key);
  if (!f)
    f = unitFormats.set(
      key,
      intl(
        "formatUnit",
        locale,
        () => new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long", maximumFractionDigits: 0 }),
      ),
    );
  return f.format(n);
}

/**
 * Masks an account number, keeping only its last 4 letters or digits (fewer for short ids, so
 * at least half stays hidden): `"ACC-2024-001234"` → `"****1234"`.
 *
 * @throws {ArrearsError} `INVALID_INPUT` when `accountId` is not a string.
 *
 * @example
 * maskAccount("6222020200112345678") // "****5678"
 */
export function maskAccount(accountId: string): string {
  if (typeof accountId !== "string") bad("maskAccount", "accountId", "expected a string", accountId);
  let kept = "";
  let total = 0;
  // From the end, so a long id costs only what it takes to find its last four characters.
  for (let i = accountId.length - 1; i >= 0; i--) {
    const c = accountId.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      total++;
      if (kept.length < 4) kept = accountId[i] + kept;
      else if (total >= 8) break;
    }
  }
  const keep = Math.min(4, Math.floor(total / 2));
  return "****" + kept.slice(kept.length - keep);
}

const WEEKDAYS: Readonly<Record<string, readonly string[]>> = {
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  zh: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
};
const conjunctions = new BoundedCache<Intl.ListFormat>(64, 35);
const timeFormats = new BoundedCache<Intl.DateTimeFormat>(64, 35);

function clockText(minute: number, locale: string): string {
  const h = Math.floor(minute / 60) % 24;
  const m = minute % 60;
  const lang = locale.split("-")[0]!.toLowerCase();
  if (lang === "zh") return `${minute === 1440 ? 24 : h}:${String(m).padStart(2, "0")}`;
  if (lang === "en") {
    if (minute === 0 || minute === 1440) return "midnight";
    const us = locale.toLowerCase() === "en-us";
    const h12 = h % 12 === 0 ? 12 : h % 12;
    const mm = m === 0 ? "" : `:${String(m).padStart(2, "0")}`;
    const half = h < 12 ? (us ? " a.m." : "am") : us ? " p.m." : "pm";
    return `${h12}${mm}${half}`;
  }
  let f = timeFormats.get(locale);
  if (!f)
    f = timeFormats.set(
      locale,
      intl(
        "formatHours",
        locale,
        () => new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }),
      ),
    );
  return f.format(new Date(Date.UTC(2000, 0, 1, h, m)));
}

/**
 * A local clock time, or a range of one, the way `locale` writes it in a letter: "9am to 8pm"
 * (en-GB), "9 a.m. to 8 p.m." (en-US), "9:00至20:00" (zh-CN). Minutes from midnight.
 *
 * @example
 * formatHours(540, 1200, "en-GB") // "9am to 8pm"
 * formatHours(840, null, "en-US") // "2 p.m."
 */
export function formatHours(start: number, end: number | null, locale: string): string {
  if (!Number.isInteger(start) || start < 0 || start > 1440)
    bad("formatHours", "start", "expected minutes 0–1440", start);
  if (end !== null && (!Number.isInteger(end) || end < 0 || end > 1440))
    bad("formatHours", "end", "expected minutes 0–1440", end);
  if (typeof locale !== "string") bad("formatHours", "locale", "expected a locale string", locale);
  const a = clockText(start, locale);
  if (end === null) return a;
  const lang = locale.split("-")[0]!.toLowerCase();
  const b = clockText(end, locale);
  return lang === "zh" ? `${a}至${b}` : lang === "en" ? `${a} to ${b}` : `${a}–${b}`;
}

/**
 * ISO weekdays (bit d−1 set for day d, 1 = Monday) as a phrase: a run of three or more as a
 * range ("Monday to Saturday", "周一至周六"), else a list ("Monday, Wednesday and Friday").
 *
 * @example
 * formatWeekdays(0b0111111, "en-GB") // "Monday to Saturday"
 */
export function formatWeekdays(mask: number, locale: string): string {
  if (!Number.isInteger(mask) || mask <= 0 || mask > 0b1111111)
    bad("formatWeekdays", "mask", "expected a non-empty set of weekdays", mask);
  const lang = locale.split("-")[0]!.toLowerCase();
  const names =
    WEEKDAYS[lang] ??
    intl("formatWeekdays", locale, () =>
      // 2024-01-01 was a Monday.
      Array.from({ length: 7 }, (_, i) =>
        new Date(Date.UTC(2024, 0, 1 + i)).toLocaleDateString(locale, { weekday: "long", timeZone: "UTC" }),
      ),
    );
  const days = [1, 2, 3, 4, 5, 6, 7].filter((d) => (mask & (1 << (d - 1))) !== 0);
  const run = days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  if (run && days.length >= 3) {
    const a = names[days[0]! - 1]!;
    const b = names[days[days.length - 1]! - 1]!;
    return lang === "zh" ? `${a}至${b}` : lang === "en" ? `${a} to ${b}` : `${a}–${b}`;
  }
  let f = conjunctions.get(locale);
  if (!f)
    f = conjunctions.set(
      locale,
      intl("formatWeekdays", locale, () => new Intl.ListFormat(locale, { type: "conjunction", style: "long" })),
    );
  return f.format(days.map((d) => names[d - 1]!));
}
