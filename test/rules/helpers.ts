import fc from "fast-check";
import { Engine } from "json-rules-engine";
import { FACTS, type Facts } from "../../src/facts/catalog.js";
import { DOMAIN_OPERATORS, type Policy } from "../../src/index.js";

export interface EngineEvent {
  rule: string;
  priority: number;
  type: string;
  params: Record<string, unknown>;
}

/**
 * A fresh json-rules-engine `Engine` for one run (an engine shared by overlapping runs gives
 * wrong answers), loaded with a policy's rules, shared conditions and domain operators.
 */
export function engineFor(source: Policy["source"]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of DOMAIN_OPERATORS) engine.addOperator(op.name, op.evaluate as (a: unknown, b: unknown) => boolean);
  for (const [name, cond] of Object.entries(source.conditions ?? {}))
    engine.setCondition(name, structuredClone(cond) as never);
  for (const r of source.rules) {
    engine.addRule({
      name: r.name,
      priority: r.priority ?? 1,
      conditions: structuredClone(r.conditions) as never,
      event: structuredClone(r.event) as never,
    });
  }
  return engine;
}

/**
 * Runs json-rules-engine and returns its events ordered like `evaluatePolicy`: json-rules-engine
 * orders by priority only (same-priority rules settle in promise order), so ties are ordered by
 * the rule's position in the file. Also checks its own order respects priority.
 */
export async function runEngine(source: Policy["source"], facts: Facts): Promise<EngineEvent[]> {
  const engine = engineFor(source);
  const { results } = await engine.run({ ...facts });
  const index = new Map(source.rules.map((r, i) => [r.name, i]));
  for (let i = 1; i < results.length; i++) {
    if (results[i]!.priority! > results[i - 1]!.priority!) throw new Error("json-rules-engine broke priority order");
  }
  return results
    .map((r) => ({
      rule: String(r.name),
      priority: r.priority!,
      type: r.event!.type,
      params: (r.event!.params ?? {}) as Record<string, unknown>,
    }))
    .sort((a, b) => b.priority - a.priority || index.get(a.rule)! - index.get(b.rule)!);
}

/** Every literal a policy's conditions compare each fact with: numbers ±1 and ±0.5, strings as-is. */
export function boundaryValues(source: Policy["source"]): Map<string, (number | string)[]> {
  const out = new Map<string, (number | string)[]>();
  const addString = (fact: string, v: string): void => {
    out.set(fact, [...(out.get(fact) ?? []), v]);
  };
  const add = (fact: string, v: number): void => {
    const list = out.get(fact) ?? [];
    list.push(v - 1, v - 0.5, v, v + 0.5, v + 1);
    out.set(fact, list);
  };
  const walk = (c: unknown): void => {
    if (Array.isArray(c)) {
      for (const x of c) walk(x);
      return;
    }
    if (c === null || typeof c !== "object") return;
    const o = c as Record<string, unknown>;
    if (typeof o.fact === "string") {
      for (const v of Array.isArray(o.value) ? o.value : [o.value]) {
        if (typeof v === "number") add(o.fact, v);
        if (typeof v === "string") addString(o.fact, v);
      }
    }
    for (const k of ["all", "any", "not"]) if (k in o) walk(o[k]);
  };
  source.rules.forEach((r) => walk(r.conditions));
  Object.values(source.conditions ?? {}).forEach(walk);
  return out;
}

/**
 * Fact records covering the catalogue: typed values, the rules' own boundaries, nulls for
 * nullable facts, and now and then a wrong type or a missing fact (parity must hold there too).
 */
export function factsArbitrary(source: Policy["source"]): fc.Arbitrary<Facts> {
  const bounds = boundaryValues(source);
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const d of FACTS) {
    let typed: fc.Arbitrary<unknown>;
    if (d.type === "number") {
      const b = bounds.get(d.name) ?? [];
      typed = fc.oneof(
        { weight: 4, arbitrary: b.length > 0 ? fc.constantFrom(...b) : fc.integer({ min: 0, max: 200 }) },
        { weight: 2, arbitrary: fc.integer({ min: -5, max: 400 }) },
        { weight: 1, arbitrary: fc.double({ min: -1000, max: 100000, noNaN: true }) },
      );
    } else if (d.type === "boolean") typed = fc.boolean();
    else {
      const seen = (bounds.get(d.name) ?? []).filter((v): v is string => typeof v === "string");
      typed = fc.constantFrom(...new Set([...(d.values ?? []), ...seen, "current", "30-59", "M1", "x"]));
    }
    const odd = fc.constantFrom<unknown>(undefined, "12", "abc", true, 0, "", NaN);
    shape[d.name] = fc.oneof(
      { weight: 20, arbitrary: typed },
      { weight: d.nullable ? 4 : 0, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: odd },
    );
  }
  return fc.record(shape).map((r) => {
    const facts: Facts = {};
    for (const [k, v] of Object.entries(r)) if (v !== undefined) facts[k] = v as Facts[string];
    return facts;
  });
}
