import { AS_OF, account } from "../examples/01-one-decision.js";
import { decide, loadPolicy, shippedRuleFile } from "../src/index.js";

const defaultPolicy = shippedRuleFile("policies", "us-default");

/** The complete decision for example 01's account, as pretty JSON with its input. */
export function exampleDecisionJson(): string {
  const decision = decide(loadPolicy(defaultPolicy), account, { asOf: AS_OF });
  return JSON.stringify({ input: { account, options: { asOf: AS_OF } }, decision }, null, 2) + "\n";
}
