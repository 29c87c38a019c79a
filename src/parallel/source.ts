/**
 * A policy as data: what a worker thread (or another process) needs to load the same policy. A
 * loaded policy holds compiled functions and cannot be sent to a worker; its source can.
 */
import * as z from "zod";
import { type Catalogue, CatalogueSchema, loadPolicy, type PolicyRouter, routePolicies } from "../decision/index.js";
import { ArrearsError, type ArrearsIssue, asArrearsError } from "../errors/index.js";
import { parseOptions } from "../errors/options.js";
import type { Policy } from "../rules/index.js";

/**
 * One policy as data: the id of a shipped policy (`"us-default"`), or a policy file's JSON (or a
 * shipped id) with `loadPolicy`'s options.
 */
export type PolicySpec =
  | string
  | {
      /** A policy file's JSON (`rules/policies/*.json` layout), or the id of a shipped policy. */
      policy: unknown;
      /** Your own rule files the policy names (JSON), as `loadPolicy`'s `catalogue`. */
      catalogue?: Catalogue | undefined;
      /** As `loadPolicy`'s `jitless`. */
      jitless?: boolean | undefined;
    };

/**
 * A serialisable policy source: one policy, or several routed by jurisdiction and currency
 * (`routePolicies`). Plain JSON data only, so that it can be sent to worker threads, put in a
 * queue message or stored beside a batch.
 *
 * @example
 * const one: PolicySource = "us-default";
 * const mine: PolicySource = { policy: myPolicyJson, catalogue: { templates: [myLetterJson] } };
 * const routed: PolicySource = { route: ["cn-default", "us-default", "gb-default"] };
 */
export type PolicySource = PolicySpec | { route: readonly PolicySpec[] };

const SpecSchema = z.union([
  z.string().max(128),
  z.strictObject({
    policy: z.unknown().refine((v) => v !== undefined, "required: a policy file's JSON or a shipped id"),
    catalogue: CatalogueSchema.optional(),
    jitless: z.boolean().optional(),
  }),
]);
const SourceSchema = z.union([SpecSchema, z.strictObject({ route: z.array(SpecSchema).min(1).max(64) })]);

const CONTEXT = "policy source";

/**
 * A copy of the source as the workers receive it (structured clone), checked to be plain data.
 * @internal
 */
export function cloneSource(source: unknown): PolicySource {
  let copy: unknown;
  try {
    copy = structuredClone(source);
  } catch (e) {
    throw new ArrearsError(
      "INVALID_OPTIONS",
      [
        {
          path: [],
          message: `expected plain data (a shipped policy id, a policy's JSON, or {route: [...]}): ${(e as Error).name}; a policy from loadPolicy cannot be sent to a worker, send its JSON`,
          received: source,
        },
      ],
      CONTEXT,
    );
  }
  return parseOptions(SourceSchema, copy, CONTEXT) as PolicySource;
}

function prefixed(e: unknown, path: (string | number)[]): ArrearsError {
  const err = asArrearsError(e);
  if (path.length === 0) return err;
  const issues: ArrearsIssue[] = err.issues.map((i) => ({ ...i, path: [...path, ...i.path] }));
  return new ArrearsError(err.code, issues, CONTEXT);
}

function loadSpec(spec: PolicySpec, path: (string | number)[]): Policy {
  try {
    if (typeof spec === "string") return loadPolicy(spec);
    const options = {
      ...(spec.catalogue === undefined ? {} : { catalogue: spec.catalogue }),
      ...(spec.jitless === undefined ? {} : { jitless: spec.jitless }),
    };
    return loadPolicy(spec.policy, options);
  } catch (e) {
    throw prefixed(e, typeof spec === "string" ? path : [...path, "policy"]);
  }
}

/**
 * Loads a policy source: the policy, or the router of its policies. Exactly what each worker
 * does with the source it is given.
 *
 * @throws {ArrearsError} `INVALID_OPTIONS` when the source is not plain data of the documented
 * shape; `INVALID_POLICY` (each issue's path starting at the source: `["route", 1, "policy",
 * "rules", 4, …]`) when a policy is invalid or two routed policies claim the same jurisdiction.
 *
 * @example
 * const router = loadPolicySource({ route: ["cn-default", "us-default"] });
 * decide(router, account, { asOf });
 */
export function loadPolicySource(source: PolicySource): Policy | PolicyRouter {
  return loadCloned(cloneSource(source));
}

/** Loads a source already checked by {@link cloneSource} (the workers' path). @internal */
export function loadCloned(s: PolicySource): Policy | PolicyRouter {
  if (typeof s !== "object" || !("route" in s)) return loadSpec(s, []);
  const policies = s.route.map((spec, i) => loadSpec(spec, ["route", i]));
  try {
    return routePolicies(policies);
  } catch (e) {
    throw prefixed(e, ["route"]);
  }
}
