import * as z from "zod";
import { ArrangementRulesSchema } from "../arrangements/index.js";
import { PromiseValiditySchema } from "../contacts/index.js";
import { ChannelSchema, ContactPurposeSchema, CurrencySchema, JurisdictionSchema } from "../model/index.js";
import { parseInstant } from "../time/index.js";
import { OfferSpecSchema } from "./params.js";

/**
 * zod schemas of a policy file (`rules/policies/*.json`). Conditions are checked by the rule
 * compiler (`compile.ts`), which reports richer messages than a recursive zod schema could.
 */

const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: "expected an id of letters, digits, '.', '_' or '-'" });
const ActionTypeSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, { message: "expected a snake_case action type" });
const AmountSchema = z.union([
  z.number().finite().min(0),
  z.string().regex(/^\d+(\.\d+)?$/, { message: "expected a non-negative decimal string" }),
]);

/**
 * One entry of the action catalogue: what an event type means for `decide`.
 *
 * @example
 * ActionDefinitionSchema.parse({ channel: "sms", contact: true, purpose: "reminder", template: "sms-reminder", description: "SMS reminder" });
 */
export const ActionDefinitionSchema = z
  .strictObject({
    /** Contact channel; required when `contact` is true. */
    channel: ChannelSchema.optional(),
    /** Whether the action contacts the borrower (then guardrails apply). */
    contact: z.boolean(),
    description: z.string().min(1),
    /** Message template id (see `rules/templates/`). */
    template: IdSchema.optional(),
    /** Default offer terms when the rule's `params.offer` is absent. */
    offer: OfferSpecSchema.optional(),
    /** Purpose of the contact, which some guardrails key on (e.g. `visit_notice`). */
    purpose: ContactPurposeSchema.optional(),
    /** Action types that usually precede this one (documentation; e.g. a visit needs a notice). */
    requires: z.array(ActionTypeSchema).optional(),
    /**
     * Who the action addresses: the borrower (default), an emergency contact or another third
     * party. An action for anyone but the borrower may only use a template whose audience is
     * `third_party` (which cannot state the debt): checked when the policy is loaded.
     */
    party: z.enum(["borrower", "emergency_contact", "third_party"]).default("borrower"),
    /**
     * The params a rule may give this action, beyond the ones `decide` reads itself (`offer`,
     * `alongside`, `reason`): each with its type (and closed values); templates read them as
     * `params.<name>`. A param that is not declared is an error when the policy is loaded.
     */
    params: z
      .record(
        z.string().regex(/^[a-z][A-Za-z0-9]*$/, { message: "expected a camelCase param name" }),
        z.strictObject({
          type: z.enum(["string", "number", "boolean"]),
          values: z.array(z.string().min(1)).min(1).optional(),
          description: z.string().min(1),
        }),
      )
      .default({}),
  })
  .refine((a) => !a.contact || a.channel !== undefined, {
    message: "a contact action needs a channel",
    path: ["channel"],
  })
  .refine((a) => a.contact || a.channel === undefined, {
    message: "a non-contact action has no channel",
    path: ["channel"],
  });
export type ActionDefinition = z.infer<typeof ActionDefinitionSchema>;

/**
 * Counting options handed to fact derivation (see `deriveFacts`) and to `decide`.
 *
 * @example
 * PolicyOptionsSchema.parse({ graceDays: 5, tolerance: "1.00", promiseGraceDays: 2 });
 */
export const PolicyOptionsSchema = z.strictObject({
  /** Days after a due date counted as "in grace" (`inGrace`). */
  graceDays: z.number().int().min(0).max(365).optional(),
  /** Arrears at or below this amount are ignored for DPD. */
  tolerance: AmountSchema.optional(),
  /** Days after a promise's date before it counts as broken. */
  promiseGraceDays: z.number().int().min(0).max(60).optional(),
  /** A contact blocked only until a window opens within this many hours is scheduled, not dropped. */
  maxDelayHours: z.number().min(0).max(168).optional(),
  /**
   * Who collects: the lender collecting its own debt (`creditor`, the default) or a debt
   * collector. Profiles and requirements that bind only one role apply accordingly.
   */
  collectorRole: z.enum(["creditor", "debt_collector"]).optional(),
  /**
   * The action (a non-contact one, e.g. `hardship_review`) that replaces an offer action whose offer
   * comes back `unaffordable` or `insufficient_information`: such an offer is never sent as if it
   * were affordable; the review action carries it, with `params.reason` and `params.offeredAction`.
   */
  offerReview: ActionTypeSchema.optional(),
  /**
   * Which promises pause collection (`activePromise`): a minimum share of the smaller of the overdue
   * and one contract installment, and a maximum of days ahead. Without it every promise counts.
   */
  promiseValidity: PromiseValiditySchema.optional(),
  /** When an arrangement is at risk or broken (grace days, missed installments, days late). */
  arrangementTracking: ArrangementRulesSchema.optional(),
  /** Thresholds of the `unreachable` fact (see docs/facts.md); the facts module's defaults otherwise. */
  unreachable: z
    .strictObject({
      failedAttempts: z.number().int().min(1).max(1000).optional(),
      invalidNumberAttempts: z.number().int().min(1).max(1000).optional(),
    })
    .optional(),
});
export type PolicyOptions = z.infer<typeof PolicyOptionsSchema>;

