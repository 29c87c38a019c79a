import * as z from "zod";
import {
  type ConditionEngine,
  type ConditionNode,
  ConditionValidator,
  codeGenerationAvailable,
  compileRunner,
  factsOf,
  type RuleRunner,
} from "../conditions/index.js";
import { ArrearsError, type ArrearsIssue, issuesFromZod, readInput } from "../errors/index.js";
import { didYouMean } from "../errors/suggest.js";
import { deepFreeze } from "../util/index.js";
import { OfferSpecSchema } from "./params.js";
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

/**
 * @internal Brand and payload of a loaded policy. A registered symbol, so that a policy loaded by
 * one copy of arrears (ESM) is accepted by another (CJS) in the same process. Bump the suffix
 * whenever the shape of `CompiledPolicy` changes, so two different versions never share it.
 */
export const COMPILED: unique symbol = Symbol.for("arrears.policy.compiled/v1");

/** @internal Rules in evaluation order (priority desc, then file order) with their events. */
interface CompiledRule {
  readonly rule: PolicyRule;
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
interface CompiledPolicy {
  readonly rules: readonly CompiledRule[];
  /**
   * All rules' conditions as one runner that pushes the events of the rules that hold, in
   * evaluation order: generated code, or closures (see {@link Policy.engine}).
   */
  readonly runner: RuleRunner<CompiledRule["event"]>;
  /** Compiled rules by their position in the file. */
  readonly byIndex: readonly CompiledRule[];
  /** Every fact any rule reads. */
  readonly factNames: readonly string[];
}

/**
 * A validated, compiled policy (from {@link loadPolicy}). Plain data plus hidden compiled
 * conditions; `decide` and `evaluatePolicy` use it. Deeply frozen.
 */
export interface Policy {
  readonly meta: { readonly id: string; readonly version: string; readonly description: string };
  readonly schemaVersion: 1;
  /** Id of the bucket scheme in `rules/buckets/`. */
  readonly bucketScheme: string;
  /** Ids of the scorecards in `rules/scorecards/`. */
  readonly scorecards: { readonly risk: string; readonly hardship: string; readonly segments: string };
  /** Where the policy applies (ISO 3166; a country covers its subdivisions). */
  readonly jurisdictions: readonly string[];
  /** The currency of every amount threshold in the rules. */
  readonly currency: string;
  /** Ids of the guardrail profiles, applied together where they cover the account. */
  readonly guardrails: readonly string[];
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
  /**
   * How the conditions run: `"generated"`, one generated function (the default, and the fast
   * path), or `"closures"` (with `jitless: true`, or where the runtime forbids `new Function`, as
   * under a strict Content-Security-Policy). Both give the same events and traces.
   */
  readonly engine: ConditionEngine;
  /** @internal */
  readonly [COMPILED]: CompiledPolicy;
}

/** Options of {@link loadPolicy}. */
export interface LoadPolicyOptions {
  /**
   * Compile conditions into closures instead of generated code (`new Function`), as zod's
   * `jitless`: for a strict Content-Security-Policy. Slower; the same results. Runtimes that
   * forbid `new Function` get closures without asking.
   */
  jitless?: boolean;
}

const LoadPolicyOptionsSchema = z.strictObject({ jitless: z.boolean().optional() });

/** Params `decide` reads itself, for any action; others must be declared in the action's `params`. */
const RESERVED_PARAMS: Readonly<Record<string, string>> = {
  offer: "an offer spec (see OfferSpecSchema)",
  alongside: "true: the action runs beside the primary action, not instead of it",
  reason: "a short machine-readable reason shown in the decision",
};

/** What the policy compiler needs to know about the world beyond the file. @internal */
export interface CompileContext {
  /** Bucket labels per scheme id the policy may name (shipped plus the caller's). */
  bucketLabels: ReadonlyMap<string, readonly string[]>;
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

/**
 * A private copy of JSON-like input: own enumerable keys only (an inherited key is not part of
 * the input), and a `"__proto__"` key stays an own data property, as `JSON.parse` makes it, so
 * that validation sees and rejects it instead of it becoming the copy's prototype. Iterative, and
 * shared or circular references are copied once.
 */
function cloneJson(input: unknown): unknown {
  const copies = new Map<object, unknown>();
  type Frame = {
    from: Record<string, unknown>;
    to: Record<string, unknown>;
    depth: number;
    up: Frame | null;
    key: string;
  };
  const stack: Frame[] = [];
  const copy = (v: unknown, up: Frame | null, key: string): unknown => {
    if (v === null || typeof v !== "object") return v;
    const seen = copies.get(v);
    if (seen !== undefined) return seen;
    const depth = up === null ? 0 : up.depth + 1;
    // Stop a hostile nesting here, before zod recurses through it to a stack overflow.
    if (depth > MAX_JSON_DEPTH) tooDeep(up, key);
    const out = Array.isArray(v) ? new Array<unknown>(v.length) : {};
    copies.set(v, out);
    stack.push({ from: v as Record<string, unknown>, to: out as Record<string, unknown>, depth, up, key });
    return out;
  };
  const root = copy(input, null, "");
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { from, to } = frame;
    for (const k of Object.keys(from)) {
      const value = copy(from[k], frame, k);
      if (k === "__proto__")
        Object.defineProperty(to, k, { value, enumerable: true, writable: true, configurable: true });
      else to[k] = value;
    }
  }
  return root;
}

/** Nesting of a policy file (the shipped ones nest about 10 deep; conditions have their own limit of 64). */
const MAX_JSON_DEPTH = 500;

function tooDeep(up: { up: unknown; key: string } | null, key: string): never {
  const path: (string | number)[] = [key];
  for (let f = up as { up: unknown; key: string } | null; f !== null && f.up !== null; f = f.up as typeof f)
    path.unshift(f.key);
  throw new ArrearsError(
    "INVALID_POLICY",
    [
      {
        path: path.map((k) => (/^\d+$/.test(k as string) ? Number(k) : k)),
        message: `nested more than ${MAX_JSON_DEPTH} levels deep`,
      },
    ],
    "policy",
  );
}

/** @internal Duck check so `decide` can accept a loaded policy only. */
export function isPolicy(v: unknown): v is Policy {
  try {
    return v !== null && typeof v === "object" && Object.hasOwn(v, COMPILED);
  } catch {
    return false; // a proxy whose trap throws is no policy
  }
}

/**
 * Validates a policy file (`rules/policies/*.json`, parsed JSON) and compiles its rules into
 * plain synchronous predicates. Every problem is reported at once, each with its JSON path and,
 * for misspelt names, a suggestion: `rules[4].conditions.all[1].fact: unknown fact "dpdd"; did
 * you mean "dpd"?`. Facts must be in the catalogue (`FACTS`), operators known and type-compatible
 * with the fact, event types catalogued in `actions`, rule names unique; features the compiler
 * does not support (`path`, `params`, operator decorators other than `not:`, list operators on
 * scalar facts) are rejected, and so are keys such as `__proto__` and files beyond the documented
 * limits (nesting depth, number of conditions, list and string sizes: `docs/operators.md`).
 *
 * The conditions compile into one generated function (`policy.engine === "generated"`), or into
 * closures with `{ jitless: true }` or where the runtime forbids `new Function`.
 *
 * @throws {ArrearsError} `INVALID_POLICY` listing every issue; `INVALID_OPTIONS` for bad
 * options; `INTERNAL` if code generation fails (a bug: please report it).
 *
 * @example
 * import { loadPolicy, defaultPolicy } from "arrears";
 * const policy = loadPolicy(defaultPolicy);
 * policy.meta.version;   // "1.0.0"
 * policy.bucketScheme;   // "us-cycle"
 * policy.engine;         // "generated"
 * loadPolicy(defaultPolicy, { jitless: true }).engine; // "closures"
 */
export function compilePolicy(input: unknown, options: LoadPolicyOptions | undefined, context: CompileContext): Policy {
  const opts = readInput("INVALID_OPTIONS", "loadPolicy", () => LoadPolicyOptionsSchema.safeParse(options ?? {}));
  if (!opts.success) throw new ArrearsError("INVALID_OPTIONS", issuesFromZod(opts.error, options), "loadPolicy");
  const jitless = opts.data.jitless;
  if (isPolicy(input)) {
    // Already loaded: recompiled only when asked for the other engine (and it is available).
    const wanted = jitless === true || !codeGenerationAvailable() ? "closures" : "generated";
    if (jitless === undefined || input.engine === wanted) return input;
    return compilePolicy(input.source, { jitless }, context);
  }
  // A private copy: freezing the compiled policy must not freeze the caller's JSON.
  // Copying reads the input: a getter or proxy trap that throws makes it an invalid policy.
  const json = readInput("INVALID_POLICY", "policy", () => cloneJson(input));
  const parsed = PolicyFileSchema.safeParse(json);
  const issues: ArrearsIssue[] = parsed.success ? [] : issuesFromZod(parsed.error, json);
  const raw = (json !== null && typeof json === "object" ? json : {}) as Record<string, unknown>;

  // Conditions are checked on the raw input so their issues come with the schema's, in one error.
  const schemes = context.bucketLabels;
  let bucketLabels: readonly string[] | null = null;
  if (typeof raw.bucketScheme === "string") {
    if (schemes.has(raw.bucketScheme)) bucketLabels = schemes.get(raw.bucketScheme)!;
    else
      issues.push({
        path: ["bucketScheme"],
        message: `unknown bucket scheme${didYouMean(raw.bucketScheme, schemes.keys())} (known: ${[...schemes.keys()].join(", ")})`,
        received: raw.bucketScheme,
      });
  }
  // One validated tree for every back-end: shared conditions first (unused ones too), then each rule's.
  const validator = new ConditionValidator({ shared: raw.conditions, bucketLabels });
  const rawRules = Array.isArray(raw.rules) ? (raw.rules as unknown[]) : [];
  const actionTypes = raw.actions !== null && typeof raw.actions === "object" ? Object.keys(raw.actions as object) : [];
  const roots: (ConditionNode | null)[] = [];
  const seen = new Map<string, number>();
  rawRules.forEach((r, i) => {
    if (r === null || typeof r !== "object" || !Object.hasOwn(r, "conditions")) {
      roots.push(null);
      return;
    }
    const rule = r as Record<string, unknown>;
    roots.push(validator.root(rule.conditions, ["rules", i, "conditions"]));
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
    const params =
      ev && ev.params !== null && typeof ev.params === "object" ? (ev.params as Record<string, unknown>) : {};
    const action =
      ev && typeof ev.type === "string" && actionTypes.includes(ev.type)
        ? ((raw.actions as Record<string, unknown>)[ev.type] as Record<string, unknown> | null)
        : null;
    const declared = (action?.params ?? {}) as Record<string, { type?: unknown; values?: unknown }>;
    for (const [name, value] of Object.entries(params)) {
      const at = ["rules", i, "event", "params", name];
      if (name === "offer") {
        const r = OfferSpecSchema.safeParse(value);
        if (!r.success) issues.push(...issuesFromZod(r.error, value, at, OfferSpecSchema));
      } else if (name === "alongside") {
        if (value !== true && value !== false)
          issues.push({ path: at, message: "expected true or false", received: value });
      } else if (name === "reason") {
        if (typeof value !== "string") issues.push({ path: at, message: "expected a string", received: value });
      } else if (action !== null) {
        const d = Object.hasOwn(declared, name) ? declared[name] : undefined;
        if (d === undefined) {
          const known = [...Object.keys(RESERVED_PARAMS), ...Object.keys(declared)];
          issues.push({
            path: at,
            message: `param ${JSON.stringify(name)} is not declared in actions.${String(ev!.type)}.params${didYouMean(name, known)}`,
            received: value,
          });
        } else if (typeof value !== d.type) {
          issues.push({ path: at, message: `expected a ${String(d.type)}`, received: value });
        } else if (Array.isArray(d.values) && !d.values.includes(value)) {
          issues.push({
            path: at,
            message: `expected one of ${d.values.join(", ")}${didYouMean(String(value), d.values as string[])}`,
            received: value,
          });
        }
      }
    }
  });
  issues.push(...validator.issues);

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
    // Only a string names an action (an object here would run its own toString), and only an own key.
    const actionNamed = (t: unknown): Record<string, unknown> | undefined =>
      typeof t === "string" && Object.hasOwn(raw.actions as object, t)
        ? ((raw.actions as Record<string, unknown>)[t] as Record<string, unknown> | undefined)
        : undefined;
    const fb = actionNamed(fallback);
    if (fb?.contact === true) {
      issues.push({
        path: ["fallbackAction"],
        message: "the fallback action must not contact the borrower (it is used when every contact is blocked)",
        received: fallback,
      });
    }
    const review = (raw.options as Record<string, unknown> | undefined)?.offerReview;
    if (review !== undefined) {
      checkType(review, ["options", "offerReview"]);
      const ra = actionNamed(review);
      if (ra?.contact === true)
        issues.push({
          path: ["options", "offerReview"],
          message:
            "the offer review action must not contact the borrower (an unaffordable offer is reviewed, not sent)",
          received: review,
        });
    }
    for (const [t, a] of Object.entries(raw.actions as Record<string, unknown>)) {
      const req = (a as Record<string, unknown> | null)?.requires;
      if (Array.isArray(req)) {
        req.forEach((r, j) => {
          checkType(r, ["actions", t, "requires", j]);
        });
      }
    }
    if (Array.isArray(raw.tests)) {
      raw.tests.forEach((t: unknown, i: number) => {
        const e = (t as Record<string, unknown> | null)?.expect as Record<string, unknown> | undefined;
        if (!e || typeof e !== "object") return;
        checkType(e.action, ["tests", i, "expect", "action"]);
        for (const key of ["blocked", "alongside"] as const) {
          const list = e[key];
          if (!Array.isArray(list)) continue;
          list.forEach((b, j) => {
            checkType(b, ["tests", i, "expect", key, j]);
          });
        }
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
      facts: factsOf(roots[index]!).sort(),
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
  const { engine, run } = compileRunner(
    order.map((r) => roots[r.index]!),
    compiled.map((c) => c.event),
    { jitless: jitless === true },
  );
  const policy: Policy = {
    meta: Object.freeze({ id: p.id, version: p.version, description: p.description }),
    schemaVersion: 1,
    jurisdictions: p.jurisdictions,
    currency: p.currency,
    bucketScheme: p.bucketScheme,
    scorecards: p.scorecards,
    guardrails: Object.freeze(typeof p.guardrails === "string" ? [p.guardrails] : p.guardrails),
    options: p.options,
    actions: p.actions,
    fallbackAction: p.fallbackAction,
    rules,
    tests: p.tests,
    source: p,
    engine,
    [COMPILED]: Object.freeze({
      rules: Object.freeze(compiled),
      factNames: Object.freeze(factNames),
      byIndex: Object.freeze([...compiled].sort((a, b) => a.rule.index - b.rule.index)),
      runner: run,
    }),
  };
  return Object.freeze(policy);
}
