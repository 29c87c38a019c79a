// `arrears check` and `arrears test`, in-process (main(argv, io)): output, exit codes, bad files.
import { describe, expect, it } from "vitest";
import { shippedRuleFile } from "../../src/index.js";
import { file, run, widest } from "./helpers.js";

type Json = Record<string, any>;
const policyJson = (): Json => structuredClone(shippedRuleFile("policies", "us-default")) as Json;

describe("arrears (no command)", () => {
  it("prints the usage; --version; unknown commands suggest a known one", async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.out).toMatch(/^usage: arrears <command>/);
    expect(widest(none.out)).toBeLessThanOrEqual(100);
    expect((await run(["--help"])).code).toBe(0);
    expect((await run(["--version"])).out).toMatch(/^\d+\.\d+\.\d+/);
    const typo = await run(["chek", "us-default"]);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('unknown command "chek"; did you mean "check"?');
  });
});

describe("arrears check", () => {
  it("us-default: valid, tests pass, warnings only → exit 0; --strict makes warnings fail", async () => {
    const r = await run(["check", "us-default"]);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe("policy us-default@2.3.0: valid");
    expect(r.lines[1]).toBe("embedded tests: 49/49 passed");
    expect(r.out).toContain('warning CONTACT_DURING_HOLD at rules[40]: rule "call-follow-up" (call) can decide');
    expect(r.out).toContain(
      'warning RULE_UNTESTED at rules[36]: rule "final-notice": no embedded test case is decided by it',
    );
    expect(r.out).toContain(
      'info CONDITION_UNUSED at conditions.statutory-notice-due: shared condition "statutory-notice-due"',
    );
    expect(r.lines.at(-1)).toBe("0 error(s), 23 warning(s), 1 info(s) — ok");
    expect(widest(r.out)).toBeLessThanOrEqual(100);
    const strict = await run(["check", "us-default", "--strict"]);
    expect(strict.code).toBe(1);
    expect(strict.lines.at(-1)).toBe("0 error(s), 23 warning(s), 1 info(s) (strict)");
  });

  it("--format json: one object with the findings", async () => {
    const r = await run(["check", "cn-default", "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({
      policy: { id: "cn-default" },
      ok: true,
      counts: { error: 0, warning: 29, info: 0 },
      tests: { total: 50, passed: 50, failed: 0 },
    });
    expect(j.findings[0]).toMatchObject({ code: "CONTACT_DURING_HOLD", severity: "warning", path: ["rules", 7] });
    expect(j.findings[0].message).toMatch(
      /^rule "cease-written-only" \(letter\) can decide during holds guardrails cn-2026/,
    );
    expect(j.findings).toHaveLength(29);
  });

  it("a policy file with mistakes: error findings → exit 1; an unknown template is an invalid policy", async () => {
    const p = policyJson();
    p.rules.push({
      name: "never",
      priority: 50,
      conditions: { all: [{ fact: "dpd", operator: "lessThan", value: 0 }] },
      event: { type: "skip_trace" },
    });
    const r = await run(["check", file("mistakes.json", p)]);
    expect(r.code).toBe(1);
    expect(r.lines[1]).toBe("embedded tests: 49/49 passed");
    expect(r.out).toContain('error RULE_NEVER_FIRES at rules[46].conditions: rule "never" never fires');
    expect(r.out).toContain('warning RULE_UNTESTED at rules[46]: rule "never": no embedded test case is decided by it');
    // The shipped policy's 23 warnings and 1 info, plus the two findings of the new rule.
    expect(r.lines.at(-1)).toBe("1 error(s), 24 warning(s), 1 info(s)");
    // loadPolicy resolves templates: a misspelt one makes the policy invalid (no findings, exit 1).
    p.actions.send_sms_reminder.template = "sms-reminders";
    const invalid = await run(["check", file("mistakes-template.json", p)]);
    expect(invalid.code).toBe(1);
    expect(invalid.out).toBe("");
    expect(invalid.err).toContain('actions.send_sms_reminder.template: unknown template; did you mean "sms-reminder"?');
  });

  it("a failing embedded test fails the check", async () => {
    const p = policyJson();
    p.tests[0].expect.action = "hold";
    const r = await run(["check", file("failing-test.json", p)]);
    expect(r.code).toBe(1);
    expect(r.lines[1]).toBe("embedded tests: 48/49 passed (1 failed: arrears test shows why)");
  });

  it("an invalid policy: exit 1 with every issue and its path", async () => {
    const p = policyJson();
    p.rules[0].conditions.all[0].fact = "deceasd";
    p.rules[1].priority = 0;
    const r = await run(["check", file("invalid.json", p)]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^arrears check: .*invalid\.json: invalid policy \(2 issues\)\n/);
    expect(r.err).toContain('  rules[0].conditions.all[0].fact: unknown fact "deceasd"; did you mean "deceased"?');
    expect(r.err).toContain("  rules[1].priority:");
  });

  it("bad files and bad usage", async () => {
    const notJson = await run(["check", file("broken.json", "{ not json")]);
    expect(notJson.code).toBe(1);
    expect(notJson.err).toMatch(/broken\.json: not JSON: /);
    const missing = await run(["check", "/no/such/policy.json"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("cannot read policy /no/such/policy.json: ENOENT");
    const unknownId = await run(["check", "us-defualt"]);
    expect(unknownId.code).toBe(2);
    expect(unknownId.err).toContain(
      'policy "us-defualt": no such file, and no shipped policy has this id; did you mean "us-default"? (shipped: cn-default, gb-default, us-default)',
    );
    const noArg = await run(["check"]);
    expect(noArg.code).toBe(2);
    expect(noArg.err).toContain("missing arguments\nusage: arrears check <policy>");
    const badFlag = await run(["check", "us-default", "--fromat", "json"]);
    expect(badFlag.code).toBe(2);
    expect(badFlag.err).toContain('unknown option --fromat; did you mean "--format"?');
    const badFormat = await run(["check", "us-default", "--format", "yaml"]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.err).toContain("--format: expected text or json");
    const help = await run(["check", "--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^usage: arrears check <policy>/);
    expect(widest(help.out)).toBeLessThanOrEqual(100);
  });
});

describe("arrears test", () => {
  const base = {
    id: "T1",
    product: "installment",
    currency: "USD",
    jurisdiction: "US-NY",
    openedOn: "2026-01-01",
    timeZone: "America/New_York",
    balance: { principal: "1000.00" },
    dues: [{ dueDate: "2026-11-10", amount: "100.00" }],
  };
  const asOf = "2026-11-23T15:00:00Z"; // 13 days past due, 10:00 in New York

  it("the embedded tests and the coverage of every rule", async () => {
    const r = await run(["test", "us-default"]);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe("policy us-default@2.3.0");
    expect(r.lines[1]).toBe("✓ embedded: deceased borrower goes to estate review");
    expect(r.out).toContain("49 case(s): 49 passed, 0 failed (49 embedded, 0 from files)");
    expect(r.out).toContain("rule coverage: 40/46 rules decided a case, 46/46 fired in one; the fallback decided 0");
    expect(r.out).toMatch(/\ncall-first +42 +6 +\d+\n/);
    expect(r.out.replace(/\n +/g, " ")).toContain(
      "no case decided with: unreachable-skip-trace, placement-review, arrangement-broken-letter, first-formal-letter, follow-up-letter, final-notice\n",
    );
    expect(widest(r.out)).toBeLessThanOrEqual(100);
  });

  it("case files (JSON and JSON Lines): failures explained, coverage counted, exit 1", async () => {
    const cases = file("cases.json", {
      cases: [
        { name: "13 dpd: a call", account: base, asOf, expect: { action: "call_borrower", earliestAt: asOf } },
        {
          name: "wrong on purpose",
          given: base,
          asOf,
          expect: { action: "send_sms_reminder", messageContains: "Dear" },
        },
      ],
    });
    const lines = file(
      "more.jsonl",
      `${JSON.stringify({ name: "current", account: { ...base, dues: undefined, delinquency: { dpd: 0, overdue: "0" } }, asOf, expect: { action: "no_action" } })}\n\n`,
    );
    const r = await run(["test", "us-default", cases, lines, "--no-embedded"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`✓ ${cases}: 13 dpd: a call`);
    expect(r.out).toContain(`✗ ${cases}: wrong on purpose`);
    expect(r.out).toContain('    ✗ action: expected "send_sms_reminder", got "call_borrower" (rule call-first)');
    expect(r.out).toContain(`✓ ${lines}: current`);
    expect(r.out).toContain("3 case(s): 2 passed, 1 failed (0 embedded, 3 from files)");
    expect(r.out).toContain("rule coverage: 2/46 rules decided a case");
    expect(r.out).toContain("no case decided with: hold-deceased, hold-bankrupt");
  });

  it("--format json: the report without the decisions", async () => {
    const cases = file("one.json", [{ name: "c", account: base, asOf, expect: { actoin: "call_borrower" } }]);
    const r = await run(["test", "us-default", cases, "--no-embedded", "--format", "json"]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ total: 1, passed: 0, failed: 1, coverage: { decided: ["call-first"] } });
    expect(j.results[0].failures[0]).toBe(
      'expect.actoin: unknown field; did you mean "action"? (it would check nothing)',
    );
    expect(j.results[0].decision).toBeUndefined();
  });

  it("an invalid case file: exit 1 with what is wrong", async () => {
    const bad = file("bad-cases.json", [{ name: "", account: base, expect: { action: "x" }, extra: 1 }, 7]);
    const r = await run(["test", "us-default", bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}: invalid case file`);
    expect(r.err).toContain(`${bad} case 1: unknown field "extra"`);
    expect(r.err).toContain(`${bad} case 1: name: expected a non-empty string`);
    expect(r.err).toContain(`${bad} case 1: asOf: required (an ISO instant with offset)`);
    expect(r.err).toContain(`${bad} case 2: expected an object {name, account, asOf, expect}`);
    expect((await run(["test", "us-default", "/no/cases.json"])).code).toBe(2);
    expect((await run(["test", "us-default", "--no-embedded"])).code).toBe(2);
  });
});
