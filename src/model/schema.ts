import { z } from "zod";
import { isAmountLike, isKnownCurrency } from "../money/index.js";
import { isValidTimeZone, parseInstant, parseIsoDate } from "../time/index.js";

// ---------- primitives ----------

// Every amount must fit in integer minor units (≤ 4 decimals) below 2^53, so hot paths can use
// plain integers exactly: 900 billion major units is far beyond any consumer-credit balance.
const MAX_AMOUNT = 900_000_000_000;
function withinMax(v: string): boolean {
  let start = 0;
  let end = v.indexOf(".");
  if (end < 0) end = v.length;
  while (start < end - 1 && v.charCodeAt(start) === 48) start++; // leading zeros
  const digits = end - start;
  return digits < 12 || (digits === 12 && Number(v.slice(start, end)) <= MAX_AMOUNT);
}

/** A non-negative amount: a decimal string (`"1234.50"`) or a finite number. */
export const AmountSchema = z.custom<string | number>(
  (v) => isAmountLike(v) && (typeof v === "number" ? v >= 0 && v <= MAX_AMOUNT : !v.startsWith("-") && withinMax(v)),
  { message: 'expected a non-negative decimal amount up to 900000000000 (string like "12.50" or finite number)' },
);

/** ISO calendar date `YYYY-MM-DD` that exists (2024-02-29 yes, 2025-02-29 no). */
export const IsoDateSchema = z.custom<string>((v) => typeof v === "string" && !Number.isNaN(parseIsoDate(v)), {
  message: "expected an ISO date YYYY-MM-DD that exists",
});

/** ISO instant with an explicit offset (`2026-11-23T09:30:00+08:00` or `...Z`). */
export const InstantSchema = z.custom<string>((v) => typeof v === "string" && !Number.isNaN(parseInstant(v)), {
  message: "expected an ISO instant with offset",
});

/** An evaluation time: an ISO instant with offset, or an ISO date (meaning that local day). */
export const AsOfSchema = z.custom<string>(
  (v) => typeof v === "string" && !Number.isNaN(v.length === 10 ? parseIsoDate(v) : parseInstant(v)),
  { message: "expected an ISO instant with offset (2026-11-23T09:30:00+08:00) or an ISO date (2026-11-23)" },
);

export const CurrencySchema = z.custom<string>((v) => typeof v === "string" && isKnownCurrency(v), {
  message: "expected an ISO 4217 currency code",
});

export const TimeZoneSchema = z.custom<string>((v) => typeof v === "string" && isValidTimeZone(v), {
  message: 'expected an IANA time zone such as "Asia/Shanghai"',
});

export const LocaleSchema = z.custom<string>(
  (v) => {
    if (typeof v !== "string" || !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(v)) return false;
    try {
      return Intl.getCanonicalLocales(v).length === 1;
    } catch {
      return false;
    }
  },
  { message: 'expected a BCP 47 locale such as "zh-CN" or "en-US"' },
);

// ---------- enums ----------

export const CHANNELS = ["call", "sms", "email", "letter", "visit", "app"] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

export const CONTACT_OUTCOMES = [
  "no_answer",
  "busy",
  "voicemail",
  "right_party",
  "third_party",
  "wrong_number",
  "refused",
  "delivered",
  "undeliverable",
  "promise_to_pay",
  "dispute",
  "hardship_reported",
  "complaint",
] as const;
export const ContactOutcomeSchema = z.enum(CONTACT_OUTCOMES);
export type ContactOutcome = z.infer<typeof ContactOutcomeSchema>;

export const CONTACT_PURPOSES = [
  "reminder",
  "collection",
  "validation_notice",
  "visit_notice",
  "hardship_offer",
  "skip_trace",
  "other",
] as const;
export const ContactPurposeSchema = z.enum(CONTACT_PURPOSES);
export type ContactPurpose = z.infer<typeof ContactPurposeSchema>;

export const HARDSHIP_KINDS = ["medical", "unemployment", "income_drop", "disaster", "bereavement", "other"] as const;
export const HardshipKindSchema = z.enum(HARDSHIP_KINDS);
export type HardshipKind = z.infer<typeof HardshipKindSchema>;

// ---------- parts ----------

