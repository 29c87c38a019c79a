import { decide } from "../decision/decide.js";
import type { Decision, TraceEntry } from "../decision/decision.js";
import { loadPolicy } from "../decision/load.js";
import { isBucketScheme, loadBucketScheme, testBucketScheme } from "../delinquency/index.js";
import { ArrearsError } from "../errors/index.js";
import { didYouMean } from "../errors/suggest.js";
import { isGuardrailProfile, loadGuardrailProfile, runGuardrailProfileTests } from "../guardrails/index.js";
import { loadTemplate, runTemplateTests } from "../messages/index.js";
import type { AccountInput } from "../model/index.js";
import { isPolicy, type Policy } from "../rules/index.js";
import {
  isScorecard,
  loadScorecard,
  loadSegmentation,
  runScorecardTests,
  runSegmentationTests,
} from "../scoring/index.js";
import { parseInstant } from "../time/index.js";
import type { EmbeddedTestResult } from "../util/index.js";
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
  /** The action's `earliestAt`: the same instant, in any offset (`"2026-11-24T08:00:00-05:00"`). */
  earliestAt?: string;
  /**
   * Texts the rendered message (subject and body) must contain, each of them (a string is one
   * text). Fails when no message was rendered.
   */
  messageContains?: string | string[];
  /** Texts the rendered message must not contain (passes when there is no message). */
  messageNotContains?: string | string[];
  /** Action types in `action.alongside`, exactly and in order (`[]` = nothing alongside). */
  alongside?: string[];
}

/** The fields of {@link PolicyCaseExpect}: anything else in a case's `expect` is a mistake. */
const EXPECT_KEYS = [
  "action",
  "channel",
  "rule",
  "blocked",
  "params",
  "earliestAt",
  "messageContains",
  "messageNotContains",
  "alongside",
] as const satisfies readonly (keyof PolicyCaseExpect)[];

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

/** How often one rule decided and fired over a run of cases. */
export interface RuleCoverageEntry {
  name: string;
  priority: number;
  /** Cases whose action this rule chose. */
  decided: number;
  /** Cases in which its conditions held (whether or not it decided). */
  fired: number;
}

/**
 * Which rules the cases exercised: every rule of the policy in file order with its counts, and
 * the names of the rules that decided (fired in) at least one case and of those that did not.
 * Cases whose account could not be decided count for nothing.
 */
export interface RuleCoverage {
  rules: RuleCoverageEntry[];
  decided: string[];
  fired: string[];
  /** Rules that decided no case. */
  undecided: string[];
  /** Rules that fired in no case. */
  unfired: string[];
  /** Cases decided by the fallback action (no rule fired, or every candidate was blocked). */
  fallback: number;
}

/** What {@link runPolicyTests} returns. */
export interface PolicyTestReport {
  policy: { id: string; version: string };
  total: number;
  passed: number;
  failed: number;
  results: PolicyCaseResult[];
  /** Which rules the cases decided with and which fired. */
  coverage: RuleCoverage;
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

/** Subject and body of the rendered message, or null when none was rendered. */
function messageText(d: Decision): string | null {
  const m = d.action.message as { subject?: unknown; body?: unknown } | undefined;
  if (m === undefined || m === null || typeof m !== "object") return null;
  return [m.subject, m.body].filter((x): x is string => typeof x === "string").join("\n");
}

const listOf = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);

