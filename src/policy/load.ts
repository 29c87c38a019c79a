import { BUCKET_SCHEMES } from "../delinquency/index.js";
import { ArrearsError, type ArrearsIssue, issuesFromZod } from "../errors/index.js";
import { didYouMean } from "../errors/suggest.js";
import { parseOfferSpec } from "../offers/build.js";
import { generateRuleRunner, type RuleRunner } from "./codegen.js";
import { ConditionCompiler, type Predicate } from "./compile.js";
import {
  type ActionDefinition,
  type ParsedPolicyFile,
  PolicyFileSchema,
  type PolicyOptions,
  type PolicyTest,
} from "./schema.js";

/** A policy rule as compiled: its metadata and the facts its conditions read. */
export interface PolicyRule {
  readonly name: string;
  readonly priority: number;
  /** Position in the file's `rules` array. */
  readonly index: number;
  readonly description?: string;
  readonly event: { readonly type: string; readonly params: Readonly<Record<string, unknown>> };
  /** Every fact the conditions read (through shared conditions too), sorted. */
  readonly facts: readonly string[];
}

/** @internal */
export const COMPILED: unique symbol = Symbol("arrears.policy.compiled");

/** @internal Rules in evaluation order (priority desc, then file order) with their predicates. */
export interface CompiledRule {
  readonly rule: PolicyRule;
  readonly test: Predicate;
  readonly event: {
    rule: string;
    priority: number;
    type: string;
    params: Readonly<Record<string, unknown>>;
    index: number;
  };
  /** Positions of `rule.facts` in {@link CompiledPolicy.factNames} (the trace reads each fact once). */
  readonly factIndex: readonly number[];
}

/** @internal */
export interface CompiledPolicy {
  readonly rules: readonly CompiledRule[];
  /** All rules as one generated function (null where code generation is unavailable). */
  readonly runner: RuleRunner<CompiledRule["event"]> | null;
  /** Compiled rules by their position in the file. */
  readonly byIndex: readonly CompiledRule[];
  /** Every fact any rule reads. */
  readonly factNames: readonly string[];
}

/**
 * A validated, compiled policy (from {@link loadPolicy}). Plain data plus hidden compiled
 * predicates; `decide` and `evaluatePolicy` use it. Deeply frozen.
 */
