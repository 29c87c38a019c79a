import { type DecideOptions, decide } from "../decision/decide.js";
import type { Decision } from "../decision/decision.js";
import { ArrearsError, ownField, readInput } from "../errors/index.js";
import { isParsedAccount, parseAccount } from "../model/account.js";
import type { PolicyLike } from "./batch.js";
import { assignVariant, type CompiledExperiment, type Experiment, loadExperiment } from "./experiment.js";

/** A champion/challenger set: one compiled policy per variant of the experiment. */
export interface PolicySet {
  experiment: Experiment | CompiledExperiment;
  policies: Record<string, PolicyLike>;
}

/** @internal the policy of a variant (an own data property of `policies`), or an error. */
function policyFor(policies: unknown, variant: string): PolicyLike {
  const p = ownField(policies, variant);
  if (!p)
    throw new ArrearsError(
      "INVALID_EXPERIMENT",
      [{ path: ["policies", variant], message: `no policy for variant "${variant}"` }],
      "policy set",
    );
  return p as PolicyLike;
}

/** @internal the set's two fields, each read once (what is checked is what is used). */
function readSet(set: unknown): { experiment: unknown; policies: unknown } {
  if (typeof set !== "object" || set === null)
    throw new ArrearsError(
      "INVALID_EXPERIMENT",
      [{ path: [], message: "expected {experiment, policies}", received: set }],
      "policy set",
    );
  return readInput("INVALID_EXPERIMENT", "policy set", () => ({
    experiment: (set as PolicySet).experiment,
    policies: (set as PolicySet).policies,
  }));
}

/**
 * Validates a policy set once (experiment valid, one policy per variant) and returns it with
 * the experiment compiled, for fast repeated use by {@link decideWithExperiment}.
 *
 * @throws {ArrearsError} `INVALID_EXPERIMENT`.
 *
 * @example
 * const set = loadPolicySet({ experiment, policies: { champion: current, challenger: proposed } });
 */
export function loadPolicySet(set: PolicySet): PolicySet & { experiment: CompiledExperiment } {
  const s = readSet(set);
  const experiment = loadExperiment(s.experiment);
  for (const v of experiment.variants) policyFor(s.policies, v.name);
  return { experiment, policies: s.policies as PolicySet["policies"] };
}

/**
 * Decides an account under the policy of the variant it is assigned to ({@link assignVariant}
 * on the account id) and records that variant in `decision.variant`.
 *
 * @throws {ArrearsError} `INVALID_EXPERIMENT` (bad experiment or a variant without a policy),
 * `INVALID_ACCOUNT`, `INVALID_OPTIONS`.
 *
 * @example
 * const d = decideWithExperiment(set, account, { asOf: "2026-11-23T10:00:00+08:00" });
 * d.variant; // "challenger"
 */
export function decideWithExperiment(set: PolicySet, account: unknown, options: DecideOptions): Decision {
  const s = readSet(set);
  const experiment = loadExperiment(s.experiment);
  const parsed = isParsedAccount(account)
    ? account
    : readInput("INVALID_ACCOUNT", "account", () => parseAccount(account));
  const variant = assignVariant(experiment, parsed.id);
  const o = readInput("INVALID_OPTIONS", "decide options", () =>
    typeof options === "object" && options !== null ? { ...options, variant } : options,
  );
  return decide(policyFor(s.policies, variant), parsed, o as DecideOptions);
}
