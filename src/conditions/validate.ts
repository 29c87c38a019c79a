import type { ArrearsIssue } from "../errors/index.js";
import { didYouMean } from "../errors/suggest.js";
import { FACTS, type FactDefinition } from "../facts/catalog.js";
import { isOperatorName, OPERATOR_NAMES } from "./operators.js";
import type { CompareNode, ConditionNode, Operand, Scalar, SharedCondition } from "./tree.js";
import { factsOf } from "./tree.js";

type Path = (string | number)[];

/** Limits on condition JSON, so a hostile or broken file fails with a clear issue, not a hang or a stack overflow. */
export interface ConditionLimits {
  /** Deepest nesting of `all`/`any`/`not` within one condition tree (the root is level 1). */
  readonly maxDepth: number;
  /** Condition objects in one file (each shared condition counted once, where it is defined). */
  readonly maxNodes: number;
  /** Longest chain of shared conditions referring to each other (`a` → `b` → … counts each). */
  readonly maxReferenceDepth: number;
  /** Values in one list (`in`, `notIn`, `inBucket`). */
  readonly maxListLength: number;
  /** Characters in one string value or name. */
  readonly maxStringLength: number;
}

/**
 * @internal The documented limits (docs/operators.md): far above any real policy (the shipped ones
 * nest 4 deep with about 150 nodes), low enough that validating and compiling stay fast.
 */
export const CONDITION_LIMITS: ConditionLimits = Object.freeze({
  maxDepth: 64,
  maxNodes: 20_000,
  maxReferenceDepth: 32,
  maxListLength: 1_000,
  maxStringLength: 1_000,
});

/** @internal Options of {@link ConditionValidator}. */
export interface ValidatorOptions {
  /** The top-level named conditions (raw JSON), referenced as `{"condition": name}`. */
  readonly shared?: unknown;
  /** Where `shared` sits in the file (for issue paths); default `["conditions"]`. */
  readonly sharedPath?: readonly (string | number)[];
  /** Labels of the bucket scheme, to check `bucket` values against; null: not checked. */
  readonly bucketLabels?: readonly string[] | null;
  /** Tighter (or looser) limits than {@link CONDITION_LIMITS}, for tests. */
  readonly limits?: Partial<ConditionLimits>;
}

const FACT_BY_NAME: ReadonlyMap<string, FactDefinition> = new Map(FACTS.map((d) => [d.name, d]));
const BOOLEAN_KEYS = ["all", "any", "not"] as const;
const FACT_CONDITION_KEYS = new Set(["fact", "operator", "value", "priority", "name", "params", "path"]);
const BOOLEAN_CONDITION_KEYS = new Set(["all", "any", "not", "priority", "name"]);
const REFERENCE_KEYS = new Set(["condition", "priority", "name"]);
const SUPPORTED_DECORATORS = ["not"];
const UNSUPPORTED_DECORATORS = new Set(["someFact", "someValue", "everyFact", "everyValue", "swap"]);
// Keys that mean something to JavaScript's object model rather than to json-rules-engine.
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const VALUE_SHAPE = 'expected a number, string, boolean, null, a list of those, or { "fact": name }';

// Own enumerable properties only (what Object.keys lists): an inherited "all" (from a polluted or
// custom prototype) must not count.
const has = (o: object, k: string): boolean => Object.prototype.propertyIsEnumerable.call(o, k);
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const isScalar = (v: unknown): v is Scalar =>
  v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
// Suggestions cost O(length) per candidate; a name that long is no typo.
const suggest = (name: string, candidates: Iterable<string>): string =>
  name.length > 100 ? "" : didYouMean(name, candidates);

interface Shared {
  readonly name: string;
  readonly path: Path;
  root: ConditionNode;
  facts: readonly string[];
  /** References made inside it, in document order (for cycle detection). */
  readonly refs: { target: Shared; path: Path }[];
  /** Longest chain of shared conditions starting here (itself included). */
  height: number;
}

const PLACEHOLDER: ConditionNode = Object.freeze({ kind: "all", children: Object.freeze([]) });

/**
 * @internal Validates raw condition JSON into the tree of `tree.ts`, collecting every issue
 * (with its JSON path) instead of stopping at the first. The constructor validates the shared
 * conditions (unused ones too) and links them: cycles, reference depth, facts. Then `root` (a
 * rule's `conditions`) or `condition` (any condition) validate the rest.
 *
 * Only own enumerable string keys of objects are read, `in` is never used on input, and keys
 * that mean something to JavaScript (`__proto__`, `constructor`, `prototype`) are rejected.
 * Recursion is bounded by `maxDepth`, so a deeply nested file gives an issue, not a RangeError.
 *
 * @example
 * const v = new ConditionValidator({ shared: json.conditions, bucketLabels: ["current", "1-29"] });
 * const node = v.root(json.rules[0].conditions, ["rules", 0, "conditions"]);
 * if (v.issues.length > 0) throw new ArrearsError("INVALID_POLICY", v.issues);
 */
