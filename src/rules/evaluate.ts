import { ArrearsError, readInput } from "../errors/index.js";
import type { Facts } from "../facts/catalog.js";
import { COMPILED, type Policy } from "./load.js";

/** A fired rule's event, as `decide` consumes it. */
export interface PolicyEvent {
  /** Name of the rule that fired. */
  rule: string;
  priority: number;
  /** Action type (a key of the policy's action catalogue). */
  type: string;
  /** The rule's `event.params` (frozen; shared between calls). */
  params: Readonly<Record<string, unknown>>;
  /** Position of the rule in the file. */
  index: number;
}

/** One rule's outcome in the trace. */
export interface TraceEntry {
  rule: string;
  priority: number;
  fired: boolean;
  /** Event type when the rule fired. */
  event?: string;
  /** Facts the rule's conditions read, with their values (`null` when missing). */
  facts: Record<string, unknown>;
}

/** Result of {@link evaluatePolicy}. */
export interface PolicyEvaluation {
  /** Events of the rules that fired, by priority (highest first), then rule order in the file. */
  events: PolicyEvent[];
  /** Every rule in evaluation order (empty unless `trace: true`). */
  trace: TraceEntry[];
}

/** Options of {@link evaluatePolicy}. */
export interface EvaluatePolicyOptions {
  /**
   * `true`: every rule's outcome and the facts it read; `"fired"`: only the rules that fired
   * (what `decide` records: cheap enough for every decision); default: no trace.
   */
  trace?: boolean | "fired" | undefined;
}

/**
 * Runs a compiled policy's rules on a flat facts record. Same meaning as json-rules-engine on
 * the same rules (missing facts behave as with `allowUndefinedFacts`), but synchronous and
 * allocation-light. Events come by priority, highest first; equal priorities keep file order.
 *
 * @throws {ArrearsError} `INVALID_POLICY` when `policy` did not come from `loadPolicy`,
 * `INVALID_INPUT` when `facts` is not an object.
 *
 * @example
 * const policy = loadPolicy(defaultPolicy);
 * const { events, trace } = evaluatePolicy(policy, deriveFacts(account, { asOf }), { trace: true });
 * events[0]?.type;     // "call_borrower"
 * trace[0]?.facts;     // { deceased: false }
 */
export function evaluatePolicy(policy: Policy, facts: Facts, options?: EvaluatePolicyOptions): PolicyEvaluation {
  const compiled = compiledOf(policy);
  if (compiled === undefined)
    throw new ArrearsError(
      "INVALID_POLICY",
      [{ path: [], message: "expected a compiled policy from loadPolicy()", received: policy }],
      "evaluatePolicy",
    );
  if (facts === null || typeof facts !== "object")
    throw new ArrearsError(
      "INVALID_INPUT",
      [{ path: [], message: "expected a facts record (from deriveFacts)", received: facts }],
      "evaluatePolicy",
    );
  // Facts and options are the caller's: a getter or proxy trap that throws is bad input.
  return readInput("INVALID_INPUT", "evaluatePolicy", () => evaluateWith(compiled, facts, options));
}

function compiledOf(policy: Policy): Policy[typeof COMPILED] | undefined {
  try {
    return policy !== null && typeof policy === "object" ? policy[COMPILED] : undefined;
  } catch {
    return undefined; // a revoked proxy is no policy
  }
}

function evaluateWith(
  compiled: Policy[typeof COMPILED],
  facts: Facts,
  options: EvaluatePolicyOptions | undefined,
): PolicyEvaluation {
  const { rules, factNames, runner } = compiled;
  const events: PolicyEvent[] = [];
  const trace: TraceEntry[] = [];
  // Events are frozen at load, so the same objects are handed out every time.
  runner(facts, events);
  if (options?.trace === "fired") {
    for (let i = 0; i < events.length; i++) {
      const r = compiled.byIndex[events[i]!.index]!;
      const read: Record<string, unknown> = {};
      const names = r.rule.facts;
      for (let j = 0; j < names.length; j++) read[names[j]!] = facts[names[j]!] ?? null;
      trace.push({ rule: r.rule.name, priority: r.rule.priority, fired: true, event: r.event.type, facts: read });
    }
  } else if (options?.trace === true) {
    // The runner pushed the events in evaluation order: walking both together says which rules fired.
    // Each fact is read once (keyed reads of the facts record dominate the trace's cost).
    const values = new Array<unknown>(factNames.length);
    for (let i = 0; i < factNames.length; i++) values[i] = facts[factNames[i]!] ?? null;
    let next = 0;
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i]!;
      const fired = events[next] === r.event;
      if (fired) next++;
      const read: Record<string, unknown> = {};
      const names = r.rule.facts;
      const at = r.factIndex;
      for (let j = 0; j < names.length; j++) read[names[j]!] = values[at[j]!];
      trace.push(
        fired
          ? { rule: r.rule.name, priority: r.rule.priority, fired, event: r.event.type, facts: read }
          : { rule: r.rule.name, priority: r.rule.priority, fired, facts: read },
      );
    }
  }
  return { events, trace };
}
