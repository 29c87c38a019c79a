import { type DecideOptions, decide } from "../decision/decide.js";
import type { Decision } from "../decision/decision.js";
import { ArrearsError } from "../errors/index.js";
import { isParsedAccount, parseAccount } from "../model/account.js";
import type { PolicyLike } from "./batch.js";
import { assignVariant, type CompiledExperiment, type Experiment, loadExperiment } from "./experiment.js";

/** A champion/challenger set: one compiled policy per variant of the experiment. */
export interface PolicySet {
  experiment: Experiment | CompiledExperiment;
  policies: Record<string, PolicyLike>;
}

/** @internal checks that every variant with weight has a policy. */
function policyFor(set: PolicySet, variant: string): PolicyLike {
  const p = Object.hasOwn(set.policies ?? {}, variant) ? set.policies[variant] : undefined;
  if (!p)
    throw new ArrearsError(
      "INVALID_EXPERIMENT",
      [{ path: ["policies", variant], message: `no policy for variant "${variant}"` }],
      "policy set",
    );
  return p;
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
  if (typeof set !== "object" || set === null)
    throw new ArrearsError(
      "INVALID_EXPERIMENT",
      [{ path: [], message: "expected {experiment, policies}", received: set }],
      "policy set",
    );
  const experiment = loadExperiment(set.experiment);
  for (const v of experiment.variants) policyFor(set, v.name);
  return { experiment, policies: set.policies };
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
  const experiment = loadExperiment(set?.experiment);
  const parsed = isParsedAccount(account) ? account : parseAccount(account);
  const variant = assignVariant(experiment, parsed.id);
  return decide(policyFor(set, variant), parsed, { ...options, variant });
}
