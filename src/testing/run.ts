import { ArrearsError } from "../errors/index.js";
import { decide } from "../policy/decide.js";
import type { Decision, TraceEntry } from "../policy/decision.js";
import { loadPolicy, type Policy } from "../policy/index.js";
import { AccountBuilder } from "./builder.js";

/** What a case expects of the decision; every given field must match. */
export interface PolicyCaseExpect {
  /** Action type. */
  action?: string;
  /** Action channel (`null` for non-contact actions). */
  channel?: string | null;
  /** Name of the deciding rule. */
  rule?: string;
  /**
   * Blocked candidates: a list of action types that must equal `decision.blocked` types exactly,
   * in order (`[]` = nothing blocked), or a boolean (whether anything was blocked).
   */
  blocked?: string[] | boolean;
  /** Subset of `action.params` that must match (deep equality per listed key). */
  params?: Record<string, unknown>;
}

/** One table-driven case. `given` is account JSON or a builder (whose asOf is used if `asOf` is absent). */
export interface PolicyCase {
  name: string;
  given: unknown;
  asOf?: string;
  expect: PolicyCaseExpect;
}

/** Outcome of one case. */
export interface PolicyCaseResult {
  name: string;
  passed: boolean;
  /** One line per mismatch (empty when passed). */
  failures: string[];
  /** Failure report with the rule trace (empty when passed). */
  message: string;
  decision: Decision | null;
  error: { code: string; message: string } | null;
}

/** What {@link runPolicyTests} returns. */
export interface PolicyTestReport {
  policy: { id: string; version: string };
  total: number;
  passed: number;
  failed: number;
  results: PolicyCaseResult[];
}

type TestFn = (name: string, fn: () => void) => unknown;
/** A test framework's registration functions (vitest, jest, node:test, mocha). */
export interface TestRunner {
  describe?: (name: string, fn: () => void) => unknown;
  it?: TestFn;
  test?: TestFn;
}

/** Options of {@link runPolicyTests}. */
export interface RunPolicyTestsOptions {
  /**
   * Where to register one test per case. Default: `describe`/`it` (or `test`) found on
   * `globalThis` (vitest with `globals`, jest, mocha); `false` only returns the report.
   */
  runner?: TestRunner | false;
  /** Title of the `describe` block (default `policy <id>@<version>`). */
  title?: string;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a),
    kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

function traceLines(trace: readonly TraceEntry[]): string[] {
  const fired = trace.filter((t) => t.fired);
  if (fired.length === 0) return ["  rules fired: none"];
  return [
    "  rules fired (in priority order):",
    ...fired.map((t) => {
      const facts = Object.entries(t.facts)
        .map(([k, v]) => `${k}=${show(v)}`)
        .join(", ");
      return `    - ${t.rule} (priority ${t.priority}) → ${t.event ?? "?"}${facts ? `; read ${facts}` : ""}`;
    }),
  ];
}

function check(d: Decision, e: PolicyCaseExpect): string[] {
  const f: string[] = [];
  if (e.action !== undefined && d.action.type !== e.action)
    f.push(`action: expected ${show(e.action)}, got ${show(d.action.type)} (rule ${d.action.rule})`);
  if (e.channel !== undefined && d.action.channel !== e.channel)
    f.push(`channel: expected ${show(e.channel)}, got ${show(d.action.channel)}`);
  if (e.rule !== undefined && d.action.rule !== e.rule)
    f.push(`rule: expected ${show(e.rule)}, got ${show(d.action.rule)}`);
  const blockedTypes = d.blocked.map((b) => b.type);
  if (typeof e.blocked === "boolean") {
    if (e.blocked !== blockedTypes.length > 0)
      f.push(`blocked: expected ${e.blocked ? "some" : "none"}, got ${show(blockedTypes)}`);
  } else if (e.blocked !== undefined && !deepEqual(blockedTypes, e.blocked)) {
    f.push(`blocked: expected ${show(e.blocked)}, got ${show(blockedTypes)}`);
  }
  if (e.params !== undefined)
    for (const [k, v] of Object.entries(e.params))
      if (!deepEqual(d.action.params[k], v))
        f.push(`params.${k}: expected ${show(v)}, got ${show(d.action.params[k])}`);
  return f;
}

