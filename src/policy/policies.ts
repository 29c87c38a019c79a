import defaultPolicyJson from "../../rules/policies/default.json";

/**
 * The default policy file (`rules/policies/default.json`) as raw JSON: the collection ladder on
 * US cycles under Regulation F. Pass it to `loadPolicy`, or copy and adapt it.
 *
 * @example
 * const policy = loadPolicy(defaultPolicy);
 * policy.meta.id; // "default"
 */
export const defaultPolicy: unknown = defaultPolicyJson;

/**
 * Every shipped policy file by id (raw JSON).
 *
 * @example
 * Object.keys(POLICIES); // ["default"]
 * const policy = loadPolicy(POLICIES.default);
 */
export const POLICIES: Readonly<Record<"default", unknown>> = Object.freeze({ default: defaultPolicyJson });
