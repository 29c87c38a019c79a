import { BUCKET_SCHEME_FILES, type BucketScheme, loadBucketScheme } from "../delinquency/index.js";
import { ArrearsError, type ArrearsIssue } from "../errors/index.js";
import { didYouMean } from "../errors/suggest.js";
import {
  covers,
  type GuardrailProfile,
  guardrailProfiles,
  loadGuardrailProfile,
  optOutTextFor,
} from "../guardrails/index.js";
import { loadTemplate, type MessageTemplate, TEMPLATES } from "../messages/index.js";
import type { Channel } from "../model/index.js";
import type { ActionDefinition, Policy, PolicyOptions } from "../rules/index.js";
import {
  defaultSegmentation,
  hardshipScorecard,
  loadScorecard,
  loadScoring,
  loadSegmentation,
  riskBehavioralScorecard,
  type Scorecard,
  type Scoring,
  type Segmentation,
} from "../scoring/index.js";

/**
 * The caller's own rule files, by kind, that a policy may name besides the shipped ones: JSON
 * or already loaded. An id of the caller's replaces a shipped one with the same id.
 */
export interface Catalogue {
  bucketSchemes?: readonly unknown[] | undefined;
  scorecards?: readonly unknown[] | undefined;
  segmentations?: readonly unknown[] | undefined;
  guardrails?: readonly unknown[] | undefined;
  templates?: readonly unknown[] | undefined;
}

/** Every artefact a policy may reference, compiled, by id. @internal */
export interface CompiledCatalogue {
  bucketSchemes: ReadonlyMap<string, BucketScheme>;
  scorecards: ReadonlyMap<string, Scorecard>;
  segmentations: ReadonlyMap<string, Segmentation>;
  guardrails: ReadonlyMap<string, GuardrailProfile>;
  templates: ReadonlyMap<string, MessageTemplate>;
}

/** A policy with every referenced rule file compiled. @internal */
export interface ResolvedPolicy {
  policy: Policy;
  /** The catalogue it was resolved against (reused when it is recompiled for the other engine). */
  catalogue: CompiledCatalogue;
  bucketScheme: BucketScheme;
  scoring: Scoring;
  /** Every profile the policy names, in its order. */
  profiles: readonly GuardrailProfile[];
  templates: ReadonlyMap<string, MessageTemplate>;
  actions: Readonly<Record<string, Readonly<ActionDefinition>>>;
  fallbackAction: string;
  options: {
    graceDays: number;
    promiseGraceDays: number;
    maxDelayHours: number;
    tolerance: string | number;
    unreachable: PolicyOptions["unreachable"];
    collectorRole: "creditor" | "debt_collector";
    offerReview: string | undefined;
    promiseValidity: PolicyOptions["promiseValidity"];
    arrangementTracking: PolicyOptions["arrangementTracking"];
  };
  /** Whether the policy applies in `jurisdiction`. */
  covers: (jurisdiction: string) => boolean;
  /** The profiles that apply to an account in `jurisdiction` (they cover it and bind the collector's role). */
  profilesFor: (jurisdiction: string) => readonly GuardrailProfile[];
  /** Opt-out texts (by locale) when `channel` needs one under any of `profiles`, else null. */
  optOutText: (
    profiles: readonly GuardrailProfile[],
    channel: Channel | null,
  ) => Readonly<Record<string, string>> | null;
}

function shippedCatalogue(): CompiledCatalogue {
  const map = <T>(files: Readonly<Record<string, unknown>>, load: (json: unknown) => T) =>
    new Map(Object.keys(files).map((id) => [id, load(files[id])] as const));
  return {
    bucketSchemes: map(BUCKET_SCHEME_FILES, loadBucketScheme),
    scorecards: map({ "risk-behavioral": riskBehavioralScorecard, hardship: hardshipScorecard }, loadScorecard),
    segmentations: map({ segments: defaultSegmentation }, loadSegmentation),
    guardrails: map(guardrailProfiles, loadGuardrailProfile),
    templates: map(TEMPLATES, loadTemplate),
  };
}

let shipped: CompiledCatalogue | undefined;

/**
 * The shipped rule files plus the caller's, compiled, by id. Each of the caller's files is
 * validated here; a bad one is an error naming its place in the catalogue. @internal
 */
export function compileCatalogue(catalogue: Catalogue | undefined): CompiledCatalogue {
  shipped ??= shippedCatalogue();
  if (catalogue === undefined) return shipped;
  const issues: ArrearsIssue[] = [];
  const add = <T extends { id: string }>(
    key: keyof Catalogue,
    base: ReadonlyMap<string, T>,
    load: (json: unknown) => T,
  ): ReadonlyMap<string, T> => {
    const files = catalogue[key];
    if (files === undefined) return base;
    if (!Array.isArray(files)) {
      issues.push({ path: ["catalogue", key], message: "expected an array of rule files", received: files });
      return base;
    }
    const out = new Map(base);
    files.forEach((f, i) => {
      try {
        const loaded = load(f);
        out.set(loaded.id, loaded);
      } catch (e) {
        if (!(e instanceof ArrearsError)) throw e;
        for (const is of e.issues) issues.push({ ...is, path: ["catalogue", key, i, ...is.path] });
      }
    });
    return out;
  };
  const compiled: CompiledCatalogue = {
    bucketSchemes: add("bucketSchemes", shipped.bucketSchemes, loadBucketScheme),
    scorecards: add("scorecards", shipped.scorecards, loadScorecard),
    segmentations: add("segmentations", shipped.segmentations, loadSegmentation),
    guardrails: add("guardrails", shipped.guardrails, loadGuardrailProfile),
    templates: add("templates", shipped.templates, loadTemplate),
  };
  for (const key of Object.keys(catalogue))
    if (!["bucketSchemes", "scorecards", "segmentations", "guardrails", "templates"].includes(key))
      issues.push({ path: ["catalogue", key], message: "unknown kind of rule file" });
  if (issues.length > 0) throw new ArrearsError("INVALID_POLICY", issues, "catalogue");
  return compiled;
}

