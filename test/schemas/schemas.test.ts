// The JSON Schemas in rules/schemas/ are generated from the zod schemas (src/cli/schemas.ts,
// `npm run schemas`). They must equal what the generator writes, and accept what the loaders
// accept: every shipped rule file, the accounts of the sample portfolio.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ReageRulesSchema } from "../../src/arrangements/index.js";
import { generateSchemas, schemaFileText } from "../../src/cli/schemas.js";
import { FACTS, shippedRuleFile, shippedRuleFiles } from "../../src/index.js";
import * as zod from "../../src/schemas.js";
import { validate } from "./validate.js";

type Json = Record<string, any>;
const dir = new URL("../../rules/schemas/", import.meta.url);
const generated = generateSchemas();
const committed: Record<string, Json> = Object.fromEntries(
  readdirSync(dir).map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), "utf8")) as Json]),
);
const check = (file: string, value: unknown): string[] => validate(generated[file]!, value, generated);

const KIND_SCHEMA: Record<string, string> = {
  policies: "policy.schema.json",
  guardrails: "guardrails.schema.json",
  buckets: "buckets.schema.json",
  templates: "template.schema.json",
  reaging: "reaging.schema.json",
};
const schemaOf = (kind: string, id: string): string =>
  kind === "scorecards"
    ? id === "segments"
      ? "segmentation.schema.json"
      : "scorecard.schema.json"
    : KIND_SCHEMA[kind]!;

describe("rules/schemas", () => {
  it("the committed files are exactly what `npm run schemas` writes (run it after changing a zod schema)", () => {
    expect(Object.keys(committed).sort()).toEqual(Object.keys(generated).sort());
    for (const [name, schema] of Object.entries(generated))
      expect(readFileSync(new URL(name, dir), "utf8"), name).toBe(schemaFileText(schema));
  });

  it("one schema per rule-file kind and the account", () => {
    expect(Object.keys(generated)).toEqual([
      "policy.schema.json",
      "guardrails.schema.json",
      "scorecard.schema.json",
      "segmentation.schema.json",
      "buckets.schema.json",
      "template.schema.json",
      "reaging.schema.json",
      "account.schema.json",
    ]);
    for (const s of Object.values(generated)) expect(s.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("every shipped rule file validates against its schema", () => {
    const files = shippedRuleFiles();
    expect(files.length).toBeGreaterThan(15);
    for (const f of files)
      expect(check(schemaOf(f.kind, f.id), shippedRuleFile(f.kind, f.id)), `${f.kind}/${f.id}`).toEqual([]);
  });

  it("the sample portfolio's accounts validate, and its broken ones do not", () => {
    const accounts = JSON.parse(
      readFileSync(new URL("../../examples/data/sample-portfolio.json", import.meta.url), "utf8"),
    ) as Json[];
    let valid = 0;
    for (const a of accounts) {
      const errors = check("account.schema.json", a);
      if (a.id.startsWith("BAD-")) continue;
      expect(errors, a.id).toEqual([]);
      valid++;
    }
    expect(valid).toBe(3000);
    const typo = accounts.find((a) => a.id === "BAD-TYPO")!;
    expect(check("account.schema.json", typo)).toEqual(["$.ballance: not allowed"]);
    const currency = accounts.find((a) => a.id === "BAD-CURRENCY")!; // its currency is missing
    expect(check("account.schema.json", currency)).toEqual(["$.currency: required"]);
    expect(check("account.schema.json", { ...currency, currency: "RMB" })).toEqual(['$.currency: "RMB" not in enum']);
    // The pattern of a date cannot tell 2026-02-30 from a real date; the loader can.
    expect(
      check(
        "account.schema.json",
        accounts.find((a) => a.id === "BAD-DATE"),
      ),
    ).toEqual([]);
    expect(check("account.schema.json", { ...typo, ballance: undefined, balance: { principal: "-1" } })).not.toEqual(
      [],
    );
  });

  it("policy: facts and operators are enums of the catalogue and the operator set", () => {
    const comparison = (generated["policy.schema.json"] as Json).$defs.comparison.properties;
    expect(comparison.fact.enum).toEqual(FACTS.map((f) => f.name));
    expect(comparison.operator.enum).toEqual(expect.arrayContaining(["equal", "between", "inBucket", "not:in"]));
    const p = structuredClone(shippedRuleFile("policies", "us-default")) as Json;
    p.rules[0].conditions.all[0].fact = "deceasd";
    p.rules[1].conditions.all[0].operator = "equals";
    p.rules[2].conditions = { fact: "disputed", operator: "equal", value: true }; // the root must be all/any/not/condition
    p.actions.call_borrower.template = "call-scrpit";
    p.tests[0].account.ballance = {};
    const errors = check("policy.schema.json", p);
    // A template id is a shipped one or the caller's own (loadPolicy's catalogue): any string.
    expect(errors.filter((e) => e.includes("template"))).toEqual([]);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\.rules\[0\]\.conditions: matches none of anyOf/),
        expect.stringMatching(/^\$\.rules\[1\]\.conditions: matches none of anyOf/),
        "$.rules[2].conditions: matches none of anyOf",
        "$.tests[0].account.ballance: not allowed",
      ]),
    );
  });

  it("scorecards and segmentations name catalogue facts", () => {
    const card = structuredClone(shippedRuleFile("scorecards", "risk-behavioral")) as Json;
    card.characteristics[0].fact = "dpdd";
    // Without ownFacts every characteristic names a catalogued fact; with them, any name (loadScorecard checks it).
    expect(check("scorecard.schema.json", card)).toEqual(["$: matches none of anyOf"]);
    expect(check("scorecard.schema.json", { ...card, ownFacts: [{ name: "dpdd", type: "number" }] })).toEqual([]);
    const seg = structuredClone(shippedRuleFile("scorecards", "segments")) as Json;
    seg.ability.signals[0].fact = "dpdd";
    expect(check("segmentation.schema.json", seg)).toEqual(['$.ability.signals[0].fact: "dpdd" not in enum']);
  });

  it("a $schema key is allowed exactly where the loaders accept one", () => {
    const zodOf: Record<string, { safeParse: (v: unknown) => { success: boolean } }> = {
      "policy.schema.json": zod.PolicyFileSchema,
      "guardrails.schema.json": zod.GuardrailProfileSchema,
      "scorecard.schema.json": zod.ScorecardSchema,
      "segmentation.schema.json": zod.SegmentationSchema,
      "buckets.schema.json": zod.BucketSchemeSchema,
      "template.schema.json": zod.MessageTemplateSchema,
      "reaging.schema.json": ReageRulesSchema,
    };
    for (const f of shippedRuleFiles()) {
      const file = schemaOf(f.kind, f.id);
      const json = { $schema: `../schemas/${file}`, ...(shippedRuleFile(f.kind, f.id) as Json) };
      expect(check(file, json).length === 0, `${f.kind}/${f.id}`).toBe(zodOf[file]!.safeParse(json).success);
    }
  });
});
