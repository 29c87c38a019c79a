import cnDefaultPolicyJson from "../../rules/policies/cn-default.json";
import defaultPolicyJson from "../../rules/policies/default.json";
import { deepFreeze } from "../util/index.js";

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