/**
 * Everything a compiled policy references, looked up in the catalogue: every missing id is an
 * issue with its JSON path and "did you mean" (reported by `loadPolicy`, never first at decide).
 * @internal
 */
export function resolveReferences(policy: Policy, cat: CompiledCatalogue): ResolvedPolicy {
  const issues: ArrearsIssue[] = [];
  const find = <T>(map: ReadonlyMap<string, T>, id: string, path: (string | number)[], what: string): T | undefined => {
    const v = map.get(id);
    if (v === undefined)
      issues.push({
        path,
        message: `unknown ${what}${didYouMean(id, map.keys())} (known: ${[...map.keys()].join(", ")})`,
        received: id,
      });
    return v;
  };
  const scheme = find(cat.bucketSchemes, policy.bucketScheme, ["bucketScheme"], "bucket scheme");
  const risk = find(cat.scorecards, policy.scorecards.risk, ["scorecards", "risk"], "scorecard");
  const hardship = find(cat.scorecards, policy.scorecards.hardship, ["scorecards", "hardship"], "scorecard");
  const segments = find(cat.segmentations, policy.scorecards.segments, ["scorecards", "segments"], "segmentation");
  const profiles = policy.guardrails
    .map((id, i) =>
      find(
        cat.guardrails,
        id,
        policy.source.guardrails === id ? ["guardrails"] : ["guardrails", i],
        "guardrail profile",
      ),
    )
    .filter((p): p is GuardrailProfile => p !== undefined);
  const templates = new Map<string, MessageTemplate>();
  for (const [type, action] of Object.entries(policy.actions)) {
    if (action.template === undefined) continue;
    const t = find(cat.templates, action.template, ["actions", type, "template"], "template");
    if (t === undefined) continue;
    templates.set(action.template, t);
    // A message to anyone but the borrower must come from a template that cannot state the debt.
    if (action.party !== "borrower" && t.audience !== "third_party")
      issues.push({
        path: ["actions", type, "template"],
        message: `action for a ${action.party.replace("_", " ")} must use a third_party template (one that cannot state the debt); ${t.id} is for the borrower`,
        received: action.template,
      });
    if (action.contact && action.channel !== t.channel)
      issues.push({
        path: ["actions", type, "template"],
        message: `template ${t.id} is for channel ${t.channel}, the action uses ${action.channel}`,
        received: action.template,
      });
  }
  if (issues.length > 0) throw new ArrearsError("INVALID_POLICY", issues, `policy ${JSON.stringify(policy.meta.id)}`);

  return finish(policy, cat, scheme!, loadScoring({ risk, hardship, segmentation: segments }), profiles, templates);
}

/** The same resolved policy with other guardrail profiles (decide's `guardrails` option). @internal */
export function withProfiles(r: ResolvedPolicy, profiles: readonly GuardrailProfile[]): ResolvedPolicy {
  return finish(r.policy, r.catalogue, r.bucketScheme, r.scoring, profiles, r.templates);
}

function finish(
  policy: Policy,
  catalogue: CompiledCatalogue,
  scheme: BucketScheme,
  scoring: Scoring,
  profiles: readonly GuardrailProfile[],
  templates: ReadonlyMap<string, MessageTemplate>,
): ResolvedPolicy {
  const role = policy.options.collectorRole ?? "creditor";
  const byJurisdiction = new Map<string, readonly GuardrailProfile[]>();
  const optOut = new Map<string, Readonly<Record<string, string>> | null>();
  const where = new Map<string, boolean>();
  return {
    policy,
    catalogue,
    bucketScheme: scheme,
    scoring,
    profiles,
    templates,
    actions: policy.actions,
    fallbackAction: policy.fallbackAction,
    options: {
      graceDays: policy.options.graceDays ?? 0,
      tolerance: policy.options.tolerance ?? "0",
      promiseGraceDays: policy.options.promiseGraceDays ?? 2,
      maxDelayHours: policy.options.maxDelayHours ?? 0,
      unreachable: policy.options.unreachable,
      collectorRole: role,
      offerReview: policy.options.offerReview,
      promiseValidity: policy.options.promiseValidity,
      arrangementTracking: policy.options.arrangementTracking,
    },
    covers: (jurisdiction) => {
      let hit = where.get(jurisdiction);
      if (hit === undefined) {
        hit = covers(policy.jurisdictions, jurisdiction);
        if (where.size < 512) where.set(jurisdiction, hit);
      }
      return hit;
    },
    profilesFor: (jurisdiction) => {
      let list = byJurisdiction.get(jurisdiction);
      if (list === undefined) {
        list = Object.freeze(
          profiles.filter((p) => covers(p.json.jurisdictions, jurisdiction) && p.json.appliesTo.includes(role)),
        );
        if (byJurisdiction.size < 512) byJurisdiction.set(jurisdiction, list);
      }
      return list;
    },
    optOutText: (list, channel) => {
      if (channel === null) return null;
      const key = `${list.map((p) => p.id).join("|")}#${channel}`;
      if (!optOut.has(key)) {
        const p = list.find((x) => optOutTextFor(x, channel) !== null);
        optOut.set(key, p === undefined ? null : p.json.optOutText);
      }
      return optOut.get(key)!;
    },
  };
}
