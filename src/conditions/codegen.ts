import { ArrearsError } from "../errors/index.js";
import { FACT_NAMES } from "../facts/catalog.js";
import type { RuleRunner } from "./closures.js";
import { baseOperator, isOperatorName, type OperatorFn } from "./operators.js";
import type { ConditionNode, Scalar, SharedCondition } from "./tree.js";

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const NUMERIC: Readonly<Record<string, string>> = {
  lessThan: "<",
  lessThanInclusive: "<=",
  greaterThan: ">",
  greaterThanInclusive: ">=",
};

let available: boolean | undefined;

/**
 * @internal Whether this runtime lets us compile code (`new Function`): false under a strict
 * Content-Security-Policy and in some edge runtimes. Detected once, on first use.
 *
 * @example
 * const engine = codeGenerationAvailable() ? "generated" : "closures";
 */
export function codeGenerationAvailable(): boolean {
  if (available === undefined) {
    try {
      available = new Function("return 1")() === 1;
    } catch {
      available = false;
    }
  }
  return available;
}

/** @internal What {@link generateRuleSource} returns: the source and the tables it indexes. */
export interface GeneratedSource {
  /** Body of `new Function("O", "K", "E", source)`, which returns the rule function. */
  readonly source: string;
  /** `O[i]`: operator functions called by name-free index. */
  readonly operators: readonly OperatorFn[];
  /** `K[i]`: list literals (frozen). */
  readonly constants: readonly (readonly Scalar[])[];
}

function internal(message: string): ArrearsError {
  return new ArrearsError("INTERNAL", [{ path: [], message }], "code generation");
}

/**
 * @internal The source of one plain function for all of a policy's validated rule conditions,
 * the way a person would write it by hand: each fact read once into a local, each comparison
 * inlined. Each shared condition becomes one local function, emitted once and called wherever it
 * is referenced; where other shared conditions refer to it, its result is cached for the
 * evaluation. Source size and evaluation time grow linearly with the file however references fan
 * out.
 *
 * Only validated names reach the source: fact names from the catalogue, and operators as indexes
 * into a table; every value goes in through `JSON.stringify` or a constants table. A node this
 * generator does not know is a bug, reported as `ArrearsError` `INTERNAL`, never skipped.
 *
 * @example
 * const { source } = generateRuleSource([node]);
 * source.length; // grows linearly with the number of condition nodes
 */
export function generateRuleSource(roots: readonly ConditionNode[]): GeneratedSource {
  const operators: OperatorFn[] = [];
  const operatorIndex = new Map<string, number>();
  const constants: (readonly Scalar[])[] = [];
  const functions = new Map<SharedCondition, string>();
  const pending: SharedCondition[] = [];
  const { cached, passes } = planCalls(roots);

  const op = (name: string): string => {
    let i = operatorIndex.get(name);
    if (i === undefined) {
      const fn = isOperatorName(name) ? baseOperator(name) : undefined;
      if (fn === undefined) throw internal(`unknown operator ${JSON.stringify(name)} in a validated condition`);
      i = operators.length;
      operators.push(fn);
      operatorIndex.set(name, i);
    }
    return `O[${i}]`;
  };
  const scalar = (v: unknown): string => {
    if (v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v)))
      return JSON.stringify(v);
    throw internal(`a literal that is not a finite number, string, boolean or null: ${typeof v}`);
  };
  const literal = (v: unknown): string => {
    if (!Array.isArray(v)) return scalar(v);
    for (const x of v) scalar(x);
    constants.push(Object.freeze([...(v as Scalar[])]));
    return `K[${constants.length - 1}]`;
  };
  const sharedCall = (s: SharedCondition, local: (fact: string) => string): string => {
    let name = functions.get(s);
    if (name === undefined) {
      name = `c${functions.size}`;
      functions.set(s, name);
      pending.push(s);
    }
    const passed = passes.get(s);
    return passed ? `${name}(f, ${passed.map(local).join(", ")})` : `${name}(f)`;
  };

  /** Expression code for one tree; facts it reads directly are added to `locals`. */
  const expression = (root: ConditionNode, locals: Map<string, string>): string => {
    const local = (fact: string): string => {
      if (!FACT_NAMES.has(fact)) throw internal(`unknown fact ${JSON.stringify(fact)} in a validated condition`);
      let name = locals.get(fact);
      if (name === undefined) {
        name = `v${locals.size}`;
        locals.set(fact, name);
      }
      return name;
    };
    const expr = (c: ConditionNode): string => {
      switch (c.kind) {
        case "all":
        case "any": {
          const parts = c.children.map(expr);
          if (parts.length === 0) return "true"; // json-rules-engine: empty all/any are true
          return parts.length === 1 ? parts[0]! : `(${parts.join(c.kind === "all" ? " && " : " || ")})`;
        }
        case "not":
          return `!${expr(c.child)}`;
        case "ref":
          return sharedCall(c.target, local);
        case "compare": {
          const a = local(c.fact);
          const base = c.operator;
          const { operand } = c;
          let code: string;
          if (operand.kind === "fact") code = `${op(base)}(${a}, ${local(operand.fact)})`;
          else if (operand.kind !== "literal") throw internal("a comparison without a literal or fact operand");
          else {
            const value = operand.value;
            if (base === "equal") code = `(${a} === ${literal(value)})`;
            else if (base === "notEqual") code = `(${a} !== ${literal(value)})`;
            else if ((base === "in" || base === "notIn") && Array.isArray(value))
              code = `(${literal(value)}.indexOf(${a}) ${base === "in" ? "> -1" : "=== -1"})`;
            else if (NUMERIC[base] && typeof value === "number")
              // A number fact compares directly; anything else goes through json-rules-engine's check.
              code = `(typeof ${a} === "number" ? ${a} ${NUMERIC[base]} ${literal(value)} : ${op(base)}(${a}, ${literal(value)}))`;
            else code = `${op(base)}(${a}, ${literal(value)})`;
          }
          return c.negate ? `!${code}` : code;
        }
        default:
          throw internal(`unknown condition node ${JSON.stringify((c as { kind?: unknown }).kind)}`);
      }
    };
    return expr(root);
  };
  const reads = (locals: Map<string, string>): string[] =>
    [...locals].map(([fact, v]) => `  const ${v} = ${IDENT.test(fact) ? `f.${fact}` : `f[${JSON.stringify(fact)}]`};`);

  const mainLocals = new Map<string, string>();
  const body = roots.map((c, i) => `  if (${expression(c, mainLocals)}) out.push(E[${i}]);`);
  const parts: string[] = ['"use strict";'];
  // G counts evaluations. It advances before and after each run, so a run started inside
  // another (from a facts getter) never reuses the other's cached results.
  if (cached.size > 0) parts.push("let G = 0;");
  // Each shared condition once, as a function (pending grows as they refer on), in one of three forms.
  for (let i = 0; i < pending.length; i++) {
    const s = pending[i]!;
    const name = functions.get(s)!;
    const passed = passes.get(s);
    const locals = new Map<string, string>(passed?.map((fact, j) => [fact, `p${j}`]));
    const code = expression(s.root, locals);
    if (passed) {
      // Only rules call it: its facts come from the rule function's locals, read once there.
      parts.push(`function ${name}(f, ${passed.map((_, j) => `p${j}`).join(", ")}) {`, `  return ${code};`, "}");
    } else if (!cached.has(s)) {
      parts.push(`function ${name}(f) {`, ...reads(locals), `  return ${code};`, "}");
    } else {
      // Other shared conditions call it: its result is cached for one evaluation, which keeps
      // c0 = all[c1, c1], c1 = all[c2, c2], … linear where pasting would double at each level.
      parts.push(
        `let m${name} = -1, r${name} = false;`,
        `function ${name}(f) {`,
        `  if (m${name} === G) return r${name};`,
        ...reads(locals),
        `  r${name} = ${code};`,
        `  m${name} = G;`,
        `  return r${name};`,
        "}",
      );
    }
  }
  const tick = cached.size > 0 ? ["  G++;"] : [];
  parts.push("return function rules(f, out) {", ...tick, ...reads(mainLocals), ...body, ...tick, "};");
  return { source: parts.join("\n"), operators, constants };
}

