/**
 * JSON Schemas of every rule-file kind and of the account input, generated from the zod schemas
 * (the single source of the types) with `z.toJSONSchema`, plus what zod cannot say on its own:
 * the condition language of policies (facts and operators as enums, from the fact catalogue and
 * the operator set), the ids `decide` resolves (bucket schemes, scorecards, guardrail profiles,
 * templates), the known currencies, and the formats of amounts, dates and instants.
 *
 * `npm run schemas` writes them to `rules/schemas/` (shipped in the package, for editors:
 * `"$schema": "../schemas/policy.schema.json"`); `test/schemas/schemas.test.ts` fails while the
 * committed files differ from what this generates.
 */
import { realpathSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as z from "zod";
import { ReageRulesSchema } from "../arrangements/index.js";
import { OPERATOR_NAMES } from "../conditions/operators.js";
import { PromiseValiditySchema } from "../contacts/index.js";
import { BUCKET_SCHEMES } from "../delinquency/index.js";
import { BucketSchemeSchema } from "../delinquency/scheme.js";
import { FACTS } from "../facts/index.js";
import { GuardrailProfileSchema, guardrailProfiles } from "../guardrails/index.js";
import { MessageTemplateSchema, TEMPLATES } from "../messages/index.js";
import {
  AccountSchema,
  AmountSchema,
  AsOfSchema,
  CurrencySchema,
  InstantSchema,
  IsoDateSchema,
  LocaleSchema,
  TimeZoneSchema,
} from "../model/index.js";
import { isKnownCurrency } from "../money/index.js";
import { FloorSchema, PolicyFileSchema, RateSchema, ShareSchema } from "../rules/index.js";
import {
  defaultSegmentation,
  hardshipScorecard,
  riskBehavioralScorecard,
  ScorecardSchema,
  SegmentationSchema,
} from "../scoring/index.js";

type Json = Record<string, unknown>;

const DECIMAL = "^\\d+(\\.\\d+)?$";
const share = (max: number): Json => ({
  anyOf: [
    { type: "number", minimum: 0, maximum: max },
    { type: "string", pattern: DECIMAL, maxLength: 64 },
  ],
});
const AMOUNT: Json = {
  description: 'A non-negative amount up to 900000000000: a decimal string ("1234.50") or a number.',
  anyOf: [
    { type: "string", pattern: DECIMAL, maxLength: 64 },
    { type: "number", minimum: 0, maximum: 900_000_000_000 },
  ],
};

/** Every ISO 4217 code the money module knows (its minor-unit table), sorted. */
function knownCurrencies(): string[] {
  const out: string[] = [];
  const A = 65;
  for (let a = 0; a < 26; a++)
    for (let b = 0; b < 26; b++)
      for (let c = 0; c < 26; c++) {
        const code = String.fromCharCode(A + a, A + b, A + c);
        if (isKnownCurrency(code)) out.push(code);
      }
  return out;
}

/** JSON Schemas of the zod custom types (validated by functions zod cannot export). */
function customSchemas(): Map<unknown, Json> {
  return new Map<unknown, Json>([
    [AmountSchema, AMOUNT],
    [
      AsOfSchema,
      {
        type: "string",
        description: "An evaluation time: an ISO instant with an offset (2026-11-23T09:30:00+08:00) or an ISO date.",
        pattern: "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$",
      },
    ],
    [
      IsoDateSchema,
      { type: "string", description: "An ISO date that exists: YYYY-MM-DD.", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
    ],
    [
      InstantSchema,
      {
        type: "string",
        description: "An ISO instant with an offset: 2026-11-23T09:30:00+08:00 or …Z.",
        pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$",
      },
    ],
    [
      LocaleSchema,
      {
        type: "string",
        description: "A BCP 47 locale: zh-CN, en-US.",
        maxLength: 35,
        pattern: "^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$",
      },
    ],
    [
      TimeZoneSchema,
      {
        type: "string",
        description: "An IANA time zone: Asia/Shanghai, America/New_York.",
        minLength: 1,
        maxLength: 64,
      },
    ],
    [CurrencySchema, { type: "string", description: "An ISO 4217 currency code.", enum: knownCurrencies() }],
    [ShareSchema, { description: 'A share between 0 and 1: "0.35" or 0.35.', ...share(1) }],
    // The contacts layer's own share (options.promiseValidity.minAmountShare), the same values.
    [
      PromiseValiditySchema.shape.minAmountShare.unwrap(),
      { description: 'A share between 0 and 1: "0.5" or 0.5.', ...share(1) },
    ],
    [RateSchema, { description: 'An annual rate as a decimal fraction, 0 to 10: "0.1299" = 12.99 %.', ...share(10) }],
    [
      FloorSchema,
      {
        description: 'A share of outstanding principal ("0.5" or {"share": "0.5"}) or {"amount": "500.00"}.',
        anyOf: [
          share(1),
          { type: "object", properties: { share: share(1) }, required: ["share"], additionalProperties: false },
          { type: "object", properties: { amount: AMOUNT }, required: ["amount"], additionalProperties: false },
        ],
      },
    ],
  ]);
}

function toJson(schema: z.ZodType, title: string, description: string): Json {
  const custom = customSchemas();
  let unknown = 0;
  const json = z.toJSONSchema(schema, {
    io: "input",
    // Custom types come out as {} and are filled in below; one without a known schema is an error.
    unrepresentable: "any",
    override: (ctx) => {
      const known = custom.get(ctx.zodSchema);
      if (known) {
        for (const k of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Json)[k];
        Object.assign(ctx.jsonSchema, structuredClone(known));
      } else if ((ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def.type === "custom") unknown++;
    },
  }) as Json;
  if (unknown > 0)
    throw new Error(`${title}: ${unknown} zod custom type(s) without a JSON Schema: add them to customSchemas()`);
  const { $schema, ...rest } = json;
  return { $schema, title, description, ...rest };
}

/** The object at `path` in a generated schema (fails loudly when the zod schema changed shape). */
function at(root: Json, path: readonly string[]): Json {
  let cur: unknown = root;
  for (const p of path) {
    cur = (cur as Json | undefined)?.[p];
    if (cur === undefined || cur === null || typeof cur !== "object")
      throw new Error(`generated schema has no ${path.join(".")} (at ${p}): update src/cli/schemas.ts`);
  }
  return cur as Json;
}
function set(root: Json, path: readonly string[], value: Json): void {
  const parent = at(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (!(key in parent)) throw new Error(`generated schema has no ${path.join(".")}: update src/cli/schemas.ts`);
  parent[key] = value;
}

/** Replaces the schema of every property `name` (at any depth) by `value`; returns how many. */
function replaceProperty(node: unknown, name: string, value: Json): number {
  if (node === null || typeof node !== "object") return 0;
  let n = 0;
  if (Array.isArray(node)) {
    for (const x of node) n += replaceProperty(x, name, value);
    return n;
  }
  const o = node as Json;
  const props = o.properties as Json | undefined;
  if (props && typeof props === "object" && name in props) {
    props[name] = structuredClone(value);
    n++;
  }
  for (const [k, v] of Object.entries(o)) if (!(k === "properties" && props)) n += replaceProperty(v, name, value);
  if (props) for (const [k, v] of Object.entries(props)) if (k !== name) n += replaceProperty(v, name, value);
  return n;
}

const FACT_ENUM: Json = {
  type: "string",
  description: "A fact of the catalogue (docs/facts.md).",
  enum: FACTS.map((f) => f.name),
};
// A reference by id: a shipped one (offered as an enum, for editor completion) or one of the
// caller's own, given to loadPolicy in its catalogue (any string; loadPolicy resolves it).
const idEnum = (description: string, ids: readonly string[]): Json => ({
  description: `${description} Or the id of your own, given to loadPolicy in its catalogue.`,
  anyOf: [
    { type: "string", enum: [...ids].sort() },
    { type: "string", minLength: 1 },
  ],
});

/** The condition language (json-rules-engine's, as `loadPolicy` accepts it) as `$defs`. */
function conditionDefs(): Json {
  const ref = (name: string): Json => ({ $ref: `#/$defs/${name}` });
  const meta = {
    name: { type: "string", description: "A label (json-rules-engine's; not evaluated)." },
    priority: { type: "integer", minimum: 1, description: "json-rules-engine's condition priority (no effect here)." },
  };
  const scalar: Json = { type: ["number", "string", "boolean", "null"] };
  const list = (kind: "all" | "any"): Json => ({
    type: "object",
    properties: {
      [kind]: {
        type: "array",
        description:
          kind === "all"
            ? "Every condition holds (an empty list holds)."
            : "Some condition holds (an empty list holds).",
        items: ref("condition"),
      },
      ...meta,
    },
    required: [kind],
    additionalProperties: false,
  });
  return {
    condition: {
      description:
        "A condition: all / any / not of conditions, a shared condition by name, or a fact compared with a value.",
      anyOf: [ref("all"), ref("any"), ref("not"), ref("reference"), ref("comparison")],
    },
    rootCondition: {
      description: "A rule's conditions: all, any, not or a shared condition at the top.",
      anyOf: [ref("all"), ref("any"), ref("not"), ref("reference")],
    },
    all: list("all"),
    any: list("any"),
    not: {
      type: "object",
      properties: { not: { ...ref("condition"), description: "The condition does not hold." }, ...meta },
      required: ["not"],
      additionalProperties: false,
    },
    reference: {
      type: "object",
      properties: {
        condition: { type: "string", description: "Name of a shared condition (the policy's conditions)." },
        ...meta,
      },
      required: ["condition"],
      additionalProperties: false,
    },
    comparison: {
      type: "object",
      properties: {
        fact: FACT_ENUM,
        operator: {
          type: "string",
          description: 'An operator (docs/operators.md), optionally negated with "not:".',
          enum: [...OPERATOR_NAMES, ...OPERATOR_NAMES.map((o) => `not:${o}`)],
        },
        value: {
          description: 'A number, string, boolean, null, a list of those, or another fact ({ "fact": name }).',
          anyOf: [
            scalar,
            { type: "array", items: scalar, maxItems: 1000 },
            { type: "object", properties: { fact: FACT_ENUM }, required: ["fact"], additionalProperties: false },
          ],
        },
        ...meta,
      },
      required: ["fact", "operator", "value"],
      additionalProperties: false,
    },
  };
}

/** The schema files, by file name, in a fixed order. */
export function generateSchemas(): Record<string, Json> {
  const scorecardIds = [riskBehavioralScorecard, hardshipScorecard, defaultSegmentation].map(
    (j) => (j as { id: string }).id,
  );

  const policy = toJson(
    PolicyFileSchema,
    "arrears policy",
    "A collection policy (rules/policies/*.json): rules in json-rules-engine's format, the action catalogue, the references decide resolves, embedded tests. loadPolicy checks everything; checkPolicy finds what a valid policy can still get wrong.",
  );
  set(
    policy,
    ["properties", "bucketScheme"],
    idEnum("A shipped bucket scheme (rules/buckets/).", Object.keys(BUCKET_SCHEMES)),
  );
  set(
    policy,
    ["properties", "guardrails"],
    ((id: Json): Json => ({
      description:
        "The guardrail profiles, stacked (a contact must pass every one that covers the account's jurisdiction): one id or a list.",
      anyOf: [id, { type: "array", items: id, minItems: 1 }],
    }))(idEnum("A shipped guardrail profile (rules/guardrails/).", Object.keys(guardrailProfiles))),
  );
  for (const k of ["risk", "hardship", "segments"])
    set(
      policy,
      ["properties", "scorecards", "properties", k],
      idEnum("A shipped scorecard (rules/scorecards/).", scorecardIds),
    );
  set(
    policy,
    ["properties", "actions", "additionalProperties", "properties", "template"],
    idEnum("A shipped message template (rules/templates/).", Object.keys(TEMPLATES)),
  );
  set(policy, ["properties", "rules", "items", "properties", "conditions"], { $ref: "#/$defs/rootCondition" });
  set(policy, ["properties", "conditions", "additionalProperties"], { $ref: "#/$defs/condition" });
  set(policy, ["properties", "tests", "items", "properties", "account"], { $ref: "account.schema.json" });
  policy.$defs = { ...(policy.$defs as Json | undefined), ...conditionDefs() };

  const scorecard = toJson(
    ScorecardSchema,
    "arrears scorecard",
    "A points scorecard (rules/scorecards/*.json): characteristics over facts, bins and points, odds, reason codes, embedded tests.",
  );
  const segmentation = toJson(
    SegmentationSchema,
    "arrears segmentation",
    "A can-pay / will-pay segmentation (rules/scorecards/segments.json): signals over facts on two axes with thresholds.",
  );
  // A scorecard may also read the facts it declares in ownFacts (checked by loadScorecard).
  const cardFact: Json = {
    description: "A fact of the catalogue (docs/facts.md), or one the card declares in ownFacts.",
    anyOf: [FACT_ENUM, { type: "string", minLength: 1 }],
  };
  for (const [s, fact, n] of [
    [scorecard, cardFact, 1],
    [segmentation, FACT_ENUM, 2],
  ] as const)
    if (replaceProperty(s, "fact", fact) < n) throw new Error("no fact property found: update src/cli/schemas.ts");
  // Without ownFacts, every characteristic names a fact of the catalogue.
  scorecard.allOf = [
    {
      anyOf: [
        { properties: { characteristics: { items: { properties: { fact: FACT_ENUM } } } } },
        { required: ["ownFacts"] },
      ],
    },
  ];

  return {
    "policy.schema.json": policy,
    "guardrails.schema.json": toJson(
      GuardrailProfileSchema,
      "arrears guardrail profile",
      "A compliance profile (rules/guardrails/*.json): contact windows, caps, quiet periods, holds, notices, opt-out and third-party rules, each with its source.",
    ),
    "scorecard.schema.json": scorecard,
    "segmentation.schema.json": segmentation,
    "buckets.schema.json": toJson(
      BucketSchemeSchema,
      "arrears bucket scheme",
      "A delinquency bucket scheme (rules/buckets/*.json): contiguous DPD ranges and charge-off ages.",
    ),
    "template.schema.json": toJson(
      MessageTemplateSchema,
      "arrears message template",
      "A message template (rules/templates/*.json): text per locale in the template language, checked against the variable catalogue when loaded.",
    ),
    "reaging.schema.json": toJson(
      ReageRulesSchema,
      "arrears re-age rule set",
      "A re-aging rule set (rules/reaging/*.json): qualifying payments, account age, frequency limits and the basis of each number.",
    ),
    "account.schema.json": toJson(
      AccountSchema,
      "arrears account",
      "An account as parseAccount and decide take it (input form: amounts as strings or numbers, defaults omitted).",
    ),
  };
}

/** The text of one schema file as committed. */
export function schemaFileText(schema: Json): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Writes every schema into `dir` (`rules/schemas` by default); returns the paths written. */
function writeSchemas(dir: URL): string[] {
  const written: string[] = [];
  for (const [name, schema] of Object.entries(generateSchemas())) {
    const path = fileURLToPath(new URL(name, dir));
    writeFileSync(path, schemaFileText(schema));
    written.push(path);
  }
  return written;
}

const isMain = (): boolean => {
  try {
    return (
      process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
    );
  } catch {
    return false;
  }
};
if (isMain()) for (const p of writeSchemas(new URL("../../rules/schemas/", import.meta.url))) console.log(`wrote ${p}`);