export interface Policy {
  readonly meta: { readonly id: string; readonly version: string; readonly description: string };
  readonly schemaVersion: 1;
  /** Id of the bucket scheme in `rules/buckets/`. */
  readonly bucketScheme: string;
  /** Ids of the scorecards in `rules/scorecards/`. */
  readonly scorecards: { readonly risk: string; readonly hardship: string; readonly segments: string };
  /** Id of the guardrail profile in `rules/guardrails/`. */
  readonly guardrails: string;
  readonly options: Readonly<PolicyOptions>;
  /** The action catalogue: every event type a rule may emit. */
  readonly actions: Readonly<Record<string, Readonly<ActionDefinition>>>;
  /** Action when no rule fires or every candidate is blocked. */
  readonly fallbackAction: string;
  /** Rules in file order. */
  readonly rules: readonly PolicyRule[];
  readonly tests: readonly PolicyTest[];
  /** The validated JSON as given (for json-rules-engine, exports and diffs). */
  readonly source: Readonly<ParsedPolicyFile>;
  /** @internal */
  readonly [COMPILED]: CompiledPolicy;
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

/** A total order on paths (indices numerically, keys alphabetically); same-path issues keep their order. */
function comparePaths(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!,
      y = b[i]!;
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "number") return -1;
    if (typeof y === "number") return 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

function cloneJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(cloneJson);
  if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = cloneJson((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** @internal Duck check so `decide` can accept a loaded policy only. */
export function isPolicy(v: unknown): v is Policy {
  return v !== null && typeof v === "object" && COMPILED in v;
}

/**
 * Validates a policy file (`rules/policies/*.json`, parsed JSON) and compiles its rules into
 * plain synchronous predicates. Every problem is reported at once, each with its JSON path and,
 * for misspelt names, a suggestion: `rules[4].conditions.all[1].fact: unknown fact "dpdd"; did
 * you mean "dpd"?`. Facts must be in the catalogue (`FACTS`), operators known and type-compatible
 * with the fact, event types catalogued in `actions`, rule names unique; features the compiler
 * does not support (`path`, `params`, operator decorators other than `not:`, list operators on
 * scalar facts) are rejected.
 *
 * @throws {ArrearsError} `INVALID_POLICY` listing every issue.
 *
 * @example
 * import { loadPolicy, defaultPolicy } from "arrears";
 * const policy = loadPolicy(defaultPolicy);
 * policy.meta.version;   // "1.0.0"
 * policy.bucketScheme;   // "us-cycle"
 */
export function loadPolicy(input: unknown): Policy {
  if (isPolicy(input)) return input;
  // A private copy: freezing the compiled policy must not freeze the caller's JSON.
  const json = cloneJson(input);
  const parsed = PolicyFileSchema.safeParse(json);
  const issues: ArrearsIssue[] = parsed.success ? [] : issuesFromZod(parsed.error, json);
  const raw = (json !== null && typeof json === "object" ? json : {}) as Record<string, unknown>;

  // Conditions are checked on the raw input so their issues come with the schema's, in one error.
  const schemes = BUCKET_SCHEMES as Readonly<Record<string, { labels: readonly string[] }>>;
  let bucketLabels: readonly string[] | null = null;
  if (typeof raw.bucketScheme === "string") {
    if (Object.hasOwn(schemes, raw.bucketScheme)) bucketLabels = schemes[raw.bucketScheme]!.labels;
    else
      issues.push({
        path: ["bucketScheme"],
        message: `unknown bucket scheme${didYouMean(raw.bucketScheme, Object.keys(schemes))} (shipped: ${Object.keys(schemes).join(", ")})`,
        received: raw.bucketScheme,
      });
  }
  const compiler = new ConditionCompiler(raw.conditions, bucketLabels);
  compiler.compileShared();
  const rawRules = Array.isArray(raw.rules) ? (raw.rules as unknown[]) : [];
  const actionTypes = raw.actions !== null && typeof raw.actions === "object" ? Object.keys(raw.actions as object) : [];
  const predicates: (Predicate | null)[] = [];
  const factSets: Set<string>[] = [];
  const seen = new Map<string, number>();
  rawRules.forEach((r, i) => {
    const facts = new Set<string>();
    factSets.push(facts);
    if (r === null || typeof r !== "object" || !("conditions" in r)) {
      predicates.push(null);
      return;
    }
    const rule = r as Record<string, unknown>;
    predicates.push(compiler.root(rule.conditions, ["rules", i, "conditions"], facts));
    if (typeof rule.name === "string") {
      const first = seen.get(rule.name);
      if (first !== undefined)
        issues.push({
          path: ["rules", i, "name"],
          message: `duplicate rule name (also rules[${first}])`,
          received: rule.name,
        });
      else seen.set(rule.name, i);
    }
    const ev = rule.event as Record<string, unknown> | undefined;
    if (ev && typeof ev.type === "string" && actionTypes.length > 0 && !actionTypes.includes(ev.type)) {
      issues.push({
        path: ["rules", i, "event", "type"],
        message: `action ${JSON.stringify(ev.type)} is not in the action catalogue${didYouMean(ev.type, actionTypes)}`,
        received: ev.type,
      });
    }
    const offer =
      ev && ev.params !== null && typeof ev.params === "object"
        ? (ev.params as Record<string, unknown>).offer
        : undefined;
    if (offer !== undefined) {
      // Also warms parseOfferSpec's identity cache, so decide never re-validates these specs.
      try {
        parseOfferSpec(offer);
      } catch (e) {
        if (!(e instanceof ArrearsError)) throw e;
        for (const is of e.issues) issues.push({ ...is, path: ["rules", i, "event", "params", "offer", ...is.path] });
      }
    }
  });
  issues.push(...compiler.issues);

  // Cross-references, checked on the raw input so they are reported even when other parts are invalid.
  if (actionTypes.length > 0) {
    const checkType = (t: unknown, path: (string | number)[]): void => {
      if (typeof t === "string" && !actionTypes.includes(t)) {
        issues.push({
          path,
          message: `action ${JSON.stringify(t)} is not in the action catalogue${didYouMean(t, actionTypes)}`,
          received: t,
        });
      }
    };
    const fallback = raw.fallbackAction ?? "no_action";
    checkType(fallback, ["fallbackAction"]);
    const fb = (raw.actions as Record<string, unknown>)[fallback as string] as Record<string, unknown> | undefined;
    if (fb?.contact === true) {
      issues.push({
        path: ["fallbackAction"],
        message: "the fallback action must not contact the borrower (it is used when every contact is blocked)",
        received: fallback,
      });
    }
    for (const [t, a] of Object.entries(raw.actions as Record<string, unknown>)) {
      const req = (a as Record<string, unknown> | null)?.requires;
      if (Array.isArray(req)) req.forEach((r, j) => checkType(r, ["actions", t, "requires", j]));
    }
    if (Array.isArray(raw.tests)) {
      raw.tests.forEach((t: unknown, i: number) => {
        const e = (t as Record<string, unknown> | null)?.expect as Record<string, unknown> | undefined;
        if (!e || typeof e !== "object") return;
        checkType(e.action, ["tests", i, "expect", "action"]);
        if (Array.isArray(e.blocked)) e.blocked.forEach((b, j) => checkType(b, ["tests", i, "expect", "blocked", j]));
        if (typeof e.rule === "string" && !seen.has(e.rule) && e.rule !== "(fallback)") {
          issues.push({
            path: ["tests", i, "expect", "rule"],
            message: `unknown rule${didYouMean(e.rule, seen.keys())}`,
            received: e.rule,
          });
        }
      });
    }
  }
  issues.sort((a, b) => comparePaths(a.path, b.path));
  if (issues.length > 0 || !parsed.success) throw new ArrearsError("INVALID_POLICY", issues, "invalid policy");

  const p = parsed.data;
  const rules: PolicyRule[] = p.rules.map((r, index) => {
    const rule: PolicyRule = {
      name: r.name,
      priority: r.priority ?? 1,
      index,
      ...(r.description !== undefined ? { description: r.description } : {}),
      event: { type: r.event.type, params: r.event.params ?? {} },
      facts: [...factSets[index]!].sort(),
    };
    return rule;
  });
  deepFreeze(p);
  deepFreeze(rules);
  // Stable sort: equal priorities keep file order (json-rules-engine only orders by priority).
  const order = [...rules].sort((a, b) => b.priority - a.priority || a.index - b.index);
  const factNames = [...new Set(order.flatMap((r) => r.facts))];
  const compiled: CompiledRule[] = order.map((rule) =>
    Object.freeze({
      rule,
      test: predicates[rule.index]!,
      event: Object.freeze({
        rule: rule.name,
        priority: rule.priority,
        type: rule.event.type,
        params: rule.event.params,
        index: rule.index,
      }),
      factIndex: Object.freeze(rule.facts.map((f) => factNames.indexOf(f))),
    }),
  );
  const policy: Policy = {
    meta: Object.freeze({ id: p.id, version: p.version, description: p.description }),
    schemaVersion: 1,
    bucketScheme: p.bucketScheme,
    scorecards: p.scorecards,
    guardrails: p.guardrails,
    options: p.options,
    actions: p.actions,
    fallbackAction: p.fallbackAction,
    rules,
    tests: p.tests,
    source: p,
    [COMPILED]: Object.freeze({
      rules: Object.freeze(compiled),
      factNames: Object.freeze(factNames),
      byIndex: Object.freeze([...compiled].sort((a, b) => a.rule.index - b.rule.index)),
      runner: generateRuleRunner(
        order.map((r) => p.rules[r.index]!.conditions),
        compiled.map((c) => c.event),
        (p.conditions ?? {}) as Record<string, unknown>,
      ),
    }),
  };
  return Object.freeze(policy);
}
