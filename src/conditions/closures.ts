import { baseOperator, ENGINE_OPERATORS, type OperatorFn, type OperatorName } from "./operators.js";
import type { ConditionNode, Scalar, SharedCondition } from "./tree.js";

/** A compiled condition: a plain synchronous predicate over a flat facts record. */
export type Predicate = (facts: Readonly<Record<string, unknown>>) => boolean;

/**
 * Appends to `out` the event of every rule that holds for `facts`, in evaluation order.
 * @internal
 */
export type RuleRunner<E> = (facts: Readonly<Record<string, unknown>>, out: E[]) => void;

const TRUE: Predicate = () => true;

/**
 * @internal Turns validated condition trees into closures: the back-end where code generation is
 * not allowed (a strict CSP, some edge runtimes) or not wanted (`jitless`). Each shared condition
 * is compiled once per compiler and its predicate reused by every reference, so compiling is
 * linear in the size of the file; and its result is cached for the length of one evaluation, so
 * evaluating is too, however the references fan out (`c0 = all[c1, c1]`, `c1 = all[c2, c2]`, …).
 *
 * @example
 * const compiler = new ClosureCompiler();
 * const holds = compiler.predicate(node);
 * holds({ dpd: 45 }); // true or false
 */
export class ClosureCompiler {
  private readonly memo = new Map<SharedCondition, Predicate>();
  /** Advanced before and after each evaluation: a shared result is reused only within one. */
  private readonly clock = { now: 0 };
  private sawRef = false;

  /** One condition as a predicate. */
  predicate(node: ConditionNode): Predicate {
    this.sawRef = false;
    const p = this.compile(node);
    if (!this.sawRef) return p;
    const clock = this.clock;
    return (f) => {
      clock.now++;
      const r = p(f);
      // Advanced again so that an evaluation this one ran inside (a facts getter) caches afresh.
      clock.now++;
      return r;
    };
  }

  /** Rules' roots in evaluation order with their events, as one runner. */
  runner<E>(roots: readonly ConditionNode[], events: readonly E[]): RuleRunner<E> {
    const tests = roots.map((r) => this.compile(r));
    const ev = [...events];
    const clock = this.clock;
    return (facts, out) => {
      clock.now++;
      for (let i = 0; i < tests.length; i++) if (tests[i]!(facts)) out.push(ev[i]!);
      clock.now++;
    };
  }

  private compile(node: ConditionNode): Predicate {
    switch (node.kind) {
      case "all":
      case "any": {
        // json-rules-engine: an empty "all" or "any" is true.
        const preds = node.children.map((c) => this.compile(c));
        if (preds.length === 0) return TRUE;
        if (preds.length === 1) return preds[0]!;
        if (preds.length === 2) {
          const [a, b] = preds as [Predicate, Predicate];
          return node.kind === "all" ? (f) => a(f) && b(f) : (f) => a(f) || b(f);
        }
        return node.kind === "all"
          ? (f) => {
              for (let i = 0; i < preds.length; i++) if (!preds[i]!(f)) return false;
              return true;
            }
          : (f) => {
              for (let i = 0; i < preds.length; i++) if (preds[i]!(f)) return true;
              return false;
            };
      }
      case "not": {
        const inner = this.compile(node.child);
        return (f) => !inner(f);
      }
      case "ref": {
        this.sawRef = true;
        let pred = this.memo.get(node.target);
        if (pred === undefined) {
          const inner = this.compile(node.target.root);
          const clock = this.clock;
          let at = -1;
          let value = false;
          pred = (f) => {
            if (at === clock.now) return value;
            value = inner(f);
            at = clock.now;
            return value;
          };
          this.memo.set(node.target, pred);
        }
        return pred;
      }
      case "compare": {
        const fn = baseOperator(node.operator);
        if (fn === undefined) throw new Error(`unknown operator ${JSON.stringify(node.operator)}`);
        const name = node.fact;
        const { operand } = node;
        let pred: Predicate;
        if (operand.kind === "fact") {
          const other = operand.fact;
          pred = (f) => fn(f[name], f[other]);
        } else pred = literalPredicate(name, node.operator, fn, operand.value);
        return node.negate ? (f) => !pred(f) : pred;
      }
      default:
        throw new Error(`unknown condition node ${JSON.stringify((node as { kind?: unknown }).kind)}`);
    }
  }
}

/**
 * @internal One runner over compiled closures: the rules' roots in evaluation order with their events.
 *
 * @example
 * const run = closureRunner(roots, events);
 * const out: Event[] = [];
 * run(facts, out);
 */
export function closureRunner<E>(roots: readonly ConditionNode[], events: readonly E[]): RuleRunner<E> {
  return new ClosureCompiler().runner(roots, events);
}

/** Specialised closures for the common cases; each returns exactly what `fn` would. */
function literalPredicate(
  name: string,
  op: OperatorName,
  fn: OperatorFn,
  value: Scalar | readonly Scalar[],
): Predicate {
  switch (op) {
    case "equal":
      return (f) => f[name] === value;
    case "notEqual":
      return (f) => f[name] !== value;
    case "in":
    case "notIn": {
      if (!Array.isArray(value)) break;
      const list = value as readonly unknown[];
      if (list.length <= 8) {
        return op === "in" ? (f) => list.indexOf(f[name]) > -1 : (f) => list.indexOf(f[name]) === -1;
      }
      // indexOf is strict equality and values are never NaN, so a Set (SameValueZero) agrees.
      const set = new Set(list);
      return op === "in" ? (f) => set.has(f[name]) : (f) => !set.has(f[name]);
    }
    case "lessThan":
    case "lessThanInclusive":
    case "greaterThan":
    case "greaterThanInclusive": {
      if (typeof value !== "number") break;
      const v = value;
      const slow = ENGINE_OPERATORS[op];
      // A number fact compares directly (json-rules-engine's validator only rejects NaN, which
      // every comparison rejects anyway); anything else goes through json-rules-engine's check.
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
        return typeof a === "number" ? cmp(a) : slow(a, v);
      };
    }
  }
  return (f) => fn(f[name], value);
}
