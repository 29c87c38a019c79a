/** `arrears check <policy>`: load the policy, run its embedded tests, and report the static checks. */
import { checkPolicy } from "../decision/index.js";
import type { Policy, PolicyFinding } from "../rules/index.js";
import { type PolicyCase, type PolicyCaseExpect, type PolicyTestReport, runPolicyTests } from "../testing/index.js";
import { EXIT, formatOption, parse } from "./args.js";
import { loadPolicyArg } from "./inputs.js";
import { type CliIo, print } from "./io.js";
import { wrap } from "./text.js";

export const CHECK_USAGE = `usage: arrears check <policy> [--format text|json] [--strict]

Loads the policy (a JSON file, or a shipped id: us-default, cn-default, gb-default; loading resolves
every reference), runs its embedded tests and reports what a valid policy can still get wrong:
rules that never fire or never decide, buckets no rule covers, contact actions reachable during a
hold, hardship offers without an offer, unused actions, rules no test decides.

  --format text|json  a readable report (default) or one JSON object
  --strict            warnings fail too (exit 1)

exit 0: no errors · 1: invalid policy, an error finding (a warning with --strict) or a failing
embedded test · 2: bad usage or unreadable file`;

/** The policy's embedded tests as cases of the testing kit. */
export function embeddedCases(policy: Policy): PolicyCase[] {
  return policy.tests.map((t) => ({
    name: t.name,
    given: t.account,
    asOf: t.asOf,
    expect: t.expect as PolicyCaseExpect,
  }));
}

/** `rules[3].event` for a JSON path. */
function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("") || "(policy)";
}

export async function check(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { format: { type: "string" }, strict: { type: "boolean" } },
    { min: 1, max: 1, usage: CHECK_USAGE },
  );
  const format = formatOption(values.format, ["text", "json"] as const);
  const policy = loadPolicyArg(positionals[0]!);
  const tests: PolicyTestReport = runPolicyTests(policy, embeddedCases(policy), { runner: false });
  const findings = checkPolicy(policy, { testedRules: tests.coverage.decided });
  const count = (s: PolicyFinding["severity"]) => findings.filter((f) => f.severity === s).length;
  const counts = { error: count("error"), warning: count("warning"), info: count("info") };
  const failed = counts.error > 0 || tests.failed > 0 || (values.strict === true && counts.warning > 0);

  if (format === "json") {
    print(
      io.stdout,
      JSON.stringify({
        policy: tests.policy,
        ok: !failed,
        counts,
        tests: { total: tests.total, passed: tests.passed, failed: tests.failed },
        findings,
      }),
    );
    return failed ? EXIT.failed : EXIT.ok;
  }
  const width = io.columns ?? 100;
  const out: string[] = [`policy ${policy.meta.id}@${policy.meta.version}: valid`];
  out.push(
    `embedded tests: ${tests.passed}/${tests.total} passed${tests.failed > 0 ? ` (${tests.failed} failed: arrears test shows why)` : ""}`,
  );
  for (const f of findings)
    out.push(...wrap(`${f.severity} ${f.code} at ${formatPath(f.path)}: ${f.message}`, width, "    "));
  out.push(
    `${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info(s)${failed ? "" : " — ok"}${values.strict ? " (strict)" : ""}`,
  );
  print(io.stdout, out);
  return failed ? EXIT.failed : EXIT.ok;
}
