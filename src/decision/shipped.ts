import { shippedReageRules } from "../arrangements/index.js";
import { BUCKET_SCHEME_FILES } from "../delinquency/scheme.js";
import { ArrearsError } from "../errors/index.js";
import { didYouMean } from "../errors/suggest.js";
import { guardrailProfiles } from "../guardrails/profiles.js";
import { TEMPLATES } from "../messages/catalog.js";
import { POLICIES } from "../rules/policies.js";
import { defaultSegmentation, hardshipScorecard, riskBehavioralScorecard } from "../scoring/defaults.js";

/** The kinds of rule file shipped in the package (the folders of `rules/`). */
export type RuleFileKind = "policies" | "guardrails" | "scorecards" | "buckets" | "templates" | "reaging";

const SHIPPED: Readonly<Record<RuleFileKind, Readonly<Record<string, unknown>>>> = {
  policies: POLICIES,
  guardrails: guardrailProfiles,
  scorecards: {
    "risk-behavioral": riskBehavioralScorecard,
    hardship: hardshipScorecard,
    segments: defaultSegmentation,
  },
  buckets: BUCKET_SCHEME_FILES,
  templates: TEMPLATES,
  reaging: shippedReageRules,
};

/**
 * A rule file shipped in the package, as its (deep-frozen) JSON: no JSON import needed, in ESM,
 * CJS, browsers or edge runtimes alike. Copy it (`structuredClone`) to make your own version.
 *
 * @throws {ArrearsError} `INVALID_INPUT` for an unknown kind or id, with "did you mean".
 *
 * @example
 * const policy = loadPolicy(shippedRuleFile("policies", "cn-default"));
 * shippedRuleFile("guardrails", "us-reg-f").version; // "2.0.0"
 */
export function shippedRuleFile(kind: RuleFileKind, id: string): unknown {
  const files = typeof kind === "string" && Object.hasOwn(SHIPPED, kind) ? SHIPPED[kind] : undefined;
  if (files === undefined)
    throw new ArrearsError(
      "INVALID_INPUT",
      [
        {
          path: ["kind"],
          message: `unknown rule-file kind${didYouMean(typeof kind === "string" ? kind : "", Object.keys(SHIPPED))}`,
          received: kind,
        },
      ],
      "shippedRuleFile",
    );
  if (typeof id !== "string" || !Object.hasOwn(files, id))
    throw new ArrearsError(
      "INVALID_INPUT",
      [
        {
          path: ["id"],
          message: `no shipped ${kind} file with this id${didYouMean(typeof id === "string" ? id : "", Object.keys(files))} (shipped: ${Object.keys(files).join(", ")})`,
          received: id,
        },
      ],
      "shippedRuleFile",
    );
  return files[id];
}

/**
 * Every shipped rule file: kind, id and version.
 *
 * @example
 * shippedRuleFiles().filter((f) => f.kind === "policies").map((f) => f.id); // ["cn-default", "default"]
 */
export function shippedRuleFiles(): { kind: RuleFileKind; id: string; version: string }[] {
  const out: { kind: RuleFileKind; id: string; version: string }[] = [];
  for (const kind of Object.keys(SHIPPED) as RuleFileKind[])
    for (const [id, json] of Object.entries(SHIPPED[kind]))
      out.push({ kind, id, version: String((json as { version?: unknown }).version) });
  return out.sort((a, b) => (a.kind === b.kind ? (a.id < b.id ? -1 : 1) : a.kind < b.kind ? -1 : 1));
}
