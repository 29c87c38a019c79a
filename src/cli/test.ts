/** `arrears test <policy> [cases…]`: the embedded tests and case files, with rule coverage. */
import { readFileSync } from "node:fs";
import type { Policy } from "../rules/index.js";
import { type PolicyCase, type RuleCoverage, runPolicyTests } from "../testing/index.js";
import { EXIT, formatOption, parse } from "./args.js";
import { embeddedCases } from "./check.js";
import { InputError, loadPolicyArg, parseJson, UsageError } from "./inputs.js";
import { type CliIo, print } from "./io.js";
import { table, truncate, wrap } from "./text.js";

export const TEST_USAGE = `usage: arrears test <policy> [cases.json|cases.jsonl …] [--format text|json] [--no-embedded]

Runs the policy's embedded tests and the cases in each file, and reports which rules the cases
decided with and which fired (rule coverage). A case is {"name", "account", "asOf", "expect"}
("given" may stand for "account"); a file holds an array of cases, {"cases": [...]}, or one case
per line (.jsonl). expect: action, channel, rule, blocked, params, earliestAt, messageContains,
messageNotContains, alongside.

  --format text|json  a readable report (default) or one JSON object
  --no-embedded       only the case files

exit 0: every case passed · 1: a case failed, or an invalid policy or case file · 2: bad usage`;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The cases of one file, checked for shape (what runPolicyTests cannot check: names, accounts, asOf). */
function readCases(path: string): PolicyCase[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read cases ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let raw: unknown[];
  if (/\.(jsonl|ndjson)$/i.test(path))
    raw = text
      .split(/\r?\n/)
      .map((l, i) => [l, i] as const)
      .filter(([l]) => l.trim() !== "")
      .map(([l, i]) => parseJson(l, `${path}:${i + 1}`));
  else {
    const json = parseJson(text, path);
    raw = Array.isArray(json) ? json : isObject(json) && Array.isArray(json.cases) ? json.cases : [json];
  }
  const problems: string[] = [];
  const cases = raw.map((c, i): PolicyCase => {
    const at = `${path} case ${i + 1}`;
    if (!isObject(c)) {
      problems.push(`${at}: expected an object {name, account, asOf, expect}`);
      return { name: at, given: null, expect: {} };
    }
    const known = ["name", "account", "given", "asOf", "expect"];
    for (const k of Object.keys(c)) if (!known.includes(k)) problems.push(`${at}: unknown field ${JSON.stringify(k)}`);
    if (typeof c.name !== "string" || c.name === "") problems.push(`${at}: name: expected a non-empty string`);
    if (typeof c.asOf !== "string") problems.push(`${at}: asOf: required (an ISO instant with offset)`);
    if (!isObject(c.account ?? c.given)) problems.push(`${at}: account: expected the account JSON`);
    if (!isObject(c.expect)) problems.push(`${at}: expect: expected an object`);
    return {
      name: `${path}: ${typeof c.name === "string" ? c.name : `case ${i + 1}`}`,
      given: c.account ?? c.given,
      ...(typeof c.asOf === "string" ? { asOf: c.asOf } : {}),
      expect: (isObject(c.expect) ? c.expect : {}) as PolicyCase["expect"],
    };
  });
  if (problems.length > 0) throw new InputError(`${path}: invalid case file`, problems);
  return cases;
}

function coverageLines(policy: Policy, c: RuleCoverage, width: number): string[] {
  const rules = policy.rules.length;
  const out = [
    `rule coverage: ${c.decided.length}/${rules} rules decided a case, ${c.fired.length}/${rules} fired in one; the fallback decided ${c.fallback}`,
    ...table(
      [
        ["rule", "priority", "decided", "fired"],
        ...c.rules.map((r) => [truncate(r.name, 60), r.priority, r.decided, r.fired]),
      ],
      width,
    ),
  ];
  if (c.undecided.length > 0) out.push(...wrap(`no case decided with: ${c.undecided.join(", ")}`, width));
  return out;
}

export async function test(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { format: { type: "string" }, "no-embedded": { type: "boolean" } },
    { min: 1, max: Number.POSITIVE_INFINITY, usage: TEST_USAGE },
  );
  const format = formatOption(values.format, ["text", "json"] as const);
  const policy = loadPolicyArg(positionals[0]!);
  const fileCases = positionals.slice(1).flatMap(readCases);
  const embedded = values["no-embedded"]
    ? []
    : embeddedCases(policy).map((c) => ({ ...c, name: `embedded: ${c.name}` }));
  const cases = [...embedded, ...fileCases];
  if (cases.length === 0) throw new UsageError("no cases: the policy has no embedded tests and no case file was given");
  const report = runPolicyTests(policy, cases, { runner: false });
  const code = report.failed > 0 ? EXIT.failed : EXIT.ok;

  if (format === "json") {
    const results = report.results.map((r) => ({ name: r.name, passed: r.passed, failures: r.failures }));
    print(io.stdout, JSON.stringify({ ...report, results }));
    return code;
  }
  const width = io.columns ?? 100;
  const out = [`policy ${report.policy.id}@${report.policy.version}`];
  for (const r of report.results) {
    out.push(truncate(`${r.passed ? "✓" : "✗"} ${r.name}`, width));
    if (r.passed) continue;
    const detail = r.message.split("\n").slice(1); // after the case's title line: mismatches and trace
    for (const l of detail.length > 0 ? detail : r.failures.map((f) => `  ✗ ${f}`))
      out.push(...wrap(`  ${l}`, width, "        "));
  }
  out.push(
    `${report.total} case(s): ${report.passed} passed, ${report.failed} failed (${embedded.length} embedded, ${fileCases.length} from files)`,
    "",
    ...coverageLines(policy, report.coverage, width),
  );
  print(io.stdout, out);
  return code;
}
