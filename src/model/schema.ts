import * as z from "zod";
import { isAmountInRange, isKnownCurrency } from "../money/index.js";
import { isValidTimeZone, parseInstant, parseIsoDate } from "../time/index.js";
import { BoundedCache } from "../util/index.js";

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
  events: 1_000,
  arrangements: 100,
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

/**
 * Where the borrower lives, for the law that applies: an ISO 3166-1 country code, optionally
 * with an ISO 3166-2 subdivision (`CN`, `US-NY`, `US-MA`, `GB-ENG`, `GB-SCT`).
 */
export const JurisdictionSchema = z
  .string()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, { message: 'expected an ISO 3166 code such as "CN", "US-NY" or "GB-ENG"' });

export const CurrencySchema = z.custom<string>((v) => typeof v === "string" && isKnownCurrency(v), {
  message: "expected an ISO 4217 currency code",
});

export const TimeZoneSchema = z.custom<string>((v) => typeof v === "string" && isValidTimeZone(v), {
  message: 'expected an IANA time zone such as "Asia/Shanghai"',
});

// Intl.getCanonicalLocales costs microseconds and an account has one locale among very few: the
// answer per locale is remembered (bounded; keys are at most 35 characters).
const localeValidity = new BoundedCache<boolean>(256, 35);

function isLocale(v: unknown): boolean {
  if (typeof v !== "string" || v.length > 35) return false;
  let ok = localeValidity.get(v);
  if (ok === undefined) {
    ok = false;
    if (/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(v))
      try {
        ok = Intl.getCanonicalLocales(v).length === 1;
      } catch {
        ok = false;
      }
    localeValidity.set(v, ok);
  }
  return ok;
}

export const LocaleSchema = z.custom<string>(isLocale, {
  message: 'expected a BCP 47 locale such as "zh-CN" or "en-US"',
});

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
  /** A reminder before a due date (the account is not overdue). */
  "pre_due_reminder",
  /** Agreeing a time for a home visit (预约). */
  "visit_appointment",
  /** Confirming, checking or chasing a payment arrangement. */
  "arrangement",
  /** A statutory arrears notice (UK CCA s.86B/86C). */
  "arrears_notice",
  /** A statutory default notice (UK CCA s.87). */
  "default_notice",
  /** The last letter before legal action or charge-off. */
  "final_notice",
  /** A pre-action letter of claim (UK Pre-Action Protocol for Debt Claims). */
  "letter_of_claim",
  /** Notice before negative credit reporting (征信业管理条例 art. 15). */
  "credit_report_notice",
  /** Verification of a disputed debt (12 CFR 1006.38). */
  "verification",
  /** Telling the borrower the account was placed with (or recalled from) an agency. */
  "placement_notice",
  /** A message through an emergency contact or other third party (call-back or location only). */
  "location",
  /** Telling the borrower that collection efforts stop, or which remedy may be invoked (12 CFR 1006.6(c)). */
  "remedy_notice",
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

/** Amounts by balance component (a balance, or a snapshot's overdue amounts); missing parts are 0. */
export const BalanceSchema = z.strictObject({
  principal: AmountSchema.default("0"),
  interest: AmountSchema.default("0"),
  penaltyInterest: AmountSchema.default("0"),
  fees: AmountSchema.default("0"),
});
export type Balance = z.infer<typeof BalanceSchema>;

export const DelinquencySnapshotSchema = z.strictObject({
  /** Days past due as the core system reported it on `asOf` (or on the evaluation date if absent). */
  dpd: z.number().int().min(0).max(100_000),
  /** Date the snapshot was taken. When evaluating later, a DPD above 0 ages by the days elapsed. */
  asOf: IsoDateSchema.optional(),
  /** Total overdue amount, or overdue by component. */
  overdue: z.union([AmountSchema, BalanceSchema]),
  /** Total outstanding; defaults to the sum of `balance`. */
  outstanding: AmountSchema.optional(),
  /** Monthly status, newest first, up to 24: 0 current, 1 one cycle (1–29 days) late, 2 two cycles … */
  cycleHistory: z.array(z.number().int().min(0).max(12)).max(24).optional(),
});
export type DelinquencySnapshot = z.infer<typeof DelinquencySnapshotSchema>;

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

