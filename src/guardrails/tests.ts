import { ArrearsError } from "../errors/index.js";
import { formatInstant, parseInstant } from "../time/index.js";
import { type ContactCheckResult, checkContact } from "./check.js";
import { type GuardrailProfile, loadGuardrailProfile } from "./load.js";

/** Outcome of one embedded test of a guardrail profile. */
export interface GuardrailTestResult {
  name: string;
  passed: boolean;
  /** What differed, e.g. `earliestAt: expected "…", got null`; empty when passed. */
  failures: string[];
  actual: ContactCheckResult | { error: string };
}

/**
 * Runs the `tests` embedded in a guardrail profile and reports each one: the project's test
 * suite runs them for every shipped file; run them on your own profiles too.
 *
 * @example
 * const results = runGuardrailProfileTests(guardrailProfiles["uk-conc"]);
 * results.every((r) => r.passed); // true
 */
export function runGuardrailProfileTests(profile: GuardrailProfile | unknown): GuardrailTestResult[] {
  const p = loadGuardrailProfile(profile);
  return p.json.tests.map((t) => {
    let actual: ContactCheckResult;
    try {
      actual = checkContact(p, t.account, {
        channel: t.channel,
        at: t.at,
        ...(t.purpose !== undefined ? { purpose: t.purpose } : {}),
        ...(t.thirdParty !== undefined ? { thirdParty: t.thirdParty } : {}),
      });
    } catch (e) {
      const error = e instanceof ArrearsError ? `${e.code}: ${e.message}` : String(e);
      return { name: t.name, passed: false, failures: [`threw ${error}`], actual: { error } };
    }
    const failures: string[] = [];
    if (actual.allowed !== t.expect.allowed)
      failures.push(`allowed: expected ${t.expect.allowed}, got ${actual.allowed}`);
    if (t.expect.reasons) {
      const codes = actual.reasons.map((r) => r.code);
      if (JSON.stringify(codes) !== JSON.stringify(t.expect.reasons))
        failures.push(`reasons: expected ${JSON.stringify(t.expect.reasons)}, got ${JSON.stringify(codes)}`);
    }
    if (t.expect.earliestAt !== undefined) {
      const want = t.expect.earliestAt === null ? null : formatInstant(parseInstant(t.expect.earliestAt));
      if (want !== actual.earliestAt)
        failures.push(`earliestAt: expected ${JSON.stringify(want)}, got ${JSON.stringify(actual.earliestAt)}`);
    }
    return { name: t.name, passed: failures.length === 0, failures, actual };
  });
}