function check(d: Decision, e: PolicyCaseExpect): string[] {
  const f: string[] = [];
  for (const k of Object.keys(e))
    if (!(EXPECT_KEYS as readonly string[]).includes(k))
      f.push(`expect.${k}: unknown field${didYouMean(k, EXPECT_KEYS)} (it would check nothing)`);
  if (!EXPECT_KEYS.some((k) => e[k] !== undefined))
    f.push(`expect: nothing to check (give one of ${EXPECT_KEYS.join(", ")})`);
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
  if (e.alongside !== undefined) {
    const along = (d.action.alongside ?? []).map((a) => a.type);
    if (!deepEqual(along, e.alongside)) f.push(`alongside: expected ${show(e.alongside)}, got ${show(along)}`);
  }
  if (e.params !== undefined)
    for (const [k, v] of Object.entries(e.params))
      if (!deepEqual(d.action.params[k], v))
        f.push(`params.${k}: expected ${show(v)}, got ${show(d.action.params[k])}`);
  if (e.earliestAt !== undefined) {
    const want = typeof e.earliestAt === "string" ? parseInstant(e.earliestAt) : Number.NaN;
    if (Number.isNaN(want))
      f.push(`earliestAt: expected value ${show(e.earliestAt)} is not an ISO instant with offset`);
    else if (want !== parseInstant(d.action.earliestAt))
      f.push(`earliestAt: expected ${show(e.earliestAt)}, got ${show(d.action.earliestAt)}`);
  }
  if (e.messageContains !== undefined || e.messageNotContains !== undefined) {
    const text = messageText(d);
    if (e.messageContains !== undefined) {
      if (text === null)
        f.push(
          `messageContains: no message was rendered (action ${d.action.type}${d.action.template ? "" : " has no template"})`,
        );
      else
        for (const s of listOf(e.messageContains))
          if (!text.includes(s)) f.push(`messageContains: ${show(s)} is not in the message`);
    }
    if (e.messageNotContains !== undefined && text !== null)
      for (const s of listOf(e.messageNotContains))
        if (text.includes(s)) f.push(`messageNotContains: ${show(s)} is in the message`);
  }
  return f;
}

/** Rule coverage of a policy over decided cases. */
function ruleCoverage(policy: Policy, decisions: Iterable<Decision | null>): RuleCoverage {
  const decided = new Map<string, number>();
  const fired = new Map<string, number>();
  let fallback = 0;
  for (const d of decisions) {
    if (!d) continue;
    if (d.action.rule === "(fallback)") fallback++;
    else decided.set(d.action.rule, (decided.get(d.action.rule) ?? 0) + 1);
    for (const t of d.trace) if (t.fired) fired.set(t.rule, (fired.get(t.rule) ?? 0) + 1);
  }
  const rules = policy.rules.map((r) => ({
    name: r.name,
    priority: r.priority,
    decided: decided.get(r.name) ?? 0,
    fired: fired.get(r.name) ?? 0,
  }));
  return {
    rules,
    decided: rules.filter((r) => r.decided > 0).map((r) => r.name),
    fired: rules.filter((r) => r.fired > 0).map((r) => r.name),
    undecided: rules.filter((r) => r.decided === 0).map((r) => r.name),
    unfired: rules.filter((r) => r.fired === 0).map((r) => r.name),
    fallback,
  };
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
    d = decide(policy, given as AccountInput, { asOf });
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
    `policy ${d.policy === null ? "(none)" : `${d.policy.id}@${d.policy.version}`}, case ${show(c.name)} (account ${d.accountId}, asOf ${d.asOf}):`,
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
  if (!it) {
    // Returning a report nobody looks at would let a failing case pass: say so instead.
    throw new ArrearsError(
      "INVALID_OPTIONS",
      [
        {
          path: ["runner"],
          message:
            opt === undefined
              ? "no test runner found: pass { runner: { describe, it } } (vitest, jest, mocha, node:test), or runner: false to only get the report"
              : "expected an object with it (or test) and optionally describe",
        },
      ],
      "test registration",
    );
  }
  return { it, ...(typeof g.describe === "function" ? { describe: g.describe } : {}) };
}

/** Registers one test per result (failing with its report) under `title`. */
function register(
  runner: TestRunner | null,
  title: string,
  results: readonly { name: string; passed: boolean; report: string }[],
): void {
  if (!runner) return;
  const add = (): void => {
    for (const r of results)
      runner.it!(r.name, () => {
        if (!r.passed) throw new Error(r.report);
      });
  };
  if (runner.describe) runner.describe(title, add);
  else add();
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
    coverage: ruleCoverage(
      p,
      results.map((r) => r.decision),
    ),
  };
  register(
    findRunner(options.runner),
    options.title ?? `policy ${p.meta.id}@${p.meta.version}`,
    results.map((r) => ({ name: r.name, passed: r.passed, report: r.message })),
  );
  return report;
}

/** The kinds of rule file that carry embedded tests. */
export type EmbeddedTestKind = "policy" | "guardrails" | "scorecard" | "segmentation" | "buckets" | "template";