/** Who an emergency contact is to the borrower. */
export const RELATIONSHIPS = [
  "spouse",
  "parent",
  "child",
  "sibling",
  "relative",
  "friend",
  "colleague",
  "other",
] as const;

/** A person the borrower named to reach them when they cannot be reached (紧急联系人). No names: only what rules need. */
export const EmergencyContactSchema = z.strictObject({
  id: text(ACCOUNT_LIMITS.refLength).min(1),
  relationship: z.enum(RELATIONSHIPS),
  /** The person asked not to be contacted again (contact stops for good). */
  optedOut: z.boolean().default(false),
});
export type EmergencyContact = z.infer<typeof EmergencyContactSchema>;

/** The borrower's income and expenditure summary (UK "I&E", a budget), for affordability. */
export const IncomeExpenditureSchema = z.strictObject({
  /** Total monthly income after tax, all sources. */
  monthlyIncome: AmountSchema,
  /** Essential monthly spending: housing, utilities, food, transport, childcare … */
  essentialExpenditure: AmountSchema,
  /** Monthly repayments to other creditors. */
  otherDebtRepayments: AmountSchema.default("0"),
  /** When the budget was completed. */
  completedOn: IsoDateSchema,
});
export type IncomeExpenditure = z.infer<typeof IncomeExpenditureSchema>;

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
  /** Income and expenditure summary, when the borrower completed one. */
  incomeAndExpenditure: IncomeExpenditureSchema.optional(),
  /** Emergency contacts (third parties who may only be asked to pass on a call-back request). */
  emergencyContacts: z.array(EmergencyContactSchema).max(20).default([]),
  /**
   * Other time zones the borrower may be in (conflicting location information: an area code in
   * one zone, a postal address in another). Calls must then be convenient in every zone.
   */
  otherTimeZones: z.array(TimeZoneSchema).max(5).default([]),
  /** The borrower's employer prohibits collection contact at work (12 CFR 1006.6(b)(3)). */
  employerProhibitsContact: z.boolean().default(false),
});
export type Borrower = z.infer<typeof BorrowerSchema>;

export const PromiseSchema = z.strictObject({
  amount: AmountSchema,
  dueDate: IsoDateSchema,
});
export type PromiseToPay = z.infer<typeof PromiseSchema>;

/** Who a contact was with. */
export const PARTIES = ["borrower", "emergency_contact", "third_party", "attorney"] as const;
export type Party = (typeof PARTIES)[number];

/** Details of a field visit, recorded on the contact (channel `visit`). */
const VisitDetailsSchema = z.strictObject({
  /** How many collectors went (the CN 2026 guideline asks for at least two). */
  staff: z.number().int().min(1).max(10),
  /** The collectors showed their identity documents. */
  identityShown: z.boolean().default(false),
  /** The visit was recorded (audio and video). */
  recorded: z.boolean().default(false),
  /** The borrower agreed to the visit at this time beforehand (an appointment). */
  byAppointment: z.boolean().default(false),
});

