import cnDefaultPolicyJson from "../../rules/policies/cn-default.json";
import gbDefaultPolicyJson from "../../rules/policies/gb-default.json";
import usDefaultPolicyJson from "../../rules/policies/us-default.json";
import { deepFreeze } from "../util/index.js";

/**
 * Every shipped policy file by id (raw JSON): `us-default` (US cycles, USD thresholds,
 * Regulation F), `cn-default` (M buckets, CNY thresholds, CBA 2026 / NIFA contact limits) and
 * `gb-default` (UK arrears cycles, GBP thresholds, FCA CONC 7 and the Consumer Credit Act).
 * Each applies only in its `jurisdictions` and `currency`; `routePolicies` combines them.
 *
 * @example
 * Object.keys(POLICIES); // ["us-default", "cn-default", "gb-default"]
 * const policy = loadPolicy(POLICIES["cn-default"]);
 */
export const POLICIES: Readonly<Record<"us-default" | "cn-default" | "gb-default", unknown>> = deepFreeze({
  "us-default": usDefaultPolicyJson,
  "cn-default": cnDefaultPolicyJson,
  "gb-default": gbDefaultPolicyJson,
});
