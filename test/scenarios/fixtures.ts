/**
 * The oracle's base fixtures (§0.2) and the few JSON amendments the account builder has no
 * method for (due components, late payments, emergency contacts, income and expenditure,
 * arrangements, visit details, other time zones).
 */
import type { AccountInput } from "../../src/index.js";
import { type AccountBuilder, account, type ContactSpec } from "../../src/testing/index.js";

/** The default evaluation instant: Monday 2026-11-23, 10:00 local. */
export const CN_NOW = "2026-11-23T10:00:00+08:00";
export const US_NOW = "2026-11-23T10:00:00-05:00";
export const GB_NOW = "2026-11-23T10:00:00+00:00";

/** How the base fixture's dues run: `dpd` days past due on `on` (default 2026-11-23, so moving asOf later ages the account). */
export interface DueOptions {
  /** Paid monthly dues before the first missed one (default 12: a clean year). */
  readonly history?: number;
  /** The monthly due (default the base instalment). */
  readonly amount?: string;
  /** The date on which DPD is `dpd` (default 2026-11-23). */
  readonly on?: string;
}

/** A mutable view of the account JSON, for amendments. */
type Json = Record<string, unknown> & {
  dues?: Record<string, unknown>[];
  payments: { date: string; amount: string }[];
  contacts: Record<string, unknown>[];
  borrower: Record<string, unknown>;
};

/** A change to the built JSON. */
export type Amend = (a: Json) => void;

/** Builds the account and applies the amendments, in order. */
export function build(b: AccountBuilder, ...amends: Amend[]): AccountInput {
  const json = b.build() as unknown as Json;
  for (const f of amends) f(json);
  return json as unknown as AccountInput;
}

/**
 * A borrower in China (CNY, Asia/Shanghai, zh-CN), ¥2,000 on the 20th (¥1,800 principal + ¥200
 * interest), ¥30,000 principal outstanding, income ¥10,000, 12 clean months: current unless
 * `dpd` says otherwise. Pair with {@link cnDues} in `build`.
 */
export function cn(id: string, dpd = 0, o: DueOptions = {}): AccountBuilder {
  return account()
    .id(id)
    .asOf(CN_NOW)
    .currency("CNY")
    .jurisdiction("CN")
    .timeZone("Asia/Shanghai")
    .locale("zh-CN")
    .income("10000.00")
    .balance("30000.00")
    .overdue(dpd, { amount: o.amount ?? "2000.00", history: o.history ?? 12, asOf: o.on ?? "2026-11-23" });
}

/** A borrower in New York (USD, America/New_York, en-US), $350 on the 20th ($300 + $50), $6,000 principal, income $4,500. */
export function us(id: string, dpd = 0, o: DueOptions = {}): AccountBuilder {
  return account()
    .id(id)
    .asOf(US_NOW)
    .currency("USD")
    .jurisdiction("US-NY")
    .timeZone("America/New_York")
    .locale("en-US")
    .income("4500.00")
    .balance("6000.00")
    .overdue(dpd, { amount: o.amount ?? "350.00", history: o.history ?? 12, asOf: o.on ?? "2026-11-23" });
}

/** A borrower in England (GBP, Europe/London, en-GB), £250 on the 20th (£210 + £40), £6,000 principal, income £2,600. */
export function gb(id: string, dpd = 0, o: DueOptions = {}): AccountBuilder {
  return account()
    .id(id)
    .asOf(GB_NOW)
    .currency("GBP")
    .jurisdiction("GB-ENG")
    .timeZone("Europe/London")
    .locale("en-GB")
    .income("2600.00")
    .balance("6000.00")
    .overdue(dpd, { amount: o.amount ?? "250.00", history: o.history ?? 12, asOf: o.on ?? "2026-11-23" });
}

/** Every due of `amount` split into principal and interest. */
export function split(amount: string, principal: string, interest: string): Amend {
  return (a) => {
    for (const d of a.dues ?? []) if (d.amount === amount) Object.assign(d, { principal, interest });
  };
}

/** The base instalments' split: ¥1,800 + ¥200, $300 + $50, £210 + £40. */
export const cnDues = split("2000.00", "1800.00", "200.00");
export const usDues = split("350.00", "300.00", "50.00");
export const gbDues = split("250.00", "210.00", "40.00");

/** The payment made on `dueDate` was made on `paidOn` instead (a late payment). */
export function paidLate(dueDate: string, paidOn: string): Amend {
  return (a) => {
    const p = a.payments.find((x) => x.date === dueDate);
    if (!p) throw new Error(`fixture: no payment on ${dueDate} to move`);
    p.date = paidOn;
  };
}

/** Merges fields into `borrower` (emergencyContacts, incomeAndExpenditure, otherTimeZones …). */
export function borrower(fields: Record<string, unknown>): Amend {
  return (a) => {
    Object.assign(a.borrower, structuredClone(fields));
  };
}

/** Adds payment arrangements. */
export function arrangements(...list: Record<string, unknown>[]): Amend {
  return (a) => {
    a.arrangements = [...((a.arrangements as unknown[] | undefined) ?? []), ...structuredClone(list)];
  };
}

/** Visit details on the contact at `at` (which must be on channel visit). */
export function visitDetails(at: string, details: Record<string, unknown>): Amend {
  return (a) => {
    const c = a.contacts.find((x) => x.at === at);
    if (!c) throw new Error(`fixture: no contact at ${at}`);
    c.visit = { ...details };
  };
}

/** Replaces the dues (and drops the builder's payments) with an explicit schedule. */
export function schedule(
  dues: { dueDate: string; amount: string }[],
  payments: { date: string; amount: string }[],
): Amend {
  return (a) => {
    a.dues = structuredClone(dues);
    a.payments = structuredClone(payments);
    const first = [...dues.map((d) => d.dueDate), ...payments.map((p) => p.date)].sort()[0];
    if (first) a.openedOn = new Date(Date.parse(`${first}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
  };
}

/** Adds one contact per instant, each with the same spec. */
export function contactsAt(b: AccountBuilder, ats: readonly string[], spec: ContactSpec = {}): AccountBuilder {
  return ats.reduce((acc, at) => acc.contact({ ...spec, at }), b);
}

/**
 * `count` instants `stepDays` apart from `from` (ISO date) at local `time` with `offset`:
 * `series("2026-10-01", 14, 3, "10:00", "+08:00")`.
 */
export function series(from: string, count: number, stepDays: number, time: string, offset: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from(
    { length: count },
    (_, i) => `${new Date(start + i * stepDays * 86_400_000).toISOString().slice(0, 10)}T${time}:00${offset}`,
  );
}

/** `count` monthly ISO dates from `from` (same day of the month): `months("2026-08-10", 6)`. */
export function months(from: string, count: number): string[] {
  const [y, m, d] = from.split("-").map(Number) as [number, number, number];
  return Array.from({ length: count }, (_, i) => {
    const k = m - 1 + i;
    return `${y + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  });
}
