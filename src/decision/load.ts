import * as z from "zod";
import { ArrearsError } from "../errors/index.js";
import { parseOptions } from "../errors/options.js";
import { isGuardrailProfile, loadGuardrailProfile } from "../guardrails/index.js";
import { compilePolicy, isPolicy, POLICIES, type Policy } from "../rules/index.js";
import {
  type Catalogue,
  type CompiledCatalogue,
  compileCatalogue,
  type ResolvedPolicy,
  resolveReferences,
  withProfiles,
} from "./resolve.js";

/** Options of {@link loadPolicy}. */
export interface LoadPolicyOptions {
  /**
   * Compile conditions into closures instead of generated code (`new Function`), as zod's
   * `jitless`: for a strict Content-Security-Policy. Slower; the same results.
   */
  jitless?: boolean | undefined;
  /** Your own rule files the policy may name (templates, scorecards, guardrail profiles, bucket schemes). */
  catalogue?: Catalogue | undefined;
}

/** @internal The shape of `loadPolicy`'s catalogue option (each file is checked by its own loader). */
export const CatalogueSchema = z.strictObject({
  bucketSchemes: z.array(z.unknown()).optional(),
  scorecards: z.array(z.unknown()).optional(),
  segmentations: z.array(z.unknown()).optional(),
  guardrails: z.array(z.unknown()).optional(),
  templates: z.array(z.unknown()).optional(),
});

const OptionsSchema = z.strictObject({
  jitless: z.boolean().optional(),
  catalogue: CatalogueSchema.optional(),
});

// The references of a loaded policy, resolved when it was loaded. A registered symbol (versioned)
// so a policy loaded by the ESM copy of arrears is decided by the CJS copy too.
const RESOLVED: unique symbol = Symbol.for("arrears.policy.resolved/v1");
type Loaded = Policy & { readonly [RESOLVED]: ResolvedPolicy };

/**
 * Loads a policy: validates the file (`rules/policies/*.json`, or the id of a shipped one such as
 * `"cn-default"`), compiles its rules, and resolves everything it names (bucket scheme,
 * scorecards, guardrail profiles, templates) against the shipped rule files plus your own
 * `catalogue`. Every problem is reported at once, each with its JSON path and, for misspelt
 * names, a suggestion: `rules[4].conditions.all[1].fact: unknown fact "dpdd"; did you mean
 * "dpd"?`, `actions.call_borrower.template: unknown template "cal-script"; did you mean
 * "call-script"?`. Nothing is first found wrong at `decide`.
 *
 * Besides the rule language's checks (see `docs/operators.md`): params a rule gives an action
 * must be declared in the action's `params` (or be `offer`, `alongside`, `reason`); an action
 * for anyone but the borrower may only use a template that cannot state the debt.
 *
 * @throws {ArrearsError} `INVALID_POLICY` listing every issue; `INVALID_OPTIONS` for bad
 * options; `INTERNAL` if code generation fails (a bug: please report it).
 *
 * @example
 * const policy = loadPolicy("cn-default");
 * policy.jurisdictions; // ["CN"]
 * const mine = loadPolicy(myPolicyJson, { catalogue: { templates: [myLetterJson] } });
 */
export function loadPolicy(input: unknown, options?: LoadPolicyOptions): Policy {
  const o = parseOptions(OptionsSchema, options ?? {}, "loadPolicy options");
  let source = input;
  if (typeof input === "string") {
    if (!Object.hasOwn(POLICIES, input))
      throw new ArrearsError(
        "INVALID_POLICY",
        [
          {
            path: [],
            message: `no shipped policy with this id (shipped: ${Object.keys(POLICIES).join(", ")})`,
            received: input,
          },
        ],
        "loadPolicy",
      );
    source = POLICIES[input as keyof typeof POLICIES];
  }
  let catalogue: CompiledCatalogue;
  if (isPolicy(source) && Object.hasOwn(source, RESOLVED) && o.catalogue === undefined) {
    // Already loaded: the same object, unless the other engine is asked for (same catalogue).
    catalogue = (source as Loaded)[RESOLVED].catalogue;
  } else catalogue = compileCatalogue(o.catalogue);
  const labels = new Map([...catalogue.bucketSchemes].map(([id, s]) => [id, s.labels] as const));
  const compiled = compilePolicy(source, o.jitless === undefined ? {} : { jitless: o.jitless }, {
    bucketLabels: labels,
  });
  if (compiled === source && Object.hasOwn(source, RESOLVED)) return compiled;
  const resolved = resolveReferences(compiled, catalogue);
  const policy = { ...compiled, [RESOLVED]: resolved } as Loaded;
  resolved.policy = policy;
  return Object.freeze(policy);
}

/**
 * The policy's references, resolved at load; with `guardrails` (decide's option: raw JSON or
 * loaded profiles, one or a list) the same policy under those profiles instead. @internal
 */
export function resolvedOf(policy: Policy, guardrails?: unknown): ResolvedPolicy {
  if (!isPolicy(policy) || !Object.hasOwn(policy, RESOLVED))
    throw new ArrearsError(
      "INVALID_POLICY",
      [
        {
          path: [],
          message: "expected a policy returned by loadPolicy(json) or a router from routePolicies",
          received: policy,
        },
      ],
      "decide",
    );
  const r = (policy as Loaded)[RESOLVED];
  if (guardrails === undefined) return r;
  // Keyed by the option's identity: a batch passes the same object for every account.
  let byPolicy = overrides.get(guardrails as object);
  if (byPolicy === undefined) {
    byPolicy = new WeakMap();
    if (typeof guardrails === "object" && guardrails !== null) overrides.set(guardrails, byPolicy);
  }
  let hit = byPolicy.get(policy);
  if (hit === undefined) {
    const list = Array.isArray(guardrails) ? guardrails : [guardrails];
    hit = withProfiles(
      r,
      list.map((g) => (isGuardrailProfile(g) ? g : loadGuardrailProfile(g))),
    );
    byPolicy.set(policy, hit);
  }
  return hit;
}

const overrides = new WeakMap<object, WeakMap<Policy, ResolvedPolicy>>();
