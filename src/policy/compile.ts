import { baseOperator, OPERATOR_NAMES } from "../conditions/operators.js";
import type { ArrearsIssue } from "../errors/index.js";
import { didYouMean } from "../errors/suggest.js";
import { FACTS, type FactDefinition, type Facts } from "../facts/catalog.js";

/** A compiled condition: a plain synchronous predicate over the flat facts record. */
export type Predicate = (facts: Facts) => boolean;

type Path = (string | number)[];

const FACT_BY_NAME: ReadonlyMap<string, FactDefinition> = new Map(FACTS.map((d) => [d.name, d]));
const BOOLEAN_KEYS = ["all", "any", "not"] as const;
const FACT_CONDITION_KEYS = new Set(["fact", "operator", "value", "priority", "name", "params", "path"]);
const BOOLEAN_CONDITION_KEYS = new Set(["all", "any", "not", "priority", "name"]);
const REFERENCE_KEYS = new Set(["condition", "priority", "name"]);
const SUPPORTED_DECORATORS = ["not"];
const UNSUPPORTED_DECORATORS = new Set(["someFact", "someValue", "everyFact", "everyValue", "swap"]);

const has = (o: object, k: string): boolean => Object.hasOwn(o, k);
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const isScalar = (v: unknown): boolean =>
  v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
const TRUE: Predicate = () => true;

/** @internal Compilation state for one policy: shared conditions are compiled once, on first use. */
export class ConditionCompiler {
  readonly issues: ArrearsIssue[] = [];
  private readonly shared: Record<string, unknown>;
  private readonly sharedDone = new Map<string, { pred: Predicate; facts: Set<string> }>();
  private readonly sharedBusy: string[] = [];

  /**
   * @param shared the policy's named conditions
   * @param bucketLabels labels of the policy's bucket scheme, to check `bucket` values against
   */
  constructor(
    shared: unknown,
    private readonly bucketLabels: readonly string[] | null = null,
  ) {
    this.shared = isPlainObject(shared) ? shared : {};
  }

  private issue(path: Path, message: string, received?: unknown, withReceived = true): void {
    this.issues.push(withReceived ? { path, message, received } : { path, message });
  }

  /** Compiles every shared condition (so unused ones are validated too). */
  compileShared(): void {
    for (const name of Object.keys(this.shared)) this.sharedCondition(name, ["conditions", name]);
  }

  private sharedCondition(name: string, at: Path): { pred: Predicate; facts: Set<string> } | null {
    const done = this.sharedDone.get(name);
    if (done) return done;
    const cycleStart = this.sharedBusy.indexOf(name);
    if (cycleStart >= 0) {
      const cycle = [...this.sharedBusy.slice(cycleStart), name].map((n) => JSON.stringify(n)).join(" → ");
      this.issue(at, `shared conditions refer to each other in a cycle: ${cycle}`, name);
      return null;
    }
    this.sharedBusy.push(name);
    const facts = new Set<string>();
    const pred = this.root(this.shared[name], ["conditions", name], facts);
    this.sharedBusy.pop();
    const entry = { pred: pred ?? TRUE, facts };
    this.sharedDone.set(name, entry);
    return pred ? entry : null;
  }

  /**
   * A rule's `conditions`: the root must be `all`, `any`, `not` or a `condition` reference
   * (json-rules-engine's own rule). Adds every fact read to `facts`.
   */
  root(raw: unknown, path: Path, facts: Set<string>): Predicate | null {
    if (!isPlainObject(raw) || !(has(raw, "all") || has(raw, "any") || has(raw, "not") || has(raw, "condition"))) {
      this.issue(path, 'the root of conditions must be an object with "all", "any", "not" or "condition"', raw);
      return null;
    }
    return this.condition(raw, path, facts);
  }

  condition(raw: unknown, path: Path, facts: Set<string>): Predicate | null {
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
    if (booleans.length === 1) return this.booleanCondition(raw, booleans[0]!, path, facts);
    if (has(raw, "condition")) return this.reference(raw, path, facts);
    return this.factCondition(raw, path, facts);
  }