export class ConditionValidator {
  readonly issues: ArrearsIssue[] = [];
  private readonly limits: ConditionLimits;
  private readonly bucketLabels: readonly string[] | null;
  private readonly sharedByName = new Map<string, Shared>();
  private readonly sharedOrder: Shared[] = [];
  /** The shared condition being validated, whose references are recorded. */
  private current: Shared | null = null;
  private nodes = 0;
  private aborted = false;

  constructor(options: ValidatorOptions = {}) {
    this.limits = { ...CONDITION_LIMITS, ...options.limits };
    this.bucketLabels = options.bucketLabels ?? null;
    const sharedPath = [...(options.sharedPath ?? ["conditions"])];
    const raw = isPlainObject(options.shared) ? options.shared : {};
    const entries: [Shared, unknown][] = [];
    for (const name of Object.keys(raw)) {
      if (RESERVED_KEYS.has(name)) {
        this.issue([...sharedPath, name], "reserved key", undefined, false);
        continue;
      }
      const s: Shared = { name, path: [...sharedPath, name], root: PLACEHOLDER, facts: [], refs: [], height: 1 };
      this.sharedByName.set(name, s);
      entries.push([s, raw[name]]);
    }
    for (const [s, body] of entries) {
      this.current = s;
      s.root = this.node(body, s.path, 1, true) ?? PLACEHOLDER;
    }
    this.current = null;
    this.link();
  }

  /** The shared conditions, each after the ones it references. */
  get shared(): readonly SharedCondition[] {
    return this.sharedOrder;
  }

  /**
   * A rule's `conditions`: the root must be `all`, `any`, `not` or a `condition` reference
   * (json-rules-engine's own rule). Null when invalid (the reasons are in `issues`).
   */
  root(raw: unknown, path: Path): ConditionNode | null {
    return this.node(raw, path, 1, true);
  }

  /** Any one condition (a segmentation signal is a single comparison). Null when invalid. */
  condition(raw: unknown, path: Path): ConditionNode | null {
    return this.node(raw, path, 1, false);
  }

  private issue(path: Path, message: string, received?: unknown, withReceived = true): void {
    this.issues.push(withReceived ? { path, message, received } : { path, message });
  }

