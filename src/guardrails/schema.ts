import * as z from "zod";
import { BORROWER_STATUSES } from "../holds/index.js";
import {
  ChannelSchema,
  ContactOutcomeSchema,
  ContactPurposeSchema,
  InstantSchema,
  IsoDateSchema,
  JurisdictionSchema,
} from "../model/index.js";

/** Rules of one kind in a profile (a real one has a dozen): bounds the load time of a hostile file. */
const MAX_RULES = 500;

/**
 * zod schema of a guardrail profile: the compliance rules for contacting a borrower, as data.
 * Every rule names the regulation (or the documented policy choice) it encodes in `source`.
 */

const CodeSchema = z.string().regex(/^[A-Z][A-Z0-9_]*$/, { message: "expected an UPPER_SNAKE_CASE reason code" });
const SourceSchema = z.string().min(1, { message: "expected the regulation or policy this rule encodes" });
const IdSchema = z
  .string()
  .min(1)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: "expected an id of letters, digits, '.', '_' or '-'" });
const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const ClockSchema = z.string().regex(CLOCK, { message: "expected a local time HH:MM (00:00–24:00)" });
const Channels = z.array(ChannelSchema).min(1);

/**
 * Borrower statuses a hold (or a cap's `when`) can key on: every hold status of `holds` (each
 * with its lifecycle from dated events) and `vulnerable`.
 *
 * @example
 * HOLD_FLAGS.includes("ceaseContact"); // true
 */
export const HOLD_FLAGS = BORROWER_STATUSES;
const HoldFlagSchema = z.enum(BORROWER_STATUSES);
export type HoldFlag = z.infer<typeof HoldFlagSchema>;

/** A rolling period: whole local calendar days ending with the day being checked, or hours. */
const PeriodSchema = z.union([
  z.strictObject({ localDays: z.number().int().min(1).max(366) }),
  z.strictObject({ hours: z.number().int().min(1).max(8784) }),
]);
export type Period = z.infer<typeof PeriodSchema>;

/** Which past contacts a cap or quiet period counts. Omitted lists mean "any". */
const ContactFilterSchema = z.strictObject({
  channels: Channels,
  directions: z
    .array(z.enum(["outbound", "inbound"]))
    .min(1)
    .optional(),
  outcomes: z.array(ContactOutcomeSchema).min(1).optional(),
  purposes: z.array(ContactPurposeSchema).min(1).optional(),
});
export type ContactFilter = z.infer<typeof ContactFilterSchema>;

const RuleFields = {
  id: IdSchema,
  code: CodeSchema,
  source: SourceSchema,
  description: z.string().optional(),
};

/** Allowed local hours for some channels, optionally only on some ISO weekdays (1 = Monday). */
const WindowRuleSchema = z
  .strictObject({
    ...RuleFields,
    channels: Channels,
    days: z.array(z.number().int().min(1).max(7)).min(1).optional(),
    start: ClockSchema,
    end: ClockSchema,
  })
  .refine((w) => !CLOCK.test(w.start) || !CLOCK.test(w.end) || w.start < w.end, {
    message: "start must be before end (windows do not cross midnight: split them)",
    path: ["end"],
  });
export type WindowRule = z.infer<typeof WindowRuleSchema>;

/** At most `max` counted contacts in the rolling `period`; blocks `channels` once reached. */
const CapRuleSchema = z.strictObject({
  ...RuleFields,
  channels: Channels,
  count: ContactFilterSchema,
  max: z.number().int().min(0).max(10_000),
  period: PeriodSchema,
  /** Only when this borrower flag is set (e.g. lower caps for vulnerable customers). */
  when: z.strictObject({ flag: HoldFlagSchema }).optional(),
});
export type CapRule = z.infer<typeof CapRuleSchema>;

/** No contact on `channels` for `period` after a counted contact (the contact's day is day 1). */
const QuietPeriodRuleSchema = z.strictObject({
  ...RuleFields,
  channels: Channels,
  after: ContactFilterSchema,
  period: PeriodSchema,
});
export type QuietPeriodRule = z.infer<typeof QuietPeriodRuleSchema>;

