import { BUCKET_SCHEMES, type BucketScheme } from "../delinquency/index.js";
import { ArrearsError } from "../errors/index.js";
import {
  type GuardrailProfile,
  type GuardrailProfileId,
  getGuardrailProfile,
  loadGuardrailProfile,
  optOutTextFor,
} from "../guardrails/index.js";
import type { Channel } from "../model/schema.js";
import { type ActionDefinition, isPolicy, type Policy, type PolicyOptions } from "../rules/index.js";
import {
  defaultSegmentation,
  hardshipScorecard,
  loadScoring,
  riskBehavioralScorecard,
  type Scoring,
} from "../scoring/index.js";

// Shipped decision files by id; a policy names them, `decide` compiles them once per policy.
const SCORECARDS: Readonly<Record<string, unknown>> = {
  "risk-behavioral": riskBehavioralScorecard,
  hardship: hardshipScorecard,
  segments: defaultSegmentation,
};

/** A policy with every referenced decision file compiled. @internal */
export interface ResolvedPolicy {
  policy: Policy;
  bucketScheme: BucketScheme;
  scoring: Scoring;
  guardrails: GuardrailProfile;
  actions: Readonly<Record<string, Readonly<ActionDefinition>>>;
  fallbackAction: string;
  options: { graceDays: number; promiseGraceDays: number; maxDelayHours: number } & {
    tolerance: string | number;
    unreachable: PolicyOptions["unreachable"];
  };
  /** Opt-out text per channel (by locale map as the profile gives it), or null. */
  optOutText: (channel: Channel | null) => Readonly<Record<string, string>> | null;
}

const cache = new WeakMap<Policy, ResolvedPolicy>();
const overrides = new WeakMap<object, WeakMap<Policy, ResolvedPolicy>>();

function unknownRef(path: string[], id: string, known: string[]): never {
  throw new ArrearsError(
    "INVALID_POLICY",
    [{ path, message: `unknown id (known: ${known.join(", ")})`, received: id }],
    "policy",
  );
}

/** Compiles (once, cached per policy object) what a policy references. @internal */
export function resolvePolicy(policy: Policy, guardrailsOverride?: unknown): ResolvedPolicy {
  if (!isPolicy(policy))
    throw new ArrearsError(
      "INVALID_POLICY",
      [{ path: [], message: "expected a policy returned by loadPolicy(json)", received: policy }],
      "decide",
    );
  const byOverride =
    guardrailsOverride && typeof guardrailsOverride === "object"
      ? (overrides.get(guardrailsOverride) ?? new WeakMap())
      : null;
  const hit = byOverride ? byOverride.get(policy) : cache.get(policy);
  if (hit) return hit;

  const scheme = (BUCKET_SCHEMES as Record<string, BucketScheme>)[policy.bucketScheme];
  if (!scheme) unknownRef(["bucketScheme"], policy.bucketScheme, Object.keys(BUCKET_SCHEMES));
  for (const key of ["risk", "hardship", "segments"] as const)
    if (!(policy.scorecards[key] in SCORECARDS))
      unknownRef(["scorecards", key], policy.scorecards[key], Object.keys(SCORECARDS));
  const scoring = loadScoring({
    risk: SCORECARDS[policy.scorecards.risk],
    hardship: SCORECARDS[policy.scorecards.hardship],
    segmentation: SCORECARDS[policy.scorecards.segments],
  });
  const guardrails =
    guardrailsOverride !== undefined
      ? loadGuardrailProfile(guardrailsOverride)
      : getGuardrailProfile(policy.guardrails as GuardrailProfileId);
  const optOut = new Map<Channel | null, Readonly<Record<string, string>> | null>();
  const texts = (guardrails as unknown as { json: { optOutText: Record<string, string> } }).json.optOutText;
  const resolved: ResolvedPolicy = {
    policy,
    bucketScheme: scheme!,
    scoring,
    guardrails,
    actions: policy.actions,
    fallbackAction: policy.fallbackAction,
    options: {
      graceDays: policy.options.graceDays ?? 0,
      tolerance: policy.options.tolerance ?? "0",
      promiseGraceDays: policy.options.promiseGraceDays ?? 2,
      maxDelayHours: policy.options.maxDelayHours ?? 0,
      unreachable: policy.options.unreachable,
    },
    optOutText: (channel) => {
      if (!optOut.has(channel))
        optOut.set(channel, channel && optOutTextFor(guardrails, channel) !== null ? texts : null);
      return optOut.get(channel)!;
    },
  };
  if (byOverride) {
    byOverride.set(policy, resolved);
    overrides.set(guardrailsOverride as object, byOverride);
  } else cache.set(policy, resolved);
  return resolved;
}