export const ContactSchema = z.strictObject({
  at: InstantSchema,
  channel: ChannelSchema,
  direction: z.enum(["outbound", "inbound"]).default("outbound"),
  outcome: ContactOutcomeSchema,
  purpose: ContactPurposeSchema.optional(),
  promise: PromiseSchema.optional(),
  agentId: text(ACCOUNT_LIMITS.refLength).optional(),
  /** Who the contact was with; default the borrower (or a third party for outcome `third_party`). */
  party: z.enum(PARTIES).optional(),
  /** Which emergency contact (an `id` of `borrower.emergencyContacts`), for party `emergency_contact`. */
  partyId: text(ACCOUNT_LIMITS.refLength).optional(),
  /** Reference of the call or visit recording, kept by the lender. */
  recordingRef: text(ACCOUNT_LIMITS.refLength).optional(),
  /** An appointment agreed in this contact: a time the borrower accepted for a visit (预约) or a call back. */
  appointment: z.strictObject({ at: InstantSchema, kind: z.enum(["visit", "call"]) }).optional(),
  /** Field-visit details, for channel `visit`. */
  visit: VisitDetailsSchema.optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

/**
 * Dated events in the account's life that open and close holds and routes: each kind is one
 * entry here, so a hold's start and end are facts on record, never an assumption.
 */
export const EVENT_TYPES = [
  /** A dispute of the debt (in writing unless `written: false`), with the disputed amount if partial. */
  "dispute_received",
  /** Verification of the debt (or a copy of a judgment) sent: ends a dispute hold (12 CFR 1006.38(d)(2)). */
  "verification_sent",
  "dispute_withdrawn",
  /** A request to stop collection communication (in writing unless `written: false`). */
  "cease_requested",
  "cease_withdrawn",
  "complaint_opened",
  "complaint_resolved",
  /** A Debt Respite Scheme moratorium started (`kind`: standard or mental_health). */
  "breathing_space_started",
  "breathing_space_ended",
  /** The mental-health crisis treatment ended (the moratorium ends 30 days later). */
  "mental_health_treatment_ended",
  /** A bankruptcy or insolvency petition was filed (automatic stay). */
  "bankruptcy_filed",
  "bankruptcy_discharged",
  "bankruptcy_dismissed",
  "deceased_reported",
  /** The borrower is represented by an attorney / solicitor for this debt. */
  "attorney_retained",
  "attorney_withdrawn",
  /** The attorney consented to direct contact with the borrower (or did not respond in time). */
  "attorney_consented",
  /** Servicemember status checked (e.g. the DMDC SCRA website), with the result. */
  "servicemember_checked",
  /** The borrower is or may be a vulnerable customer (health, life event, resilience, capability). */
  "vulnerability_reported",
  "vulnerability_cleared",
  /** Doubt about the borrower's mental capacity (UK CONC 7.10): suspend recovery. */
  "capacity_concern_raised",
  "capacity_confirmed",
  /** The borrower is working with a free debt-advice agency. */
  "debt_advice_engaged",
  /** The borrower acknowledged the debt in writing (restarts limitation in some laws). */
  "debt_acknowledged",
  "charged_off",
  "agency_placed",
  "agency_recalled",
  /** The account was re-aged (brought current) after a qualifying arrangement. */
  "reaged",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const AccountEventSchema = z.strictObject({
  type: z.enum(EVENT_TYPES),
  /** The day it happened (the borrower's local date). */
  on: IsoDateSchema,
  /** dispute_received / cease_requested: received in writing (default true). */
  written: z.boolean().optional(),
  /** dispute_received: the disputed part only. */
  amount: AmountSchema.optional(),
  /** breathing_space_started: which moratorium. */
  kind: z.enum(["standard", "mental_health"]).optional(),
  /** breathing_space_started: the end date given in the Insolvency Service notice, if any. */
  until: IsoDateSchema.optional(),
  /** servicemember_checked: whether the borrower is on active duty. */
  active: z.boolean().optional(),
  /** bankruptcy_filed: chapter or procedure. */
  chapter: z.enum(["7", "11", "12", "13", "other"]).optional(),
  /** agency_placed: who holds the account. */
  agency: text(ACCOUNT_LIMITS.refLength).optional(),
  note: text(ACCOUNT_LIMITS.noteLength).optional(),
});
export type AccountEvent = z.infer<typeof AccountEventSchema>;

/** Kinds of payment arrangement. */
export const ARRANGEMENT_KINDS = [
  "installment_plan",
  "reduced_payment",
  "payment_holiday",
  "deferral",
  "settlement",
  "debt_management_plan",
] as const;

/** A payment arrangement agreed with the borrower, with its own schedule. */
export const ArrangementSchema = z.strictObject({
  id: text(ACCOUNT_LIMITS.refLength).min(1),
  kind: z.enum(ARRANGEMENT_KINDS),
  agreedOn: IsoDateSchema,
  /** The agreed payments (a payment holiday may have none, or token amounts). */
  schedule: z.array(z.strictObject({ dueDate: IsoDateSchema, amount: AmountSchema })).max(600),
  /** Ended early by agreement (superseded or cancelled): from then on it is not monitored. */
  endedOn: IsoDateSchema.optional(),
  /** Penalty interest and fees waived if the arrangement is completed. */
  conditionalWaiver: z
    .strictObject({ penaltyInterest: AmountSchema.optional(), fees: AmountSchema.optional() })
    .optional(),
  note: text(ACCOUNT_LIMITS.noteLength).optional(),
});
export type Arrangement = z.infer<typeof ArrangementSchema>;