/**
 * A borrower status that blocks `channels` (only contacts for `purposes`, if given), except for
 * listed channel + purpose pairs.
 */
const HoldRuleSchema = z.strictObject({
  ...RuleFields,
  flag: HoldFlagSchema,
  channels: Channels,
  /** Only contacts for these purposes are held (a vulnerable customer gets no visit notice). */
  purposes: z.array(ContactPurposeSchema).min(1).optional(),
  except: z.array(z.strictObject({ channels: Channels, purposes: z.array(ContactPurposeSchema).min(1) })).optional(),
});
export type HoldRule = z.infer<typeof HoldRuleSchema>;

/**
 * `channels` (contacts for `purposes`, if given) need a prior notice at least `minDays` local
 * days before (valid for `validDays`).
 */
const NoticeRuleSchema = z.strictObject({
  ...RuleFields,
  channels: Channels,
  /** Only contacts for these purposes need the notice (a letter of claim needs a default notice). */
  purposes: z.array(ContactPurposeSchema).min(1).optional(),
  /** The notice: a contact on `channel` (or any of `channels`) with `purpose`. */
  notice: z
    .strictObject({ channel: ChannelSchema.optional(), channels: Channels.optional(), purpose: ContactPurposeSchema })
    .refine((n) => (n.channel === undefined) !== (n.channels === undefined), {
      message: "expected either channel or channels",
    }),
  minDays: z.number().int().min(0).max(366),
  validDays: z.number().int().min(1).max(3660).optional(),
  /**
   * A time the borrower agreed for the visit (a contact's `appointment` of kind visit) also
   * satisfies the rule, within this many minutes of the agreed time.
   */
  appointment: z.strictObject({ toleranceMinutes: z.number().int().min(0).max(240) }).optional(),
});
export type NoticeRule = z.infer<typeof NoticeRuleSchema>;

/** When contact with a third party (not the borrower) is allowed. */
const ThirdPartyRuleSchema = z.strictObject({
  code: CodeSchema,
  source: SourceSchema,
  description: z.string().optional(),
  /** Allowed purposes of a third-party contact; any other purpose (or none) is refused. */
  purposes: z.array(ContactPurposeSchema).min(1),
  /** Only when the borrower is unreachable (see `unreachable`). */
  requireUnreachable: z.boolean(),
  unreachable: z
    .strictObject({
      /** No right-party conversation in this many local days … */
      noConversationDays: z.number().int().min(1).max(366),
      /** … and at least this many failed attempts since the last conversation … */
      minFailedAttempts: z.number().int().min(1).max(1000),
      /** … counting outbound attempts on these channels (default: all). */
      channels: Channels.optional(),
    })
    .optional(),
});
export type ThirdPartyRule = z.infer<typeof ThirdPartyRuleSchema>;

/** Who a contact is with (see `checkContact`'s `party`). */
export const CONTACT_PARTIES = ["borrower", "emergency_contact", "third_party"] as const;

/**
 * When an emergency contact (a person the borrower named) may be contacted, for what, and how
 * often. Refusals stop contact with that person for good.
 */
const EmergencyContactRuleSchema = z.strictObject({
  code: CodeSchema,
  source: SourceSchema,
  description: z.string().optional(),
  purposes: z.array(ContactPurposeSchema).min(1),
  requireUnreachable: z.boolean(),
  /** At most one attempt per person in this many local days. */
  perPersonDays: z.number().int().min(1).max(366).optional(),
});

/** Local dates (public holidays, rest days) on which `channels` are not used. */
const RestDaysRuleSchema = z.strictObject({
  ...RuleFields,
  channels: Channels,
  /** Id of a calendar in the profile's `calendars` (or one given in the options). */
  calendar: IdSchema.optional(),
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are always rest days. */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).optional(),
  /**
   * Only for accounts in these jurisdictions (Scotland's bank holidays are not England's);
   * default: the profile's. An account without a jurisdiction gets every rule.
   */
  jurisdictions: z.array(JurisdictionSchema).min(1).optional(),
});

