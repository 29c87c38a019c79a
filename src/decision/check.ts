import * as z from "zod";
import { parseOptions } from "../errors/options.js";
import { analysePolicy, type CheckPolicyOptions, type Policy, type PolicyFinding } from "../rules/index.js";
import { resolvedOf } from "./load.js";

// What checkPolicy reads of its options; zod's copy is what it uses (the caller's object, a
// getter or a proxy, is read once, here).
const CheckPolicyOptionsSchema = z.strictObject({
  templates: z.record(z.string(), z.object({ channel: z.string(), variables: z.array(z.string()) })).optional(),
  testedRules: z.array(z.string()).optional(),
});

/**
 * Static checks of a policy: rules that can never fire or never decide (every time they fire, a
 * rule evaluated before them is chosen: a non-contact action always is, and so is a contact on
 * the same channel for the same purpose, which the guardrails treat alike), buckets where no
 * delinquency rule can decide, contact actions that can be decided while a hold applies (and
 * whether the policy's guardrail profiles, stacked, block them then in every jurisdiction of the
 * policy), unused actions and shared conditions, templates outside `options.templates` or on the
 * wrong channel, hardship offers without an offer (their letter leaves the offer variables out),
 * and rules no embedded test covers. Findings come sorted by their path in the file.
 *
 * Holds are checked whatever the policy's jurisdictions: a US or CN policy with no rule on
 * `breathingSpace` or `mentalHealthMoratorium` (the UK's statutory holds) gets a
 * CONTACT_DURING_HOLD warning for each contact rule. Limiting the check to the holds a covering
 * guardrail profile models would silence those, but also holds any jurisdiction can see and no
 * profile models (`placedWithAgency`) or models only elsewhere (`complaintOpen` outside CN and
 * GB), so it is not done; a hold rule on them (or on `onHold`) settles the warnings.
 *
 * `loadPolicy` rejects what is invalid (and resolves every reference, against the shipped rule
 * files and your catalogue); these are the mistakes a valid policy can still hold.
 *
 * @throws {ArrearsError} `INVALID_POLICY` when `policy` is not a loaded policy (from `loadPolicy`).
 *
 * @example
 * const findings = checkPolicy(loadPolicy("us-default"));
 * findings.filter((f) => f.severity === "error"); // [] for a sound policy
 * // { code: "RULE_SHADOWED", severity: "warning", path: ["rules", 7],
 * //   message: "rule \"sms-late\" never decides: whenever it fires, an earlier rule is chosen (hold-dispute, call-borrower)" }
 */
export function checkPolicy(policy: Policy, options: CheckPolicyOptions = {}): PolicyFinding[] {
  const r = resolvedOf(policy);
  const o = parseOptions(CheckPolicyOptionsSchema, options, "checkPolicy options") as CheckPolicyOptions;
  // A hold counts as blocked when a profile that applies wherever the policy does blocks it
  // (us-ma-940cmr binds in Massachusetts only, so it blocks nothing for a US-wide policy).
  const everywhere = r.profiles.filter((p) => policy.jurisdictions.every((j) => r.profilesFor(j).includes(p)));
  return analysePolicy(policy, o, {
    bucketScheme: r.bucketScheme,
    profiles: everywhere,
    templates: Object.fromEntries(r.templates),
  });
}
