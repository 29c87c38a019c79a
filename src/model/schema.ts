import { z } from "zod";
import { isAmountInRange, isKnownCurrency } from "../money/index.js";
import { isValidTimeZone, parseInstant, parseIsoDate } from "../time/index.js";

// ---------- primitives ----------

/**
 * Documented limits on an account's free text and lists: beyond them the account is rejected with
 * a clear issue, so no single account can make a decision slow or an error message huge.
 */
export const ACCOUNT_LIMITS = {
  idLength: 128,
  nameLength: 200,
  noteLength: 2_000,
  refLength: 128,
  dues: 1_200,
  payments: 10_000,
  contacts: 10_000,
  hardshipReports: 100,
  metaKeys: 100,
  metaValueLength: 1_000,
} as const;

/** A string of at most `max` characters. @internal */
export const text = (max: number) => z.string().max(max, { message: `expected at most ${max} characters` });

/** A non-negative amount up to `MAX_AMOUNT` (900000000000): a decimal string (`"1234.50"`) or a finite number. */
export const AmountSchema = z.custom<string | number>((v) => isAmountInRange(v), {
  message: 'expected a non-negative decimal amount up to 900000000000 (string like "12.50" or finite number)',
});

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
    if (typeof v !== "string" || v.length > 35 || !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(v)) return false;
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
  /** Total amount due on this date (installment, or a card's minimum payment). */
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
  ref: text(ACCOUNT_LIMITS.refLength).optional(),
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
  note: text(ACCOUNT_LIMITS.noteLength).optional(),
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
  name: text(ACCOUNT_LIMITS.nameLength).min(1).optional(),
  monthlyIncome: AmountSchema.optional(),
  /** Other monthly debt service, for affordability. */
  monthlyObligations: AmountSchema.optional(),
  flags: BorrowerFlagsSchema.prefault({}),
  /** Channels the borrower asked not to be used. */
  doNotContact: z.array(ChannelSchema).default([]),
  hardship: z.array(HardshipReportSchema).max(ACCOUNT_LIMITS.hardshipReports).default([]),
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
  agentId: text(ACCOUNT_LIMITS.refLength).optional(),
});
export type Contact = z.infer<typeof ContactSchema>;
