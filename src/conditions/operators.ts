/**
 * The one set of condition operators, with exactly json-rules-engine 7.3's semantics (its
 * `Operator.evaluate` is `factValueValidator(factValue) && callback(factValue, value)`), plus three
 * domain operators. Policy rules and segmentation signals both use it.
 */

/** A rule operator: `evaluate(factValue, conditionValue)` → whether the condition holds. */
export interface RuleOperator {
  readonly name: string;
  /** Same function a json-rules-engine `Engine` gets through `engine.addOperator(name, evaluate)`. */
  readonly evaluate: (factValue: unknown, value: unknown) => boolean;
}

/** @internal The evaluate function of an operator. */
export type OperatorFn = (a: unknown, b: unknown) => boolean;

// json-rules-engine's numeric validator, verbatim: strings such as "12" pass, null/booleans fail.
const numberValidator = (a: unknown): boolean => Number.parseFloat(a as string).toString() !== "NaN";
const isNumber = (a: unknown): a is number => typeof a === "number" && !Number.isNaN(a);

/** @internal Default json-rules-engine operators (same callbacks and validators). */
export const ENGINE_OPERATORS = Object.freeze({
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => numberValidator(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => numberValidator(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => numberValidator(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => numberValidator(a) && (a as number) >= (b as number),
} satisfies Record<string, OperatorFn>);

/**
 * The domain operators `arrears` adds to json-rules-engine's defaults (see `docs/operators.md`).
 * Register them on any json-rules-engine `Engine` to run a policy's rules there unchanged.
 *
 * - `inBucket`: the fact is a string (a bucket label) contained in the value list.
 * - `between`: the fact is a number with `min ≤ fact ≤ max` for a value `[min, max]`.
 * - `daysSinceAtLeast`: the fact is `null` ("never happened") or a number `≥ value`.
 *
 * @example
 * import { Engine } from "json-rules-engine";
 * const engine = new Engine();
 * for (const op of DOMAIN_OPERATORS) engine.addOperator(op.name, op.evaluate);
 */
export const DOMAIN_OPERATORS: readonly RuleOperator[] = Object.freeze([
  { name: "inBucket", evaluate: (a: unknown, b: unknown) => typeof a === "string" && (b as unknown[]).indexOf(a) > -1 },
  {
    name: "between",
    evaluate: (a: unknown, b: unknown) => isNumber(a) && a >= (b as number[])[0]! && a <= (b as number[])[1]!,
  },
  { name: "daysSinceAtLeast", evaluate: (a: unknown, b: unknown) => a === null || (isNumber(a) && a >= (b as number)) },
]);

/** @internal Name of a base operator (without decorators). */
export type OperatorName = keyof typeof ENGINE_OPERATORS | "inBucket" | "between" | "daysSinceAtLeast";

const ALL: ReadonlyMap<string, OperatorFn> = new Map<string, OperatorFn>([
  ...Object.entries(ENGINE_OPERATORS),
  ...DOMAIN_OPERATORS.map((o): [string, OperatorFn] => [o.name, o.evaluate]),
]);

/** @internal Every base operator name the conditions layer accepts. */
export const OPERATOR_NAMES: readonly OperatorName[] = Object.freeze([...ALL.keys()] as OperatorName[]);

/**
 * @internal Whether `name` is a base operator (a Map lookup: names such as "__proto__" are not).
 *
 * @example
 * isOperatorName("greaterThan"); // true
 * isOperatorName("toString");    // false
 */
export function isOperatorName(name: string): name is OperatorName {
  return ALL.has(name);
}

/**
 * @internal The evaluate function of a base operator, or undefined.
 *
 * @example
 * baseOperator("lessThan")?.(null, 10); // false: json-rules-engine's number check rejects null
 */
export function baseOperator(name: string): OperatorFn | undefined {
  return ALL.get(name);
}
