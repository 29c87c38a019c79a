import { formatInstant, parseInstant } from "../time/index.js";
import { type EmbeddedTestResult, expectEqual, runEmbeddedCases } from "../util/index.js";
import { checkContact } from "./check.js";
import { type GuardrailProfile, loadGuardrailProfile } from "./load.js";

/**
 * Runs the `tests` embedded in a guardrail profile and reports each one: the project's test
 * suite runs them for every shipped file; `runEmbeddedTests` in `arrears/testing` runs them for yours.
 *
 * @example
 * runGuardrailProfileTests(shippedRuleFile("guardrails", "uk-conc")).every((r) => r.passed); // true
 */
export function runGuardrailProfileTests(profile: GuardrailProfile | unknown): EmbeddedTestResult[] {
  const p = loadGuardrailProfile(profile);
  return runEmbeddedCases(p.json.tests, (t) => {
    const actual = checkContact(p, t.account, {
      channel: t.channel,
      at: t.at,
      ...(t.purpose !== undefined ? { purpose: t.purpose } : {}),
      ...(t.thirdParty !== undefined ? { thirdParty: t.thirdParty } : {}),
    });
    const f: string[] = [];
    expectEqual(f, "allowed", t.expect.allowed, actual.allowed);
    if (t.expect.reasons)
      expectEqual(
        f,
        "reasons",
        t.expect.reasons,
        actual.reasons.map((r) => r.code),
      );
    if (t.expect.earliestAt !== undefined) {
      const want = t.expect.earliestAt === null ? null : formatInstant(parseInstant(t.expect.earliestAt));
      expectEqual(f, "earliestAt", want, actual.earliestAt);
    }
    return f;
  });
}