/** What {@link runEmbeddedTests} returns, for any kind of rule file. */
export interface EmbeddedTestReport {
  kind: EmbeddedTestKind;
  id: string;
  version: string;
  total: number;
  passed: number;
  failed: number;
  results: EmbeddedTestResult[];
  /** For a policy: which rules its tests decided with and which fired. */
  coverage?: RuleCoverage;
}

function kindOf(file: unknown): EmbeddedTestKind {
  if (isPolicy(file)) return "policy";
  if (isGuardrailProfile(file)) return "guardrails";
  if (isScorecard(file)) return "scorecard";
  if (isBucketScheme(file)) return "buckets";
  const o = (typeof file === "object" && file !== null ? file : {}) as Record<string, unknown>;
  const has = (k: string): boolean => Object.hasOwn(o, k);
  if (has("rules") && has("actions")) return "policy";
  if (has("conversationOutcomes")) return "guardrails";
  if (has("characteristics")) return "scorecard";
  if (has("ability") && has("willingness")) return "segmentation";
  if (has("ranges")) return "buckets";
  if (has("locales") && has("channel")) return "template";
  throw new ArrearsError(
    "INVALID_INPUT",
    [
      {
        path: [],
        message:
          "not a rule file with embedded tests (policy, guardrail profile, scorecard, segmentation, bucket scheme or template)",
        received: file,
      },
    ],
    "runEmbeddedTests",
  );
}

/**
 * Runs the `tests` embedded in any rule file (JSON or loaded): a policy, a guardrail profile, a
 * scorecard, a segmentation, a bucket scheme or a message template. Every kind reports the
 * same shape; with a test framework (`runner`, or `describe`/`it` globals) it also registers one
 * test per case, and it throws when it finds no framework unless `runner: false`.
 *
 * @throws {ArrearsError} the file's own load error (`INVALID_POLICY`, …) when it is invalid;
 * `INVALID_OPTIONS` when no test runner can be found.
 *
 * @example
 * import { describe, it } from "vitest";
 * runEmbeddedTests(myPolicyJson, { runner: { describe, it } });
 * runEmbeddedTests(shippedRuleFile("guardrails", "uk-conc"), { runner: false }).failed; // 0
 */
export function runEmbeddedTests(file: unknown, options: RunPolicyTestsOptions = {}): EmbeddedTestReport {
  const kind = kindOf(file);
  let id: string, version: string, results: EmbeddedTestResult[];
  let reports: string[];
  let coverage: RuleCoverage | undefined;
  if (kind === "policy") {
    const p = toPolicy(file);
    const cases = p.tests.map((t) =>
      runCase(p, { name: t.name, given: t.account, asOf: t.asOf, expect: t.expect as PolicyCaseExpect }),
    );
    ({ id, version } = p.meta);
    results = cases.map((c) => ({ name: c.name, passed: c.passed, failures: c.failures }));
    reports = cases.map((c) => c.message);
    coverage = ruleCoverage(
      p,
      cases.map((c) => c.decision),
    );
  } else {
    const loaded =
      kind === "guardrails"
        ? loadGuardrailProfile(file)
        : kind === "scorecard"
          ? loadScorecard(file)
          : kind === "segmentation"
            ? loadSegmentation(file)
            : kind === "buckets"
              ? loadBucketScheme(file)
              : loadTemplate(file);
    id = loaded.id;
    version = loaded.version;
    results =
      kind === "guardrails"
        ? runGuardrailProfileTests(loaded)
        : kind === "scorecard"
          ? runScorecardTests(loaded)
          : kind === "segmentation"
            ? runSegmentationTests(loaded)
            : kind === "buckets"
              ? testBucketScheme(loaded as never)
              : runTemplateTests(loaded);
    reports = results.map(
      (r) => `${kind} ${id}@${version}, case ${show(r.name)}:\n${r.failures.map((x) => `  ✗ ${x}`).join("\n")}`,
    );
  }
  const passed = results.filter((r) => r.passed).length;
  register(
    findRunner(options.runner),
    options.title ?? `embedded tests of ${kind} ${id}@${version}`,
    results.map((r, i) => ({ name: r.name, passed: r.passed, report: reports[i]! })),
  );
  const report: EmbeddedTestReport = {
    kind,
    id,
    version,
    total: results.length,
    passed,
    failed: results.length - passed,
    results,
  };
  if (coverage) report.coverage = coverage;
  return report;
}