export const DueSchema = z.strictObject({
  dueDate: IsoDateSchema,
  /** Total amount due on this date (instalment, or a card's minimum payment). */
  amount: AmountSchema,
  principal: AmountSchema.optional(),
  interest: AmountSchema.optional(),
  fees: AmountSchema.optional(),
});
export type Due = z.infer<typeof DueSchema>;

export const PaymentSchema = z.strictObject({
  date: IsoDateSchema,
  amount: AmountSchema,
  /** Lender's reference, carried through untouched. */
  ref: z.string().optional(),
});
export type Payment = z.infer<typeof PaymentSchema>;

export const OverdueComponentsSchema = z.strictObject({
  principal: AmountSchema.default("0"),
  interest: AmountSchema.default("0"),
  penaltyInterest: AmountSchema.default("0"),
  fees: AmountSchema.default("0"),
});

export const DelinquencySnapshotSchema = z.strictObject({
  /** Days past due as the core system reported it on `asOf` (or on the evaluation date if absent). */
  dpd: z.number().int().min(0).max(100_000),
  /** Date the snapshot was taken. When evaluating later, a DPD above 0 ages by the days elapsed. */
  asOf: IsoDateSchema.optional(),
  /** Total overdue amount, or overdue by component. */
  overdue: z.union([AmountSchema, OverdueComponentsSchema]),
  /** Total outstanding; defaults to the sum of `balance`. */
  outstanding: AmountSchema.optional(),
  /** Monthly status, newest first, up to 24: 0 current, 1 one cycle (1–29 days) late, 2 two cycles … */
  cycleHistory: z.array(z.number().int().min(0).max(12)).max(24).optional(),
});
export type DelinquencySnapshot = z.infer<typeof DelinquencySnapshotSchema>;

export const BalanceSchema = z.strictObject({
  principal: AmountSchema.default("0"),
  interest: AmountSchema.default("0"),
  penaltyInterest: AmountSchema.default("0"),
  fees: AmountSchema.default("0"),
});
export type Balance = z.infer<typeof BalanceSchema>;

export const HardshipReportSchema = z.strictObject({
  kind: HardshipKindSchema,
  reportedOn: IsoDateSchema,
  /** Last day the hardship is expected to last (inclusive); open-ended if absent. */
  until: IsoDateSchema.optional(),
  note: z.string().optional(),
});
export type HardshipReport = z.infer<typeof HardshipReportSchema>;

export const BorrowerFlagsSchema = z.strictObject({
  disputed: z.boolean().default(false),
  bankrupt: z.boolean().default(false),
  deceased: z.boolean().default(false),
  ceaseContact: z.boolean().default(false),
  vulnerable: z.boolean().default(false),
  complaintOpen: z.boolean().default(false),
  legalHold: z.boolean().default(false),
  /** First day of a Debt Respite Scheme breathing space (UK), if known. */
  breathingSpaceFrom: IsoDateSchema.optional(),
  /** Last day (inclusive) of a breathing space; contact is held until the day after. */
  breathingSpaceUntil: IsoDateSchema.optional(),
});
export type BorrowerFlags = z.infer<typeof BorrowerFlagsSchema>;

export const BorrowerSchema = z.strictObject({
  /** Name used in salutations of messages (never sent to third parties). */
  name: z.string().min(1).optional(),
  monthlyIncome: AmountSchema.optional(),
  /** Other monthly debt service, for affordability. */
  monthlyObligations: AmountSchema.optional(),
  flags: BorrowerFlagsSchema.prefault({}),
  /** Channels the borrower asked not to be used. */
  doNotContact: z.array(ChannelSchema).default([]),
  hardship: z.array(HardshipReportSchema).default([]),
});
export type Borrower = z.infer<typeof BorrowerSchema>;

export const PromiseSchema = z.strictObject({
  amount: AmountSchema,
  dueDate: IsoDateSchema,
});
export type PromiseToPay = z.infer<typeof PromiseSchema>;

export const ContactSchema = z.strictObject({
  at: InstantSchema,
  channel: ChannelSchema,
  direction: z.enum(["outbound", "inbound"]).default("outbound"),
  outcome: ContactOutcomeSchema,
  purpose: ContactPurposeSchema.optional(),
  promise: PromiseSchema.optional(),
  agentId: z.string().optional(),
});
export type Contact = z.infer<typeof ContactSchema>;