  private checkKeys(raw: Record<string, unknown>, allowed: Set<string>, path: Path): boolean {
    let ok = true;
    for (const k of Object.keys(raw)) {
      if (!allowed.has(k)) {
        this.issue([...path, k], `unknown field${didYouMean(k, allowed)}`, raw[k]);
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
    facts: Set<string>,
  ): Predicate | null {
    let ok = this.checkKeys(raw, BOOLEAN_CONDITION_KEYS, path);
    const sub = raw[op];
    if (op === "not") {
      if (Array.isArray(sub)) {
        this.issue([...path, "not"], '"not" takes one condition, not an array', sub);
        return null;
      }
      const inner = this.condition(sub, [...path, "not"], facts);
      if (!inner || !ok) return null;
      return (f) => !inner(f);
    }
    if (!Array.isArray(sub)) {
      this.issue([...path, op], `"${op}" must be an array`, sub);
      return null;
    }
    const preds: Predicate[] = [];
    sub.forEach((c, i) => {
      const p = this.condition(c, [...path, op, i], facts);
      if (p) preds.push(p);
      else ok = false;
    });
    if (!ok) return null;
    // json-rules-engine: an empty "all" or "any" is true. Condition priorities only order
    // evaluation; with pure predicates the result is the same, so they are validated, not used.
    if (preds.length === 0) return TRUE;
    if (preds.length === 1) return preds[0]!;
    if (op === "all") {
      if (preds.length === 2) {
        const [a, b] = preds as [Predicate, Predicate];
        return (f) => a(f) && b(f);
      }
      return (f) => {
        for (let i = 0; i < preds.length; i++) if (!preds[i]!(f)) return false;
        return true;
      };
    }
    if (preds.length === 2) {
      const [a, b] = preds as [Predicate, Predicate];
      return (f) => a(f) || b(f);
    }
    return (f) => {
      for (let i = 0; i < preds.length; i++) if (preds[i]!(f)) return true;
      return false;
    };
  }

  private reference(raw: Record<string, unknown>, path: Path, facts: Set<string>): Predicate | null {
    const ok = this.checkKeys(raw, REFERENCE_KEYS, path);
    const name = raw.condition;
    if (typeof name !== "string") {
      this.issue([...path, "condition"], "expected the name of a shared condition", name);
      return null;
    }
    if (!has(this.shared, name)) {
      const known = Object.keys(this.shared);
      this.issue(
        [...path, "condition"],
        known.length === 0
          ? `unknown condition ${JSON.stringify(name)}: the policy has no shared "conditions"`
          : `unknown condition ${JSON.stringify(name)}${didYouMean(name, known)}`,
        name,
      );
      return null;
    }
    const entry = this.sharedCondition(name, [...path, "condition"]);
    if (!entry || !ok) return null;
    for (const f of entry.facts) facts.add(f);
    return entry.pred;
  }

  private factName(raw: unknown, path: Path): FactDefinition | null {
    if (typeof raw !== "string") {
      this.issue(path, "expected a fact name", raw);
      return null;
    }
    const def = FACT_BY_NAME.get(raw);
    if (!def) {
      this.issue(path, `unknown fact ${JSON.stringify(raw)}${didYouMean(raw, FACT_BY_NAME.keys())}`, raw);
      return null;
    }
    return def;
  }

  private factCondition(raw: Record<string, unknown>, path: Path, facts: Set<string>): Predicate | null {
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
    const base = baseOperator(baseName);
    if (!base) {
      this.issue(
        [...path, "operator"],
        `unknown operator ${JSON.stringify(baseName)}${didYouMean(baseName, OPERATOR_NAMES)}`,
        opRaw,
      );
      opOk = false;
    }
    if (!def || !opOk || !base) return null;

    const value = raw.value;
    const vPath: Path = [...path, "value"];
    let refDef: FactDefinition | null = null;
    if (isPlainObject(value)) {
      if (!has(value, "fact")) {
        this.issue(vPath, 'expected a number, string, boolean, null, a list of those, or { "fact": name }', value);
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
      const bad = value.findIndex((v) => !isScalar(v));
      if (bad >= 0) {
        this.issue([...vPath, bad], "expected a number, string, boolean or null", value[bad]);
        return null;
      }
    } else if (!isScalar(value)) {
      this.issue(vPath, 'expected a number, string, boolean, null, a list of those, or { "fact": name }', value);
      return null;
    }
    if (!this.checkTypes(def, baseName, value, refDef, path)) return null;

    facts.add(def.name);
    if (refDef) facts.add(refDef.name);
    const negate = decorators.length % 2 === 1;
    const pred = refDef
      ? referencePredicate(def.name, refDef.name, base)
      : literalPredicate(def.name, baseName, base, value);
    return negate ? (f) => !pred(f) : pred;
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
          `${JSON.stringify(v)} is not a value of fact ${JSON.stringify(def.name)} (${def.values.join(", ")})${didYouMean(v, def.values)}`,
          v,
        );
        return false;
      }
      // A misspelt bucket label would silently never match.
      if (def.name === "bucket" && this.bucketLabels && typeof v === "string" && !this.bucketLabels.includes(v)) {
        this.issue(
          at,
          `${JSON.stringify(v)} is not a bucket of the policy's scheme (${this.bucketLabels.join(", ")})${didYouMean(v, this.bucketLabels)}`,
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

function referencePredicate(name: string, ref: string, base: (a: unknown, b: unknown) => boolean): Predicate {
  return (f) => base(f[name], f[ref]);
}

/** Specialised closures for the common cases; each returns exactly what `base` would. */
function literalPredicate(
  name: string,
  op: string,
  base: (a: unknown, b: unknown) => boolean,
  value: unknown,
): Predicate {
  const slow = baseOperator(op);
  switch (op) {
    case "equal":
      return (f) => f[name] === value;
    case "notEqual":
      return (f) => f[name] !== value;
    case "in":
    case "notIn": {
      const list = value as unknown[];
      if (list.length <= 8) {
        return op === "in" ? (f) => list.indexOf(f[name]) > -1 : (f) => list.indexOf(f[name]) === -1;
      }
      const set = new Set(list);
      return op === "in" ? (f) => set.has(f[name]) : (f) => !set.has(f[name]);
    }
    case "lessThan":
    case "lessThanInclusive":
    case "greaterThan":
    case "greaterThanInclusive": {
      const v = value as number;
      // For a number fact json-rules-engine's validator only rejects NaN, which every comparison rejects anyway.
      const cmp =
        op === "lessThan"
          ? (a: number) => a < v
          : op === "lessThanInclusive"
            ? (a: number) => a <= v
            : op === "greaterThan"
              ? (a: number) => a > v
              : (a: number) => a >= v;
      return (f) => {
        const a = f[name];
        return typeof a === "number" ? cmp(a) : slow!(a, v);
      };
    }
    default:
      return (f) => base(f[name], value);
  }
}
