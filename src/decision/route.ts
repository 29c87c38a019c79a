import { ArrearsError, type ArrearsIssue, readInput } from "../errors/index.js";
import { covers } from "../guardrails/index.js";
import type { Policy } from "../rules/index.js";
import { sharedRegistry } from "../util/shared.js";
import { resolvedOf } from "./load.js";

/**
 * Several policies, each applied only where it belongs: an account goes to the policy whose
 * jurisdictions cover its own most specifically (`US-MA` before `US`) and whose currency is the
 * account's. Obtain one with {@link routePolicies}; `decide` and `decideMany` take it wherever
 * they take a policy.
 */
export interface PolicyRouter {
  /** The policies, in the order given. */
  readonly policies: readonly Policy[];
  /** Which policy decides an account in `jurisdiction` with amounts in `currency` (null: none). */
  readonly route: (jurisdiction: string | undefined, currency: string) => Policy | null;
}

const routers = sharedRegistry("decision.routers/v1", () => new WeakSet<object>());

/** Whether `v` is a router from {@link routePolicies} (of this or another copy of the package). */
export function isPolicyRouter(v: unknown): v is PolicyRouter {
  return typeof v === "object" && v !== null && routers.has(v);
}

/**
 * Routes a mixed portfolio to the right policy per account: each account is decided by the
 * policy covering its `jurisdiction` most specifically, in its `currency`. An account no policy
 * covers is not decided by any: its decision says why (`notApplicable.code`
 * `NO_POLICY_FOR_JURISDICTION`, `JURISDICTION_UNKNOWN` or `CURRENCY_MISMATCH`) and is counted
 * by `summarizePortfolio`. Never a silent default.
 *
 * @throws {ArrearsError} `INVALID_POLICY` when an item is not a loaded policy, or two policies
 * claim the same jurisdiction and currency (which one applies would be ambiguous).
 *
 * @example
 * const router = routePolicies([loadPolicy("cn-default"), loadPolicy("us-default"), loadPolicy("gb-default")]);
 * decide(router, { ...account, jurisdiction: "US-NY", currency: "USD" }, { asOf }).policy.id; // "us-default"
 */
export function routePolicies(input: readonly Policy[]): PolicyRouter {
  const issues: ArrearsIssue[] = [];
  // Read once into a plain array (a getter or proxy that throws makes it no list of policies).
  const policies = readInput("INVALID_POLICY", "routePolicies", () => (Array.isArray(input) ? [...input] : input));
  if (!Array.isArray(policies) || policies.length === 0)
    throw new ArrearsError(
      "INVALID_POLICY",
      [{ path: [], message: "expected a non-empty array of policies from loadPolicy", received: policies }],
      "routePolicies",
    );
  const claimed = new Map<string, number>();
  policies.forEach((p, i) => {
    try {
      resolvedOf(p);
    } catch {
      issues.push({ path: [i], message: "expected a policy returned by loadPolicy", received: p });
      return;
    }
    for (const j of p.jurisdictions) {
      const key = `${j}|${p.currency}`;
      const prev = claimed.get(key);
      if (prev !== undefined)
        issues.push({
          path: [i, "jurisdictions"],
          message: `policies ${prev} (${policies[prev]!.meta.id}) and ${i} (${p.meta.id}) both cover ${j} in ${p.currency}`,
          received: j,
        });
      else claimed.set(key, i);
    }
  });
  if (issues.length > 0) throw new ArrearsError("INVALID_POLICY", issues, "routePolicies");
  const list = Object.freeze([...policies]);
  const cache = new Map<string, Policy | null>();
  const route = (jurisdiction: string | undefined, currency: string): Policy | null => {
    if (jurisdiction === undefined) return null;
    const key = `${jurisdiction}|${currency}`;
    let hit = cache.get(key);
    if (hit === undefined) {
      hit = pick(list, jurisdiction, currency);
      if (cache.size < 1024) cache.set(key, hit);
    }
    return hit;
  };
  const router: PolicyRouter = Object.freeze({ policies: list, route });
  routers.add(router);
  return router;
}

function pick(list: readonly Policy[], jurisdiction: string, currency: string): Policy | null {
  let best: Policy | null = null;
  let rank = 0;
  for (const p of list) {
    if (p.currency !== currency) continue;
    for (const j of p.jurisdictions) {
      // An exact subdivision beats its country.
      const r = j === jurisdiction ? 2 : covers([j], jurisdiction) ? 1 : 0;
      if (r > rank) {
        rank = r;
        best = p;
      }
    }
  }
  return best;
}
