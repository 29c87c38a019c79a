import { baseOperator } from "../conditions/operators.js";

/**
 * Appends to `out` the event of every rule that holds for `facts`, in evaluation order.
 * @internal
 */
export type RuleRunner<E> = (facts: Readonly<Record<string, unknown>>, out: E[]) => void;

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const NUMERIC: Readonly<Record<string, string>> = {
  lessThan: "<",
  lessThanInclusive: "<=",
  greaterThan: ">",
  greaterThanInclusive: ">=",
};

/**
 * Generates one plain function for all of a policy's (already validated) rule conditions, the
 * way a person would write them by hand: each fact read once into a local, each comparison
 * inlined. This is what makes compiled rules run near hand-written speed; the closures of
 * `compile.ts` remain the fallback where code generation is not allowed (a strict CSP or an
 * edge runtime without `new Function`), and both are held to json-rules-engine by the parity
 * tests. Only validated names reach the source: fact names from the catalogue (identifiers)
 * and operator names known to `baseOperator`; every value goes in through `JSON.stringify` or
 * a constants table. Returns null when code generation is unavailable.
 * @internal
 */
export function generateRuleRunner<E>(
  conditions: readonly unknown[],
  events: readonly E[],
  shared: Readonly<Record<string, unknown>>,
): RuleRunner<E> | null {
  const locals = new Map<string, string>();
  const constants: unknown[] = [];
  const operators: Record<string, (a: unknown, b: unknown) => boolean> = {};
  const sharedCode = new Map<string, string>();

  const local = (fact: string): string => {
    let name = locals.get(fact);
    if (!name) {
      name = `v${locals.size}`;
      locals.set(fact, name);
    }
    return name;
  };
  const op = (name: string): string => {
    const fn = baseOperator(name);
    if (!fn) throw new Error(`unknown operator ${name}`);
    operators[name] = fn;
    return `O[${JSON.stringify(name)}]`;
  };
  const literal = (v: unknown): string => {
    if (Array.isArray(v)) {
      constants.push(Object.freeze([...v]));
      return `K[${constants.length - 1}]`;
    }
    if (typeof v === "number" && !Number.isFinite(v)) throw new Error("non-finite literal");
    return v === undefined ? "undefined" : JSON.stringify(v);
  };

  const factCondition = (c: Record<string, unknown>): string => {
    const fact = String(c.fact);
    const parts = String(c.operator).split(":");
    const base = parts[parts.length - 1]!;
    const negate = (parts.length - 1) % 2 === 1;
    const a = local(fact);
    const value = c.value;
    let expr: string;
    if (isPlainObject(value)) {
      expr = `${op(base)}(${a}, ${local(String(value.fact))})`;
    } else if (base === "equal") expr = `(${a} === ${literal(value)})`;
    else if (base === "notEqual") expr = `(${a} !== ${literal(value)})`;
    else if ((base === "in" || base === "notIn") && Array.isArray(value)) {
      expr = `(${literal(value)}.indexOf(${a}) ${base === "in" ? "> -1" : "=== -1"})`;
    } else if (NUMERIC[base] && typeof value === "number") {
      // A number fact compares directly; anything else goes through json-rules-engine's check.
      expr = `(typeof ${a} === "number" ? ${a} ${NUMERIC[base]} ${literal(value)} : ${op(base)}(${a}, ${literal(value)}))`;
    } else expr = `${op(base)}(${a}, ${literal(value)})`;
    return negate ? `!${expr}` : expr;
  };

  const condition = (c: unknown): string => {
    if (!isPlainObject(c)) throw new Error("invalid condition");
    if ("all" in c) {
      const parts = (c.all as unknown[]).map(condition);
      return parts.length === 0 ? "true" : `(${parts.join(" && ")})`;
    }
    if ("any" in c) {
      const parts = (c.any as unknown[]).map(condition);
      return parts.length === 0 ? "true" : `(${parts.join(" || ")})`;
    }
    if ("not" in c) return `!${condition(c.not)}`;
    if ("condition" in c) {
      const name = String(c.condition);
      let code = sharedCode.get(name);
      if (code === undefined) {
        code = condition(shared[name]);
        sharedCode.set(name, code);
      }
      return code;
    }
    if ("path" in c || "params" in c) throw new Error("path/params: use the closures");
    return factCondition(c);
  };

  try {
    const body = conditions.map((c, i) => `  if (${condition(c)}) out.push(E[${i}]);`);
    const reads = [...locals].map(
      ([fact, name]) => `  const ${name} = ${IDENT.test(fact) ? `f.${fact}` : `f[${JSON.stringify(fact)}]`};`,
    );
    const source = `"use strict";\nreturn function rules(f, out) {\n${reads.join("\n")}\n${body.join("\n")}\n};`;
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see the TSDoc: validated names only
    const make = new Function("O", "K", "E", source) as (
      o: typeof operators,
      k: unknown[],
      e: readonly E[],
    ) => RuleRunner<E>;
    return make(Object.freeze(operators), Object.freeze(constants) as unknown[], Object.freeze([...events]));
  } catch {
    return null;
  }
}