function runCase(policy: Policy, c: PolicyCase): PolicyCaseResult {
  const given = c.given instanceof AccountBuilder ? c.given.build() : c.given;
  const asOf = c.asOf ?? (c.given instanceof AccountBuilder ? c.given.asOfInstant : undefined);
  let d: Decision;
  try {
    if (asOf === undefined)
      throw new ArrearsError(
        "INVALID_OPTIONS",
        [{ path: ["asOf"], message: "required (or give a builder)" }],
        `case ${show(c.name)}`,
      );
    d = decide(policy, given, { asOf });
  } catch (err) {
    if (!(err instanceof ArrearsError)) throw err;
    const message = `case ${show(c.name)}: decide threw ${err.code}: ${err.message}`;
    return {
      name: c.name,
      passed: false,
      failures: [message],
      message,
      decision: null,
      error: { code: err.code, message: err.message },
    };
  }
  const failures = check(d, c.expect);
  if (failures.length === 0) return { name: c.name, passed: true, failures, message: "", decision: d, error: null };
  const blocked = d.blocked.map((b) => `    - ${b.type} (rule ${b.rule}): ${b.reasons.map((r) => r.code).join(", ")}`);
  const message = [
    `policy ${d.policy.id}@${d.policy.version}, case ${show(c.name)} (account ${d.accountId}, asOf ${d.asOf}):`,
    ...failures.map((x) => `  ✗ ${x}`),
    `  decided: ${d.action.type}${d.action.channel ? ` via ${d.action.channel}` : ""} by rule ${d.action.rule}, earliest ${d.action.earliestAt}`,
    ...(blocked.length ? ["  blocked:", ...blocked] : []),
    ...traceLines(d.trace),
  ].join("\n");
  return { name: c.name, passed: false, failures, message, decision: d, error: null };
}

/**
 * A policy from JSON, from this module's `loadPolicy`, or from another copy of the library (the
 * CommonJS builds of `arrears` and `arrears/testing` are separate bundles): re-load its source.
 */
function toPolicy(x: unknown): Policy {
  try {
    return loadPolicy(x);
  } catch (e) {
    const source = typeof x === "object" && x !== null ? (x as { source?: unknown }).source : undefined;
    if (
      e instanceof ArrearsError &&
      typeof source === "object" &&
      source !== null &&
      typeof (x as { meta?: unknown }).meta === "object"
    )
      return loadPolicy(source);
    throw e;
  }
}

function findRunner(opt: TestRunner | false | undefined): TestRunner | null {
  if (opt === false) return null;
  const g = (opt ?? globalThis) as TestRunner;
  const it = typeof g.it === "function" ? g.it : typeof g.test === "function" ? g.test : undefined;
  return it ? { it, ...(typeof g.describe === "function" ? { describe: g.describe } : {}) } : null;
}

/**
 * Runs table-driven cases against a policy and returns a report; when a test framework is
 * passed as `runner` (or its `describe`/`it` are globals) it also registers one test per case,
 * failing with the mismatches, the blocked candidates and the rule trace (which rules fired and
 * the facts they read). Call it at the top level of a test file (registration time).
 *
 * @throws {ArrearsError} `INVALID_POLICY` when `policy` is neither a loaded policy nor valid policy JSON.
 *
 * @example
 * import { describe, it } from "vitest";
 * runPolicyTests(policy, [
 *   { name: "45 DPD gets a call", given: account().overdue(45), expect: { action: "call_borrower" } },
 *   { name: "disputed is held", given: account().overdue(45).flag("disputed"), expect: { action: "dispute_hold" } },
 * ], { runner: { describe, it } });
 */
export function runPolicyTests(
  policy: Policy | unknown,
  cases: readonly PolicyCase[],
  options: RunPolicyTestsOptions = {},
): PolicyTestReport {
  const p = toPolicy(policy);
  const results = cases.map((c) => runCase(p, c));
  const passed = results.filter((r) => r.passed).length;
  const report: PolicyTestReport = {
    policy: { id: p.meta.id, version: p.meta.version },
    total: results.length,
    passed,
    failed: results.length - passed,
    results,
  };
  const runner = findRunner(options.runner);
  if (runner) {
    const register = (): void => {
      for (const r of results)
        runner.it!(r.name, () => {
          if (!r.passed) throw new Error(r.message);
        });
    };
    const title = options.title ?? `policy ${p.meta.id}@${p.meta.version}`;
    if (runner.describe) runner.describe(title, register);
    else register();
  }
  return report;
}

/**
 * Runs a policy file's own embedded `tests` (`[{name, account, asOf, expect}]`).
 *
 * @example
 * import defaultJson from "arrears/rules/policies/default.json" with { type: "json" };
 * const report = runEmbeddedTests(defaultJson, { runner: false });
 * report.failed; // 0
 */
export function runEmbeddedTests(policyJson: unknown, options: RunPolicyTestsOptions = {}): PolicyTestReport {
  const p = toPolicy(policyJson);
  return runPolicyTests(
    p,
    p.tests.map((t) => ({ name: t.name, given: t.account, asOf: t.asOf, expect: t.expect as PolicyCaseExpect })),
    { title: `embedded tests of ${p.meta.id}@${p.meta.version}`, ...options },
  );
}