/**
 * An embedded test: an account, an instant, and what `decide` must return. `blocked` and `alongside`
 * are exact lists of action types, in order; `params` a subset of the action's params.
 *
 * @example
 * PolicyTestSchema.parse({ name: "current", account: { id: "a1" }, asOf: "2026-03-10T15:00:00Z", expect: { action: "no_action" } });
 */
export const PolicyTestSchema = z.strictObject({
  name: z.string().min(1),
  account: z.record(z.string(), z.unknown()),
  asOf: z.string().refine((s) => !Number.isNaN(parseInstant(s)), { message: "expected an ISO instant with offset" }),
  expect: z
    .strictObject({
      action: ActionTypeSchema.optional(),
      channel: ChannelSchema.nullable().optional(),
      /** The deciding rule's name. */
      rule: z.string().min(1).optional(),
      /** Exactly the action types in `blocked`, in order. */
      blocked: z.array(ActionTypeSchema).optional(),
      /** Subset of the action's params that must match. */
      params: z.record(z.string(), z.unknown()).optional(),
      /** Exactly the action types going alongside the action (`action.alongside`), in order. */
      alongside: z.array(ActionTypeSchema).optional(),
    })
    .refine((e) => Object.keys(e).length > 0, {
      message: "expect at least one of action, channel, rule, blocked, params, alongside",
    }),
});
export type PolicyTest = z.infer<typeof PolicyTestSchema>;

const RuleEventSchema = z.strictObject({
  type: ActionTypeSchema,
  params: z.record(z.string(), z.unknown()).optional(),
});

const RuleSchema = z.strictObject({
  name: z.string().min(1),
  /** json-rules-engine priority: a positive integer, higher runs first; default 1. */
  priority: z.number().int().min(1).optional(),
  description: z.string().optional(),
  /** Checked by the rule compiler. */
  conditions: z.unknown(),
  event: RuleEventSchema,
});

/**
 * A whole policy file (`rules/policies/*.json`); conditions are checked by `loadPolicy`.
 *
 * @example
 * const ok = PolicyFileSchema.safeParse(json).success; // structure only; use loadPolicy for everything
 */
export const PolicyFileSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  id: IdSchema,
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, { message: "expected a semantic version such as 1.0.0" }),
  description: z.string().min(1),
  /**
   * Where the policy applies (ISO 3166 codes; a country covers its subdivisions). An account
   * elsewhere, or without a jurisdiction, is not decided by it: the decision says why.
   */
  jurisdictions: z.array(JurisdictionSchema).min(1).max(500),
  /** The currency every amount threshold of the rules is in; accounts in another currency are not decided. */
  currency: CurrencySchema,
  bucketScheme: IdSchema,
  scorecards: z.strictObject({ risk: IdSchema, hardship: IdSchema, segments: IdSchema }),
  /**
   * The guardrail profiles (ids), applied together: those whose jurisdictions cover the account's
   * and that bind the collector's role (national + state layers; the stricter limit wins).
   */
  guardrails: z.union([IdSchema, z.array(IdSchema).min(1)]),
  options: PolicyOptionsSchema.prefault({}),
  /** Action used when no rule fires or every candidate is blocked; default `no_action`. */
  fallbackAction: ActionTypeSchema.default("no_action"),
  actions: z
    .record(ActionTypeSchema, ActionDefinitionSchema)
    .refine((a) => Object.keys(a).length > 0, { message: "expected at least one action" }),
  /** Shared named conditions, referenced from rules as `{ "condition": "name" }`. */
  conditions: z.record(z.string().min(1), z.unknown()).optional(),
  rules: z.array(RuleSchema).min(1).max(2_000),
  tests: z.array(PolicyTestSchema).max(1_000).default([]),
});
export type PolicyFile = z.input<typeof PolicyFileSchema>;
export type ParsedPolicyFile = z.infer<typeof PolicyFileSchema>;
