/**
 * The condition language shared by policy rules and segmentation signals: json-rules-engine's
 * `all`/`any`/`not`/`condition`/fact comparisons, validated once into a tree (`validate.ts`,
 * `tree.ts`) and compiled from that tree by generated code (`codegen.ts`) or closures
 * (`closures.ts`). Layer: above `facts` (conditions are checked against the catalogue), below
 * `scoring` and the policy module.
 */
import { ClosureCompiler, closureRunner, type Predicate, type RuleRunner } from "./closures.js";
import { codeGenerationAvailable, generateRunner } from "./codegen.js";
import type { ConditionNode } from "./tree.js";

export type { Predicate, RuleRunner } from "./closures.js";
export { codeGenerationAvailable } from "./codegen.js";
export type { OperatorName } from "./operators.js";
export type { ConditionNode } from "./tree.js";
export { factsOf } from "./tree.js";
export { ConditionValidator } from "./validate.js";

/**
 * How compiled conditions run: `"generated"`, one generated function (the fast path), or
 * `"closures"`, nested closures (where `new Function` is not allowed, or on request).
 */
export type ConditionEngine = "generated" | "closures";

/**
 * @internal A rule runner for validated roots (in evaluation order, one event each): generated
 * code unless `jitless` is asked for or the runtime forbids `new Function`.
 *
 * @throws {ArrearsError} `INTERNAL` when code generation is available but fails (a bug).
 *
 * @example
 * const { engine, run } = compileRunner(roots, events, { jitless: false });
 * engine; // "generated"
 */
export function compileRunner<E>(
  roots: readonly ConditionNode[],
  events: readonly E[],
  options: { readonly jitless?: boolean } = {},
): { readonly engine: ConditionEngine; readonly run: RuleRunner<E> } {
  if (options.jitless !== true && codeGenerationAvailable())
    return { engine: "generated", run: generateRunner(roots, events) };
  return { engine: "closures", run: closureRunner(roots, events) };
}

/**
 * @internal One condition as a closure (segmentation signals: a single comparison each, where a
 * generated function would not pay for itself).
 *
 * @example
 * const holds = compilePredicate(node);
 * holds({ refusals90d: 2 }); // true
 */
export function compilePredicate(node: ConditionNode): Predicate {
  return new ClosureCompiler().predicate(node);
}
