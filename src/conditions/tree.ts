/**
 * The validated condition tree: the one intermediate representation that the closure compiler,
 * the code generator and the trace all consume. Only `validate.ts` builds it from JSON, so every
 * fact name in it is from the catalogue, every operator is known and every value has been checked
 * against the fact's type. Shared named conditions are graph nodes, validated and represented once
 * and referenced, never pasted: a file of n nodes gives a tree of n nodes.
 */
import type { OperatorName } from "./operators.js";

/** A literal a fact is compared with. */
export type Scalar = number | string | boolean | null;

/** `{"all": [...]}`: every child holds (an empty list is true, as in json-rules-engine). */
interface AllNode {
  readonly kind: "all";
  readonly children: readonly ConditionNode[];
}

/** `{"any": [...]}`: some child holds (an empty list is true, as in json-rules-engine). */
interface AnyNode {
  readonly kind: "any";
  readonly children: readonly ConditionNode[];
}

/** `{"not": c}`. */
interface NotNode {
  readonly kind: "not";
  readonly child: ConditionNode;
}

/** What a fact is compared with: a literal (a scalar or a list of scalars) or another fact. */
export type Operand =
  | { readonly kind: "literal"; readonly value: Scalar | readonly Scalar[] }
  | { readonly kind: "fact"; readonly fact: string };

/**
 * `{"fact", "operator", "value"}`: `operator` is the base operator; json-rules-engine's `not:`
 * decorators are folded into `negate` (an odd count negates).
 */
export interface CompareNode {
  readonly kind: "compare";
  readonly fact: string;
  readonly operator: OperatorName;
  readonly negate: boolean;
  readonly operand: Operand;
}

/** `{"condition": "name"}`: a reference to a shared condition (an edge, not a copy). */
interface RefNode {
  readonly kind: "ref";
  readonly target: SharedCondition;
}

/** A node of a validated condition tree. */
export type ConditionNode = AllNode | AnyNode | NotNode | CompareNode | RefNode;

/** A shared named condition of a policy (its top-level `conditions`), validated once. */
export interface SharedCondition {
  readonly name: string;
  readonly root: ConditionNode;
  /** Every fact it reads, through the shared conditions it references too; sorted. */
  readonly facts: readonly string[];
}

/**
 * Every fact a tree reads (through shared conditions too), in first-read order.
 *
 * @example
 * factsOf({ kind: "compare", fact: "dpd", operator: "greaterThan", negate: false,
 *   operand: { kind: "literal", value: 30 } }); // ["dpd"]
 */
export function factsOf(node: ConditionNode): string[] {
  const out = new Set<string>();
  // Iterative: the tree's depth is limited at validation, but a hand-built one is not.
  const stack: ConditionNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    switch (n.kind) {
      case "all":
      case "any":
        for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
        break;
      case "not":
        stack.push(n.child);
        break;
      case "compare":
        out.add(n.fact);
        if (n.operand.kind === "fact") out.add(n.operand.fact);
        break;
      case "ref":
        for (const f of n.target.facts) out.add(f);
        break;
    }
  }
  return [...out];
}