  /** Cycles, reference depth and the facts of each shared condition: an iterative depth-first walk. */
  private link(): void {
    const state = new Map<Shared, "busy" | "done">();
    for (const start of this.sharedByName.values()) {
      if (state.has(start)) continue;
      const stack: { s: Shared; next: number }[] = [{ s: start, next: 0 }];
      state.set(start, "busy");
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        if (top.next < top.s.refs.length) {
          const { target, path } = top.s.refs[top.next++]!;
          const st = state.get(target);
          if (st === "busy") {
            const from = stack.findIndex((e) => e.s === target);
            const cycle = [...stack.slice(from).map((e) => e.s.name), target.name]
              .map((n) => JSON.stringify(n))
              .join(" → ");
            this.issue(path, `shared conditions refer to each other in a cycle: ${cycle}`, target.name);
          } else if (st === undefined) {
            state.set(target, "busy");
            stack.push({ s: target, next: 0 });
          }
          continue;
        }
        stack.pop();
        const s = top.s;
        state.set(s, "done");
        let below = 0;
        for (const r of s.refs)
          if (state.get(r.target) === "done" && r.target !== s) below = Math.max(below, r.target.height);
        s.height = below + 1;
        // Reported where the chain first crosses the limit, not again at every condition above it.
        if (s.height === this.limits.maxReferenceDepth + 1)
          this.issue(
            s.path,
            `shared conditions refer to each other more than ${this.limits.maxReferenceDepth} levels deep`,
            undefined,
            false,
          );
        // Post-order: the facts of everything it references are known already.
        s.facts = Object.freeze(factsOf(s.root).sort());
        this.sharedOrder.push(s);
      }
    }
    for (const s of this.sharedOrder) Object.freeze(s);
  }

  private node(raw: unknown, path: Path, depth: number, isRoot: boolean): ConditionNode | null {
    if (this.aborted) return null;
    if (++this.nodes > this.limits.maxNodes) {
      this.aborted = true;
      this.issue(path, `too many conditions: at most ${this.limits.maxNodes} in one file`, undefined, false);
      return null;
    }
    if (depth > this.limits.maxDepth) {
      this.issue(path, `conditions nested more than ${this.limits.maxDepth} levels deep`, undefined, false);
      return null;
    }
    if (isPlainObject(raw) && !this.noReservedKeys(raw, path)) return null;
    if (
      isRoot &&
      (!isPlainObject(raw) || !(has(raw, "all") || has(raw, "any") || has(raw, "not") || has(raw, "condition")))
    ) {
      this.issue(path, 'the root of conditions must be an object with "all", "any", "not" or "condition"', raw);
      return null;
    }
    if (!isPlainObject(raw)) {
      this.issue(path, "expected a condition object", raw);
      return null;
    }
    const booleans = BOOLEAN_KEYS.filter((k) => has(raw, k));
    if (booleans.length > 1) {
      this.issue(
        path,
        `a condition has exactly one of "all", "any", "not" (found ${booleans.map((b) => `"${b}"`).join(", ")})`,
        raw,
      );
      return null;
    }
    if (booleans.length === 1) return this.booleanCondition(raw, booleans[0]!, path, depth);
    if (has(raw, "condition")) return this.reference(raw, path);
    return this.compare(raw, path);
  }

  private noReservedKeys(raw: Record<string, unknown>, path: Path): boolean {
    let ok = true;
    for (const k of Object.keys(raw)) {
      if (RESERVED_KEYS.has(k)) {
        this.issue([...path, k], "reserved key", undefined, false);
        ok = false;
      }
    }
    return ok;
  }

  private checkKeys(raw: Record<string, unknown>, allowed: Set<string>, path: Path): boolean {
    let ok = true;
    for (const k of Object.keys(raw)) {
      if (!allowed.has(k)) {
        this.issue([...path, k], `unknown field${suggest(k, allowed)}`, raw[k]);
        ok = false;
      }
    }
    if (has(raw, "priority")) {
      const p = raw.priority;
      if (typeof p !== "number" || !Number.isInteger(p) || p < 1) {
        this.issue([...path, "priority"], "expected a positive integer", p);
        ok = false;
      }
    }
    if (has(raw, "name") && typeof raw.name !== "string") {
      this.issue([...path, "name"], "expected a string", raw.name);
      ok = false;
    }
    return ok;
  }

  private booleanCondition(
    raw: Record<string, unknown>,
    op: "all" | "any" | "not",
    path: Path,
    depth: number,
  ): ConditionNode | null {
    let ok = this.checkKeys(raw, BOOLEAN_CONDITION_KEYS, path);
    const sub = raw[op];
    if (op === "not") {
      if (Array.isArray(sub)) {
        this.issue([...path, "not"], '"not" takes one condition, not an array', sub);
        return null;
      }
      const child = this.node(sub, [...path, "not"], depth + 1, false);
      if (!child || !ok) return null;
      return Object.freeze({ kind: "not", child });
    }
    if (!Array.isArray(sub)) {
      this.issue([...path, op], `"${op}" must be an array`, sub);
      return null;
    }
    const children: ConditionNode[] = [];
    for (let i = 0; i < sub.length; i++) {
      const c = this.node(has(sub, String(i)) ? sub[i] : undefined, [...path, op, i], depth + 1, false);
      if (c) children.push(c);
      else ok = false;
      if (this.aborted) return null;
    }
    if (!ok) return null;
    // Condition priorities only order json-rules-engine's evaluation; with pure comparisons the
    // result is the same, so they are validated, not kept.
    return Object.freeze({ kind: op, children: Object.freeze(children) });
  }

  private reference(raw: Record<string, unknown>, path: Path): ConditionNode | null {
    const ok = this.checkKeys(raw, REFERENCE_KEYS, path);
    const name = raw.condition;
    if (typeof name !== "string") {
      this.issue([...path, "condition"], "expected the name of a shared condition", name);
      return null;
    }
    const target = this.sharedByName.get(name);
    if (!target) {
      this.issue(
        [...path, "condition"],
        this.sharedByName.size === 0
          ? `unknown condition ${JSON.stringify(name)}: the policy has no shared "conditions"`
          : `unknown condition ${JSON.stringify(name)}${suggest(name, this.sharedByName.keys())}`,
        name,
      );
      return null;
    }
    this.current?.refs.push({ target, path: [...path, "condition"] });
    if (!ok) return null;
    return Object.freeze({ kind: "ref", target });
  }

  private factName(raw: unknown, path: Path): FactDefinition | null {
    if (typeof raw !== "string") {
      this.issue(path, "expected a fact name", raw);
      return null;
    }
    const def = FACT_BY_NAME.get(raw);
    if (!def) {
      this.issue(path, `unknown fact ${JSON.stringify(raw)}${suggest(raw, FACT_BY_NAME.keys())}`, raw);
      return null;
    }
    return def;
  }

  private stringFits(v: string, path: Path): boolean {
    if (v.length <= this.limits.maxStringLength) return true;
    this.issue(path, `a string of at most ${this.limits.maxStringLength} characters`, v);
    return false;
  }

  private compare(raw: Record<string, unknown>, path: Path): CompareNode | null {
    let ok = this.checkKeys(raw, FACT_CONDITION_KEYS, path);
    for (const k of ["fact", "operator", "value"]) {
      if (!has(raw, k)) {
        this.issue([...path, k], "required", undefined, false);
        ok = false;
      }
    }
    if (has(raw, "path")) {
      this.issue(
        [...path, "path"],
        "not supported: every fact is a number, string, boolean or null, so there is nothing to select",
        raw.path,
      );
      ok = false;
    }
    if (has(raw, "params")) {
      this.issue([...path, "params"], "not supported: facts are precomputed values and take no params", raw.params);
      ok = false;
    }
    if (!ok) return null;
    const def = this.factName(raw.fact, [...path, "fact"]);

    // Operator, with json-rules-engine's "decorator:operator" syntax (only "not:" is supported).
    const opRaw = raw.operator;
    if (typeof opRaw !== "string") {
      this.issue([...path, "operator"], "expected an operator name", opRaw);
      return null;
    }
    if (!this.stringFits(opRaw, [...path, "operator"])) return null;
    const parts = opRaw.split(":");
    const baseName = parts[parts.length - 1]!;
    const decorators = parts.slice(0, -1);
    let opOk = true;
    for (const d of decorators) {
      if (!SUPPORTED_DECORATORS.includes(d)) {
        this.issue(
          [...path, "operator"],
          UNSUPPORTED_DECORATORS.has(d)
            ? `operator decorator ${JSON.stringify(d)} is not supported (facts are scalars); supported: "not:"`
            : `unknown operator decorator ${JSON.stringify(d)}; supported: "not:"`,
          opRaw,
        );
        opOk = false;
      }
    }
    if (!isOperatorName(baseName)) {
      this.issue(
        [...path, "operator"],
        `unknown operator ${JSON.stringify(baseName)}${suggest(baseName, OPERATOR_NAMES)}`,
        opRaw,
      );
      return null;
    }
    if (!def || !opOk) return null;

    const value = raw.value;
    const vPath: Path = [...path, "value"];
    let refDef: FactDefinition | null = null;
    if (isPlainObject(value)) {
      if (!this.noReservedKeys(value, vPath)) return null;
      if (!has(value, "fact")) {
        this.issue(vPath, VALUE_SHAPE, value);
        return null;
      }
      for (const k of Object.keys(value)) {
        if (k !== "fact") {
          this.issue(
            [...vPath, k],
            k === "path" || k === "params" ? "not supported in a fact reference" : "unknown field",
            value[k],
          );
          return null;
        }
      }
      refDef = this.factName(value.fact, [...vPath, "fact"]);
      if (!refDef) return null;
    } else if (Array.isArray(value)) {
      if (value.length > this.limits.maxListLength) {
        this.issue(vPath, `a list of at most ${this.limits.maxListLength} values`, value);
        return null;
      }
      for (let i = 0; i < value.length; i++) {
        const v = has(value, String(i)) ? value[i] : undefined;
        if (!isScalar(v)) {
          this.issue([...vPath, i], "expected a number, string, boolean or null", v);
          return null;
        }
        if (typeof v === "string" && !this.stringFits(v, [...vPath, i])) return null;
      }
    } else if (!isScalar(value)) {
      this.issue(vPath, VALUE_SHAPE, value);
      return null;
    } else if (typeof value === "string" && !this.stringFits(value, vPath)) return null;
    if (!this.checkTypes(def, baseName, value, refDef, path)) return null;

    const operand: Operand = refDef
      ? Object.freeze({ kind: "fact", fact: refDef.name })
      : Object.freeze({
          kind: "literal",
          value: Array.isArray(value) ? Object.freeze([...(value as Scalar[])]) : (value as Scalar),
        });
    return Object.freeze({
      kind: "compare",
      fact: def.name,
      operator: baseName,
      negate: decorators.length % 2 === 1,
      operand,
    });
  }

  /** Type compatibility of fact, operator and value: mistakes that would make a rule never (or always) fire. */
  private checkTypes(
    def: FactDefinition,
    op: string,
    value: unknown,
    refDef: FactDefinition | null,
    path: Path,
  ): boolean {
    const vPath: Path = [...path, "value"];
    const scalarOk = (v: unknown, at: Path): boolean => {
      if (v === null) {
        if (!def.nullable) {
          this.issue(at, `fact ${JSON.stringify(def.name)} is never null`, v);
          return false;
        }
        return true;
      }
      if (typeof v !== def.type) {
        this.issue(at, `fact ${JSON.stringify(def.name)} is a ${def.type}; expected a ${def.type} value`, v);
        return false;
      }
      if (def.values && typeof v === "string" && !def.values.includes(v)) {
        this.issue(
          at,
          `${JSON.stringify(v)} is not a value of fact ${JSON.stringify(def.name)} (${def.values.join(", ")})${suggest(v, def.values)}`,
          v,
        );
        return false;
      }
      // A misspelt bucket label would silently never match.
      if (def.name === "bucket" && this.bucketLabels && typeof v === "string" && !this.bucketLabels.includes(v)) {
        this.issue(
          at,
          `${JSON.stringify(v)} is not a bucket of the policy's scheme (${this.bucketLabels.join(", ")})${suggest(v, this.bucketLabels)}`,
          v,
        );
        return false;
      }
      return true;
    };
    const needNumberFact = (): boolean => {
      if (def.type !== "number") {
        this.issue(
          [...path, "operator"],
          `operator "${op}" compares numbers but fact ${JSON.stringify(def.name)} is a ${def.type}`,
          op,
        );
        return false;
      }
      return true;
    };
    const list = Array.isArray(value) ? (value as unknown[]) : null;
    switch (op) {
      case "equal":
      case "notEqual":
        if (refDef) {
          if (refDef.type !== def.type) {
            this.issue(
              [...vPath, "fact"],
              `fact ${JSON.stringify(refDef.name)} is a ${refDef.type} but ${JSON.stringify(def.name)} is a ${def.type}`,
              refDef.name,
            );
            return false;
          }
          return true;
        }
        if (Array.isArray(value)) {
          this.issue(
            vPath,
            `operator "${op}" compares with ===, so a list never matches; use "${op === "equal" ? "in" : "notIn"}"`,
            value,
          );
          return false;
        }
        return scalarOk(value, vPath);
      case "lessThan":
      case "lessThanInclusive":
      case "greaterThan":
      case "greaterThanInclusive":
        if (!needNumberFact()) return false;
        if (refDef ? refDef.type !== "number" : typeof value !== "number") {
          this.issue(
            refDef ? [...vPath, "fact"] : vPath,
            `operator "${op}" needs a number value`,
            refDef ? refDef.name : value,
          );
          return false;
        }
        return true;
      case "daysSinceAtLeast":
        if (!needNumberFact()) return false;
        if (refDef || typeof value !== "number") {
          this.issue(vPath, `operator "${op}" needs a number value`, value);
          return false;
        }
        return true;
      case "in":
      case "notIn":
      case "inBucket":
        if (refDef) {
          this.issue(vPath, `operator "${op}" needs a literal list value, not a fact`, value);
          return false;
        }
        if (!list) {
          this.issue(vPath, `operator "${op}" needs a list value`, value);
          return false;
        }
        if (op === "inBucket") {
          if (def.type !== "string") {
            this.issue(
              [...path, "operator"],
              `operator "inBucket" needs a string fact (a bucket label) but ${JSON.stringify(def.name)} is a ${def.type}`,
              op,
            );
            return false;
          }
          const bad = list.findIndex((v) => typeof v !== "string");
          if (bad >= 0) {
            this.issue([...vPath, bad], "expected a bucket label (string)", list[bad]);
            return false;
          }
        }
        return list.map((v, i) => scalarOk(v, [...vPath, i])).every(Boolean);
      case "between":
        if (!needNumberFact()) return false;
        if (
          refDef ||
          !Array.isArray(value) ||
          value.length !== 2 ||
          typeof value[0] !== "number" ||
          typeof value[1] !== "number"
        ) {
          this.issue(vPath, 'operator "between" needs [min, max] (numbers, inclusive)', value);
          return false;
        }
        if (value[0] > value[1]) {
          this.issue(vPath, "between: min is greater than max, so it never matches", value);
          return false;
        }
        return true;
      case "contains":
      case "doesNotContain":
        this.issue(
          [...path, "operator"],
          `operator "${op}" needs a list fact and every fact is a scalar (it would always be false); use "${op === "contains" ? "in" : "notIn"}"`,
          op,
        );
        return false;
      default:
        return true;
    }
  }
}
