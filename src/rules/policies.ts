import cnDefaultPolicyJson from "../../rules/policies/cn-default.json";
import defaultPolicyJson from "../../rules/policies/default.json";
import { deepFreeze } from "../util/index.js";

/**
 * The default policy file (`rules/policies/default.json`) as raw JSON: the collection ladder on
 * US cycles under Regulation F. Pass it to `loadPolicy`, or copy and adapt it.
 *
 * @example
 * const policy = loadPolicy(defaultPolicy);
 * policy.meta.id; // "default"
 */
const _defaultPolicy: unknown = defaultPolicyJson;

/**
 * Every shipped policy file by id (raw JSON): `default` (US cycles, Regulation F) and
 * `cn-default` (M buckets, CBA 2026 / NIFA 2025 contact limits, CNY thresholds).
 *
 * @example
 * Object.keys(POLICIES); // ["default", "cn-default"]
 * const policy = loadPolicy(POLICIES["cn-default"]);
 */
export const POLICIES: Readonly<Record<"default" | "cn-default", unknown>> = deepFreeze({
  default: defaultPolicyJson,
  "cn-default": cnDefaultPolicyJson,
});