/** Calls of each shared condition: whether it caches its result, and the facts passed in as arguments. */
interface CallPlan {
  /** Shared conditions that other shared conditions refer to. */
  readonly cached: ReadonlySet<SharedCondition>;
  /** Shared conditions only rules refer to, reading at most 8 facts directly: those facts, in order. */
  readonly passes: ReadonlyMap<SharedCondition, readonly string[]>;
}

const MAX_PASSED_FACTS = 8;

function planCalls(roots: readonly ConditionNode[]): CallPlan {
  const reached: SharedCondition[] = [];
  const cached = new Set<SharedCondition>();
  const direct = new Map<SharedCondition, Set<string>>();
  // Iterative walk: [node, the shared condition it sits in, or null inside a rule].
  const stack: [ConditionNode, SharedCondition | null][] = roots.map((r) => [r, null]);
  while (stack.length > 0) {
    const [n, inside] = stack.pop()!;
    if (n.kind === "all" || n.kind === "any") for (const c of n.children) stack.push([c, inside]);
    else if (n.kind === "not") stack.push([n.child, inside]);
    else if (n.kind === "compare" && inside) {
      const facts = direct.get(inside)!;
      facts.add(n.fact);
      if (n.operand.kind === "fact") facts.add(n.operand.fact);
    } else if (n.kind === "ref") {
      if (inside) cached.add(n.target);
      if (!direct.has(n.target)) {
        direct.set(n.target, new Set());
        reached.push(n.target);
        stack.push([n.target.root, n.target]);
      }
    }
  }
  const passes = new Map<SharedCondition, readonly string[]>();
  for (const s of reached) {
    const facts = direct.get(s)!;
    if (!cached.has(s) && facts.size > 0 && facts.size <= MAX_PASSED_FACTS) passes.set(s, [...facts]);
  }
  return { cached, passes };
}

/**
 * @internal Compiles validated rule conditions (in evaluation order, one event each) into one
 * generated function. Fails loudly: any problem is an `ArrearsError` with code `INTERNAL`, never
 * a silent fallback, so a policy that should run as generated code never quietly runs otherwise.
 *
 * @throws {ArrearsError} `INTERNAL` when the function cannot be built.
 *
 * @example
 * const run = generateRunner(roots, events);
 * const out: Event[] = [];
 * run(facts, out); // out: the events of the rules that hold, in order
 */
export function generateRunner<E>(roots: readonly ConditionNode[], events: readonly E[]): RuleRunner<E> {
  if (roots.length !== events.length) throw internal(`${roots.length} conditions but ${events.length} events`);
  try {
    const { source, operators, constants } = generateRuleSource(roots);
    // Safe to compile: only catalogue fact names and generated identifiers are code; values are data.
    const make = new Function("O", "K", "E", source) as (
      o: readonly OperatorFn[],
      k: readonly (readonly Scalar[])[],
      e: readonly E[],
    ) => RuleRunner<E>;
    const run = make(Object.freeze([...operators]), Object.freeze([...constants]), Object.freeze([...events]));
    if (typeof run !== "function") throw internal("the generated code did not return a function");
    return run;
  } catch (e) {
    if (e instanceof ArrearsError) throw e;
    throw internal(`could not build the rule function: ${e instanceof Error ? e.message : String(e)}`);
  }
}
