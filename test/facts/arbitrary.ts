import fc from "fast-check";
import type { AccountInput } from "../../src/index.js";
import { CONTACT_OUTCOMES, CHANNELS as SCHEMA_CHANNELS } from "../../src/model/index.js";
import { formatIsoDate, parseIsoDate } from "../../src/time/index.js";

// The schema's own enums: a new outcome or channel is generated as soon as it exists.
const CHANNELS = SCHEMA_CHANNELS;
const OUTCOMES = CONTACT_OUTCOMES;
const PURPOSES = [undefined, "reminder", "collection", "visit_notice", "skip_trace"] as const;
const ZONES = [
  "Asia/Shanghai",
  "America/New_York",
  "UTC",
  "Europe/London",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
] as const;
const CURRENCIES: { code: string; digits: number }[] = [
  { code: "CNY", digits: 2 },
  { code: "USD", digits: 2 },
  { code: "JPY", digits: 0 },
  { code: "KWD", digits: 3 },
];
const OFFSETS = ["Z", "+08:00", "-05:00", "+05:45", "-04:00", "+00:00"] as const;

const OPENED = parseIsoDate("2024-03-01");
/** Evaluation instants fall in [2025-06-01, 2027-06-01). */
const AS_OF_FROM = parseIsoDate("2025-06-01");

function amount(minor: number, digits: number): string {
  if (digits === 0) return String(minor);
  const s = String(minor).padStart(digits + 1, "0");
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

function instant(ms: number, offset: string): string {
  const off =
    offset === "Z" ? 0 : (offset[0] === "-" ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(ms + off * 60_000).toISOString().slice(0, 19);
  return `${local}${offset}`;
}

export interface Generated {
  account: AccountInput;
  asOf: string;
  asOfMs: number;
}

/** Valid accounts (installment, revolving or snapshot) with contacts around an evaluation instant. */
export const accountArb: fc.Arbitrary<Generated> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    cur: fc.constantFrom(...CURRENCIES),
    kind: fc.constantFrom("installment", "revolving", "snapshot"),
    asOfMinute: fc.integer({ min: 0, max: 730 * 1440 - 1 }),
    asOfOffset: fc.constantFrom(...OFFSETS),
    plainDate: fc.boolean(),
    dueDays: fc.uniqueArray(fc.integer({ min: 0, max: 1100 }), { maxLength: 36 }),
    dueAmount: fc.integer({ min: 0, max: 5_000_000 }),
    payments: fc.array(
      fc.record({ day: fc.integer({ min: 0, max: 1100 }), minor: fc.integer({ min: 0, max: 5_000_000 }) }),
      { maxLength: 40 },
    ),
    contacts: fc.array(
      fc.record({
        ago: fc.integer({ min: -5 * 1440, max: 200 * 1440 }), // minutes before asOf (negative: after)
        channel: fc.constantFrom(...CHANNELS),
        inbound: fc.boolean(),
        outcome: fc.constantFrom(...OUTCOMES),
        purpose: fc.constantFrom(...PURPOSES),
        offset: fc.constantFrom(...OFFSETS),
        promiseMinor: fc.integer({ min: 0, max: 1_000_000 }),
        promiseDays: fc.integer({ min: 0, max: 20 }),
      }),
      { maxLength: 60 },
    ),
    balance: fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 4, maxLength: 4 }),
    limit: fc.option(fc.integer({ min: 0, max: 100_000_000 }), { nil: undefined }),
    income: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined }),
    obligations: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined }),
    flags: fc.record({
      disputed: fc.boolean(),
      bankrupt: fc.boolean(),
      deceased: fc.boolean(),
      ceaseContact: fc.boolean(),
      vulnerable: fc.boolean(),
      complaintOpen: fc.boolean(),
      legalHold: fc.boolean(),
    }),
    breathing: fc.option(
      fc.tuple(fc.integer({ min: 0, max: 1100 }), fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined })),
      { nil: undefined },
    ),
    dnc: fc.subarray([...CHANNELS]),
    hardship: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 1100 }),
        len: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
        kind: fc.constantFrom("medical", "unemployment", "income_drop", "disaster", "bereavement", "other"),
      }),
      { maxLength: 3 },
    ),
    snapDpd: fc.integer({ min: 0, max: 400 }),
    history: fc.option(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 24 }), { nil: undefined }),
  })
  .map((g) => {
    const { code: currency, digits } = g.cur;
    const asOfMs = (AS_OF_FROM * 1440 + g.asOfMinute) * 60_000;
    const asOf = g.plainDate ? formatIsoDate(Math.floor(asOfMs / 86_400_000)) : instant(asOfMs, g.asOfOffset);
    const day = (d: number) => formatIsoDate(OPENED + d);
    const contacts = g.contacts.map((c) => {
      const ms = asOfMs - c.ago * 60_000;
      const out: Record<string, unknown> = {
        at: instant(ms, c.offset),
        channel: c.channel,
        direction: c.inbound ? "inbound" : "outbound",
        outcome: c.outcome,
      };
      if (c.purpose) out.purpose = c.purpose;
      if (c.outcome === "promise_to_pay")
        out.promise = {
          amount: amount(c.promiseMinor, digits),
          dueDate: formatIsoDate(Math.floor(ms / 86_400_000) + c.promiseDays),
        };
      return out;
    });
    const account: Record<string, unknown> = {
      id: "P-1",
      product: g.kind === "revolving" ? "revolving" : "installment",
      currency,
      openedOn: formatIsoDate(OPENED),
      timeZone: g.zone,
      balance: {
        principal: amount(g.balance[0]!, digits),
        interest: amount(g.balance[1]!, digits),
        penaltyInterest: amount(g.balance[2]!, digits),
        fees: amount(g.balance[3]!, digits),
      },
      payments: g.payments.map((p) => ({ date: day(p.day), amount: amount(p.minor, digits) })),
      contacts,
      borrower: {
        ...(g.income !== undefined ? { monthlyIncome: amount(g.income, digits) } : {}),
        ...(g.obligations !== undefined ? { monthlyObligations: amount(g.obligations, digits) } : {}),
        flags: {
          ...g.flags,
          ...(g.breathing
            ? {
                breathingSpaceFrom: day(g.breathing[0]),
                ...(g.breathing[1] !== undefined ? { breathingSpaceUntil: day(g.breathing[0] + g.breathing[1]) } : {}),
              }
            : {}),
        },
        doNotContact: g.dnc,
        hardship: g.hardship.map((h) => ({
          kind: h.kind,
          reportedOn: day(h.day),
          ...(h.len !== undefined ? { until: day(h.day + h.len) } : {}),
        })),
      },
    };
    if (g.kind === "revolving" && g.limit !== undefined) account.creditLimit = amount(g.limit, digits);
    if (g.kind === "snapshot")
      account.delinquency = {
        dpd: g.snapDpd,
        overdue: amount(g.dueAmount, digits),
        ...(g.history ? { cycleHistory: g.history } : {}),
      };
    else account.dues = g.dueDays.map((d) => ({ dueDate: day(d), amount: amount(g.dueAmount, digits) }));
    return { account: account as AccountInput, asOf, asOfMs };
  });