/** A list of dated days, with where it comes from (e.g. the State Council's holiday notice). */
const CalendarSchema = z.strictObject({
  source: SourceSchema,
  description: z.string().optional(),
  dates: z.array(IsoDateSchema).max(2_000),
});

/**
 * What must accompany a contact on `channels` (for `purposes`, if given): recording, staff,
 * identification, disclosures, signposting. Carried into the decision's action for the agent or
 * the dispatch system; the library cannot perform them, it says them.
 */
const RequirementRuleSchema = z.strictObject({
  ...RuleFields,
  channels: Channels,
  purposes: z.array(ContactPurposeSchema).min(1).optional(),
  /** Only for these collector roles (default: both). */
  roles: z
    .array(z.enum(["creditor", "debt_collector"]))
    .min(1)
    .optional(),
  text: z.string().min(1).max(1_000),
});

/**
 * A limitation period: after it, the debt is time-barred (no suit, no threat of suit). Counted
 * from the default (the oldest unpaid due), restarted by the events the law says restart it.
 */
const LimitationRuleSchema = z.strictObject({
  ...RuleFields,
  /** Where it applies (default: the profile's jurisdictions), e.g. ["US-NY"]. */
  jurisdictions: z.array(JurisdictionSchema).min(1).optional(),
  years: z.number().int().min(1).max(50),
  /** A payment restarts the period (false in New York: CPLR 214-i). */
  restartedByPayment: z.boolean(),
  /** A written acknowledgment (`debt_acknowledged` event) restarts it. */
  restartedByAcknowledgment: z.boolean(),
  /** A written demand (a formal letter) restarts it (PRC Civil Code art. 195). */
  restartedByDemand: z.boolean().default(false),
});

const GuardrailTestSchema = z.strictObject({
  name: z.string().min(1),
  account: z.unknown(),
  at: InstantSchema,
  channel: ChannelSchema,
  purpose: ContactPurposeSchema.optional(),
  thirdParty: z.boolean().optional(),
  party: z.enum(CONTACT_PARTIES).optional(),
  partyId: z.string().min(1).max(128).optional(),
  expect: z.strictObject({
    allowed: z.boolean(),
    /** Reason codes, in the order reported. */
    reasons: z.array(CodeSchema).optional(),
    earliestAt: z.union([InstantSchema, z.null()]).optional(),
  }),
});
export type GuardrailTest = z.infer<typeof GuardrailTestSchema>;

/**
 * zod schema of a guardrail profile file (`rules/guardrails/*.json`); {@link loadGuardrailProfile}
 * validates with it and compiles the result.
 *
 * @example
 * GuardrailProfileSchema.safeParse(json).success; // true for the shipped profiles
 */
export const GuardrailProfileSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    id: IdSchema,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, { message: "expected a semantic version like 1.0.0" }),
    description: z.string().min(1),
    /**
     * Where the profile applies: ISO 3166 codes; a country covers its subdivisions (`US` covers
     * `US-NY`). Profiles stack: every profile of a policy whose jurisdictions cover the account's
     * applies, and a contact must satisfy them all (the stricter limit wins).
     */
    jurisdictions: z.array(JurisdictionSchema).min(1).max(MAX_RULES),
    /** The collector roles the profile binds (Reg F binds debt collectors; lenders adopt it by policy). */
    appliesTo: z
      .array(z.enum(["creditor", "debt_collector"]))
      .min(1)
      .default(["creditor", "debt_collector"]),
    /** Outcomes that are a conversation with the borrower (right-party contact). */
    conversationOutcomes: z.array(ContactOutcomeSchema).min(1),
    /** Outcomes of an attempt that reached nobody (for `thirdParty.unreachable`). */
    failedOutcomes: z.array(ContactOutcomeSchema).min(1),
    windows: z.array(WindowRuleSchema).max(MAX_RULES).default([]),
    caps: z.array(CapRuleSchema).max(MAX_RULES).default([]),
    quietPeriods: z.array(QuietPeriodRuleSchema).max(MAX_RULES).default([]),
    holds: z.array(HoldRuleSchema).max(MAX_RULES).default([]),
    notices: z.array(NoticeRuleSchema).max(MAX_RULES).default([]),
    restDays: z.array(RestDaysRuleSchema).max(MAX_RULES).default([]),
    calendars: z.record(IdSchema, CalendarSchema).default({}),
    requirements: z.array(RequirementRuleSchema).max(MAX_RULES).default([]),
    limitation: z.array(LimitationRuleSchema).max(MAX_RULES).default([]),
    optOut: z.strictObject({ code: CodeSchema, source: SourceSchema, description: z.string().optional() }),
    /** The numbers of hold lifecycles this law sets (breathing space length …), with their source. */
    holdLifecycle: z
      .strictObject({
        breathingSpaceDays: z.number().int().min(1).max(366),
        mentalHealthDaysAfterTreatment: z.number().int().min(0).max(366),
        source: SourceSchema,
      })
      .optional(),
    thirdParty: ThirdPartyRuleSchema,
    /** Emergency contacts named by the borrower; without this rule they are treated as third parties. */
    emergencyContacts: EmergencyContactRuleSchema.optional(),
    /** Per-channel message requirements, read by the message renderer. */
    channels: z
      .partialRecord(
        ChannelSchema,
        z.strictObject({ requiresOptOutText: z.boolean(), source: SourceSchema.optional() }),
      )
      .default({}),
    /** Opt-out sentence per locale for channels with `requiresOptOutText`. */
    optOutText: z.record(z.string(), z.string().min(1)).default({}),
    tests: z.array(GuardrailTestSchema).max(1_000).default([]),
  })
  .superRefine((p, ctx) => {
    const seen = new Map<string, string>();
    for (const key of [
      "windows",
      "caps",
      "quietPeriods",
      "holds",
      "notices",
      "restDays",
      "requirements",
      "limitation",
    ] as const) {
      p[key].forEach((r, i) => {
        const prev = seen.get(r.id);
        if (prev)
          ctx.addIssue({
            code: "custom",
            path: [key, i, "id"],
            message: `duplicate rule id (also ${prev})`,
            input: r.id,
          });
        else seen.set(r.id, `${key}[${i}]`);
      });
    }
    p.restDays.forEach((r, i) => {
      if (r.calendar !== undefined && !Object.hasOwn(p.calendars, r.calendar))
        ctx.addIssue({
          code: "custom",
          path: ["restDays", i, "calendar"],
          message: `not a calendar of this profile (calendars: ${Object.keys(p.calendars).join(", ") || "none"})`,
          input: r.calendar,
        });
      if (r.calendar === undefined && r.weekdays === undefined)
        ctx.addIssue({ code: "custom", path: ["restDays", i], message: "expected a calendar or weekdays" });
    });
    if (p.emergencyContacts?.requireUnreachable && !p.thirdParty.unreachable)
      ctx.addIssue({
        code: "custom",
        path: ["thirdParty", "unreachable"],
        message: "required when emergencyContacts.requireUnreachable is true (it defines unreachable)",
      });
    if (p.thirdParty.requireUnreachable && !p.thirdParty.unreachable)
      ctx.addIssue({
        code: "custom",
        path: ["thirdParty", "unreachable"],
        message: "required when requireUnreachable is true",
      });
    for (const [ch, cfg] of Object.entries(p.channels)) {
      if (cfg?.requiresOptOutText && Object.keys(p.optOutText).length === 0)
        ctx.addIssue({
          code: "custom",
          path: ["optOutText"],
          message: `channel ${ch} requires an opt-out text: give at least one locale`,
        });
    }
  });

/** A guardrail profile as written in JSON (`rules/guardrails/*.json`). */
export type GuardrailProfileInput = z.input<typeof GuardrailProfileSchema>;
/** A validated guardrail profile (defaults filled in). */
export type GuardrailProfileJson = z.infer<typeof GuardrailProfileSchema>;
