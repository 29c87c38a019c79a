/**
 * What the fuzz runs: mutated accounts through the whole pipeline, mutated rule files of every
 * kind through their loaders and users, and every function of the root entry with mutated
 * arguments. Each target turns a case seed into a printable case and runs it under the harness.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { BENCH_AS_OF, generateAccount, rng } from "../../bench/accounts.js";
import * as api from "../../src/index.js";
import { CHANNELS, CONTACT_OUTCOMES, ITEM_VARIABLES, MESSAGE_VARIABLES } from "../../src/schemas.js";
import { runEmbeddedTests } from "../../src/testing/index.js";
import { accountArb } from "../facts/arbitrary.js";
import {
  caseSeed,
  cloneJson,
  describeMutations,
  type Enrichment,
  enrich,
  enrichmentArb,
  type Hostile,
  hostile,
  hostileArb,
  isOpaque,
  type Mutation,
  mutate,
  mutateArgs,
  mutationsArb,
  opaque,
  sampleOne,
  templateSnippets,
  type Vocabulary,
} from "./fuzz.js";
import type { Harness } from "./harness.js";

// ---------------------------------------------------------------------------------------------
// Fixed material: shipped files, sample accounts, compiled policies
// ---------------------------------------------------------------------------------------------

const PORTFOLIO = JSON.parse(
  readFileSync(new URL("../../examples/data/sample-portfolio.json", import.meta.url), "utf8"),
) as Record<string, unknown>[];
const PORTFOLIO_AS_OF = "2026-11-23T10:00:00+08:00";

const shipped = (kind: api.RuleFileKind) =>
  api
    .shippedRuleFiles()
    .filter((f) => f.kind === kind)
    .map((f) => ({ id: f.id, json: api.shippedRuleFile(kind, f.id) }));

const POLICY_FILES = shipped("policies");
const GUARDRAIL_FILES = shipped("guardrails");
const SCORECARD_FILES = shipped("scorecards").filter((f) => f.id !== "segments");
const SEGMENTATION_FILES = shipped("scorecards").filter((f) => f.id === "segments");
const BUCKET_FILES = shipped("buckets");
const TEMPLATE_FILES = shipped("templates");

const POLICIES = POLICY_FILES.map((f) => opaque(api.loadPolicy(f.json)));
const POLICIES_JITLESS = POLICY_FILES.map((f) => opaque(api.loadPolicy(f.json, { jitless: true })));
/** The shipped policies routed by jurisdiction and currency, as an integrator runs all three. */
const ROUTER = opaque(api.routePolicies(POLICIES));
const ROUTER_JITLESS = opaque(api.routePolicies(POLICIES_JITLESS));
const PROFILES = GUARDRAIL_FILES.map((f) => opaque(api.loadGuardrailProfile(f.json)));
const TEMPLATES = TEMPLATE_FILES.map((f) => opaque(api.loadTemplate(f.json)));

/** A few valid accounts and their facts, decisions and parsed forms, for the rule-file targets. */
const SAMPLES = [0, 1, 2, 7, 11, 40].map((i) => {
  const json = PORTFOLIO[i % PORTFOLIO.length]!;
  const account = opaque(api.parseAccount(json));
  const facts = opaque(api.deriveFacts(account, { asOf: PORTFOLIO_AS_OF }));
  const decision = api.decide(POLICIES[i % POLICIES.length]!, account, { asOf: PORTFOLIO_AS_OF });
  return { json, account, facts, decision };
});

const EXPERIMENT = {
  id: "q4",
  salt: "2026-q4",
  variants: [
    { name: "champion", weight: 80 },
    { name: "challenger", weight: 20 },
  ],
};

// ---------------------------------------------------------------------------------------------
// Vocabularies (near-valid swaps)
// ---------------------------------------------------------------------------------------------

const OPERATORS = [
  "equal",
  "notEqual",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
  "in",
  "notIn",
  "contains",
  "doesNotContain",
  ...api.DOMAIN_OPERATORS.map((o) => o.name),
];
const FACT_NAMES = api.FACTS.map((f) => f.name);
const ACTION_NAMES = POLICY_FILES.flatMap((f) => Object.keys((f.json as { actions: object }).actions));
const VARIABLE_NAMES = [...MESSAGE_VARIABLES, ...ITEM_VARIABLES].map((v) => v.name);

const COMMON_WORDS = [
  ...CHANNELS,
  ...CONTACT_OUTCOMES,
  "installment",
  "revolving",
  "borrower",
  "third_party",
  "en-US",
  "zh-CN",
  "M1",
  "M2",
  "current",
  "hardship",
  "self_cure",
  "escalate",
];

const RULE_VOCAB: Vocabulary = {
  words: [...OPERATORS, ...FACT_NAMES, ...ACTION_NAMES, ...COMMON_WORDS, ...POLICY_FILES.map((f) => f.id)],
  snippets: ["x", "{{dpd}}", "__proto__", "\u0000", "'", '"', "\\", "`$" + "{x}`", "*/", "\n"],
};
const TEMPLATE_VOCAB: Vocabulary = {
  words: [...VARIABLE_NAMES, ...COMMON_WORDS, "letter", "sms", "email", "call"],
  snippets: templateSnippets(VARIABLE_NAMES),
};
const ACCOUNT_VOCAB: Vocabulary = {
  words: [...COMMON_WORDS, "America/New_York", "Europe/London", "UTC", "Asia/Kathmandu", "JPY", "KWD", "CLF", "USD"],
  snippets: ["0", ".5", "x", " ", "\u0000", "王"],
};

// ---------------------------------------------------------------------------------------------
// Case descriptions
// ---------------------------------------------------------------------------------------------

type AccountBase =
  | { kind: "bench"; seed: number; i: number }
  | { kind: "portfolio"; index: number }
  | { kind: "generated"; g: { account: unknown; asOf: string } };

type AsOfTweak = { t: "none" } | { t: "shift"; days: number } | { t: "hostile"; h: Hostile };

interface AccountCase {
  base: AccountBase;
  enrichment: Enrichment | null;
  mutations: Mutation[];
  asOf: AsOfTweak;
  policy: number;
  jitless: boolean;
  profile: number;
  channel: number;
  batch: boolean;
  raw: boolean;
}

const accountBaseArb: fc.Arbitrary<AccountBase> = fc.oneof(
  fc.record({ kind: fc.constant("bench" as const), seed: fc.nat(), i: fc.nat(999) }),
  fc.record({ kind: fc.constant("portfolio" as const), index: fc.nat(PORTFOLIO.length - 1) }),
  fc.record({ kind: fc.constant("generated" as const), g: accountArb }),
);

const asOfTweakArb: fc.Arbitrary<AsOfTweak> = fc.oneof(
  { weight: 16, arbitrary: fc.constant({ t: "none" as const }) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(fc.integer({ min: -800, max: 800 }), fc.integer({ min: -3_000_000, max: 3_000_000 }))
      .map((days): AsOfTweak => ({ t: "shift", days })),
  },
  { weight: 2, arbitrary: hostileArb.map((h): AsOfTweak => ({ t: "hostile", h })) },
);

const accountCaseArb: fc.Arbitrary<AccountCase> = fc.record({
  base: accountBaseArb,
  enrichment: enrichmentArb,
  mutations: fc.oneof({ weight: 1, arbitrary: fc.constant<Mutation[]>([]) }, { weight: 6, arbitrary: mutationsArb() }),
  asOf: asOfTweakArb,
  // One more than the policies: the last is the router over all of them.
  policy: fc.nat(POLICIES.length),
  jitless: fc.boolean(),
  profile: fc.nat(PROFILES.length - 1),
  channel: fc.nat(CHANNELS.length - 1),
  batch: fc.nat(19).map((n) => n === 0),
  raw: fc.nat(9).map((n) => n === 0),
});

function baseAccount(b: AccountBase): { account: Record<string, unknown>; asOf: string; label: string } {
  switch (b.kind) {
    case "bench":
      return {
        account: generateAccount(b.i, rng(b.seed)) as Record<string, unknown>,
        asOf: BENCH_AS_OF,
        label: `bench(${b.seed},${b.i})`,
      };
    case "portfolio":
      return { account: cloneJson(PORTFOLIO[b.index]!), asOf: PORTFOLIO_AS_OF, label: `portfolio[${b.index}]` };
    case "generated":
      return { account: cloneJson(b.g.account) as Record<string, unknown>, asOf: b.g.asOf, label: "generated" };
  }
}

function shiftAsOf(asOf: string, days: number): string {
  const ms = Date.parse(asOf.length === 10 ? `${asOf}T00:00:00Z` : asOf) + days * 86_400_000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return asOf;
  const iso = d.toISOString();
  return asOf.length === 10 ? iso.slice(0, 10) : iso;
}

function tweakAsOf(asOf: string, t: AsOfTweak): unknown {
  if (t.t === "none") return asOf;
  if (t.t === "shift") return shiftAsOf(asOf, t.days);
  return hostile(t.h);
}

function instantOf(asOf: unknown): unknown {
  return typeof asOf === "string" && asOf.length === 10 ? `${asOf}T12:00:00Z` : asOf;
}

// ---------------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------------

export interface Target {
  name: string;
  /** Runs case `index` under `seed`; async only where the API is. */
  run(h: Harness, seed: number, index: number): void | Promise<void>;
}

function accountsTarget(): Target {
  return {
    name: "accounts",
    run(h, seed, index) {
      const c = sampleOne(accountCaseArb, caseSeed(seed, "accounts", index));
      const b = baseAccount(c.base);
      enrich(b.account, c.enrichment, b.asOf);
      const input = mutate(b.account, c.mutations, ACCOUNT_VOCAB);
      const asOf = tweakAsOf(b.asOf, c.asOf);
      const shape = `${b.label} enrich=${c.enrichment ? "yes" : "no"} asOf=${fc.stringify(c.asOf)} mutations=${describeMutations(c.mutations)}`;
      h.begin({ target: "accounts", index, shape }, [input, asOf]);
      const policy =
        c.policy === POLICIES.length
          ? c.jitless
            ? ROUTER_JITLESS
            : ROUTER
          : (c.jitless ? POLICIES_JITLESS : POLICIES)[c.policy]!;
      const parsed = h.call("safeParseAccount", () => api.safeParseAccount(input));
      if (c.raw) h.call("parseAccount", () => api.parseAccount(input));
      const account = parsed.ok && parsed.value.success ? parsed.value.data : null;
      if (account) h.markValid();
      // decide parses raw JSON itself: give it the raw input.
      h.call("decide", () => api.decide(policy, input as api.AccountInput, { asOf } as api.DecideOptions));
      const acc = account ?? input;
      const o = { asOf } as { asOf: string };
      h.call("deriveFacts", () => api.deriveFacts(acc, o));
      h.call("deriveDelinquency", () => api.deriveDelinquency(acc, o));
      h.call("summarizeContacts", () => api.summarizeContacts(acc, o));
      h.call("promiseStatus", () => api.promiseStatus(acc, o));
      h.call("checkContact", () =>
        api.checkContact(PROFILES[c.profile], acc, {
          channel: CHANNELS[c.channel]!,
          at: instantOf(asOf) as string,
        }),
      );
      if (account && typeof asOf === "string") {
        h.call("buildOffer", () => api.buildOffer({ kind: "deferral", months: 3 }, account, { asOf }));
        h.call("settlementOffer", () => api.settlementOffer({ account, maxDiscount: "0.3", floor: "0.6", asOf }));
        h.call("waiveFees", () => api.waiveFees({ account, components: ["penaltyInterest", "fees"] }));
        h.call("planDeferral", () => api.planDeferral({ account, months: 2, asOf }));
      }
      if (c.batch) {
        h.call(
          "decideMany",
          () => [...api.decideMany(policy, [input, SAMPLES[0]!.json], { asOf } as api.DecideOptions)],
          true,
        );
        h.call("rollRates", () =>
          api.rollRates({ asOf: asOf as string, accounts: [input] }, { asOf: PORTFOLIO_AS_OF, accounts: [input] }),
        );
      }
    },
  };
}

/** A target that mutates one kind of rule file and runs its loader and its users. */
function ruleFileTarget<F>(
  name: string,
  files: { id: string; json: unknown }[],
  vocab: Vocabulary,
  use: (h: Harness, mutated: unknown, extra: number) => void,
): Target {
  const arb = fc.record({ file: fc.nat(files.length - 1), mutations: mutationsArb(8), extra: fc.nat() });
  return {
    name,
    run(h, seed, index) {
      const c = sampleOne(arb, caseSeed(seed, name, index));
      const f = files[c.file]!;
      const mutated = mutate(f.json, c.mutations, vocab);
      h.begin({ target: name, index, shape: `${f.id} mutations=${describeMutations(c.mutations)}` }, [mutated]);
      use(h, mutated, c.extra);
    },
  } satisfies Target & { _?: F };
}

function policiesTarget(): Target {
  return ruleFileTarget("policies", POLICY_FILES, RULE_VOCAB, (h, json, extra) => {
    const r = h.call("loadPolicy", () => api.loadPolicy(json, { jitless: extra % 4 === 0 }));
    if (!r.ok) return;
    h.markValid();
    const policy = r.value;
    for (let k = 0; k < 3; k++) {
      const s = SAMPLES[(extra + k) % SAMPLES.length]!;
      h.call("evaluatePolicy", () => api.evaluatePolicy(policy, s.facts, { trace: k === 0 }));
    }
    const s = SAMPLES[extra % SAMPLES.length]!;
    h.call("decide", () => api.decide(policy, s.account, { asOf: PORTFOLIO_AS_OF, trace: "all" }));
    // The mutated policy next to the shipped ones it did not replace: routing refuses or picks.
    const others = POLICIES.filter((_, i) => i !== extra % POLICIES.length);
    const router = h.call("routePolicies", () => api.routePolicies([policy, ...others]));
    if (router.ok) h.call("decide", () => api.decide(router.value, s.account, { asOf: PORTFOLIO_AS_OF }));
    if (extra % 8 === 1) h.call("runEmbeddedTests", () => runEmbeddedTests(json, { runner: false }));
  });
}

function templatesTarget(): Target {
  return ruleFileTarget("templates", TEMPLATE_FILES, TEMPLATE_VOCAB, (h, json, extra) => {
    const r = h.call("loadTemplate", () => api.loadTemplate(json));
    if (!r.ok) return;
    h.markValid();
    const t = r.value;
    const s = SAMPLES[extra % SAMPLES.length]!;
    h.call("renderMessage", () =>
      api.renderMessage(t, s.decision, {
        lender: { name: "示例银行", phone: "95555", paymentMethods: ["App"], complaintRoute: "12378" },
        account: s.account,
      }),
    );
    h.call("renderMessage", () =>
      api.renderMessage(t, s.decision, { locale: ["en-US", "zh-CN", "fr-FR", "ar"][extra % 4]! }),
    );
    if (extra % 8 === 1) h.call("runEmbeddedTests", () => runEmbeddedTests(json, { runner: false }));
  });
}

function guardrailsTarget(): Target {
  return ruleFileTarget("guardrails", GUARDRAIL_FILES, RULE_VOCAB, (h, json, extra) => {
    const r = h.call("loadGuardrailProfile", () => api.loadGuardrailProfile(json));
    if (!r.ok) return;
    h.markValid();
    const s = SAMPLES[extra % SAMPLES.length]!;
    h.call("checkContact", () =>
      api.checkContact(r.value, s.account, {
        channel: CHANNELS[extra % CHANNELS.length]!,
        at: "2026-11-23T21:30:00-05:00",
      }),
    );
    h.call("decide", () =>
      api.decide(POLICIES[extra % POLICIES.length]!, s.account, { asOf: PORTFOLIO_AS_OF, guardrails: json }),
    );
    if (extra % 8 === 1) h.call("runEmbeddedTests", () => runEmbeddedTests(json, { runner: false }));
  });
}

function scorecardsTarget(): Target {
  return ruleFileTarget("scorecards", SCORECARD_FILES, RULE_VOCAB, (h, json, extra) => {
    const r = h.call("loadScorecard", () => api.loadScorecard(json));
    const s = SAMPLES[extra % SAMPLES.length]!;
    if (r.ok) {
      h.markValid();
      h.call("score", () => api.score(r.value, s.facts));
    }
    const scoring = h.call("loadScoring", () => api.loadScoring(extra % 2 ? { risk: json } : { hardship: json }));
    if (scoring.ok) h.call("applyScores", () => api.applyScores(scoring.value, s.facts));
    if (extra % 8 === 1) h.call("runEmbeddedTests", () => runEmbeddedTests(json, { runner: false }));
  });
}

function segmentationsTarget(): Target {
  return ruleFileTarget("segmentations", SEGMENTATION_FILES, RULE_VOCAB, (h, json, extra) => {
    const r = h.call("loadSegmentation", () => api.loadSegmentation(json));
    const s = SAMPLES[extra % SAMPLES.length]!;
    if (r.ok) {
      h.markValid();
      h.call("explainSegment", () => api.explainSegment(r.value, s.facts));
    }
    h.call("explainSegment", () => api.explainSegment(json as never, s.facts));
    if (extra % 8 === 1) h.call("runEmbeddedTests", () => runEmbeddedTests(json, { runner: false }));
  });
}

function bucketsTarget(): Target {
  return ruleFileTarget("buckets", BUCKET_FILES, RULE_VOCAB, (h, json, extra) => {
    const r = h.call("loadBucketScheme", () => api.loadBucketScheme(json));
    if (r.ok) {
      h.markValid();
      h.call("bucketFor", () => api.bucketFor(r.value, extra % 400, extra % 2 ? "revolving" : "installment"));
    }
    const s = SAMPLES[extra % SAMPLES.length]!;
    h.call("deriveDelinquency", () => api.deriveDelinquency(s.account, { asOf: PORTFOLIO_AS_OF, scheme: json }));
    if (extra % 8 === 1) h.call("runEmbeddedTests", () => runEmbeddedTests(json, { runner: false }));
  });
}

function experimentsTarget(): Target {
  return ruleFileTarget("experiments", [{ id: "q4", json: EXPERIMENT }], RULE_VOCAB, (h, json, extra) => {
    const r = h.call("loadExperiment", () => api.loadExperiment(json));
    if (r.ok) {
      h.markValid();
      h.call("assignVariant", () => api.assignVariant(r.value, `A${extra}`));
    }
    const s = SAMPLES[extra % SAMPLES.length]!;
    const set = { experiment: json as api.Experiment, policies: { champion: POLICIES[0]!, challenger: POLICIES[1]! } };
    h.call("loadPolicySet", () => api.loadPolicySet(set));
    h.call("decideWithExperiment", () => api.decideWithExperiment(set, s.account, { asOf: PORTFOLIO_AS_OF }));
  });
}

// ---------------------------------------------------------------------------------------------
// Every root function, called directly with mutated arguments
// ---------------------------------------------------------------------------------------------

const A = SAMPLES[0]!;
const acct = () => cloneJson(A.json);
const asOf = PORTFOLIO_AS_OF;
const errorEntry = { accountId: null, index: 1, error: { code: "INVALID_ACCOUNT", message: "x", issues: [] } };

/** Rows of facts and an outcome for the fitting functions: small, fixed, both outcomes. */
const FIT_ROWS = Array.from({ length: 60 }, (_, i) => ({
  dpd: (i * 7) % 90,
  utilization: i % 9 === 0 ? null : ((i * 13) % 100) / 80,
  hardshipKind: i % 4 === 0 ? "medical" : null,
  defaulted: (i * 7) % 90 > 40 ? i % 3 !== 0 : i % 7 === 0,
}));
const FIT_OPTIONS: api.FitScorecardOptions = {
  id: "fuzz-fit",
  target: "defaulted",
  characteristics: ["dpd", { fact: "utilization", trend: "ascending" }, "hardshipKind"],
  minIv: 0,
  fineBins: 6,
  minBinShare: 0.1,
};
const FIT_CARD = api.fitScorecard(FIT_ROWS, FIT_OPTIONS).card;
const OUTCOMES = Array.from({ length: 12 }, (_, i) => ({
  accountId: `A-${i}`,
  cured: i % 3 === 0,
  rolledForward: i % 4 === 0,
  collected: i % 3 === 0 ? "120.50" : 0,
}));

/** Valid arguments of every exported function (raw JSON is mutated; compiled objects are opaque). */
const API_CALLS: Record<
  string,
  {
    args: () => unknown[];
    call: (...a: any[]) => unknown;
    async?: boolean;
    /** Consumes the caller's iterable: that iterable's own exceptions pass through, unchanged. */
    passthrough?: boolean;
    /** Writes into this argument by contract (applyScores fills the score facts). */
    writes?: number;
  }
> = {
  ArrearsError: {
    args: () => ["INVALID_INPUT", [{ path: ["a", 1], message: "bad", received: "x" }], "ctx"],
    call: (code, issues, ctx) => new api.ArrearsError(code, issues, ctx),
  },
  parseAccount: { args: () => [acct()], call: api.parseAccount },
  safeParseAccount: { args: () => [acct()], call: api.safeParseAccount },
  deriveDelinquency: {
    args: () => [acct(), { asOf, graceDays: 3, tolerance: "1.00", scheme: "us-cycle" }],
    call: api.deriveDelinquency,
  },
  bucketFor: { args: () => ["us-cycle", 45, "revolving"], call: api.bucketFor },
  loadBucketScheme: { args: () => [cloneJson(BUCKET_FILES[0]!.json)], call: api.loadBucketScheme },
  summarizeContacts: {
    args: () => [acct(), { asOf, unreachable: { failedAttempts: 5, invalidNumberAttempts: 2 } }],
    call: api.summarizeContacts,
  },
  promiseStatus: { args: () => [acct(), { asOf, graceDays: 2 }], call: api.promiseStatus },
  deriveFacts: {
    args: () => [acct(), { asOf, scheme: "cn-m", graceDays: 1, tolerance: "0.50", promiseGraceDays: 2 }],
    call: api.deriveFacts,
  },
  score: { args: () => [cloneJson(SCORECARD_FILES[0]!.json), cloneJson(A.facts)], call: api.score },
  loadScorecard: { args: () => [cloneJson(SCORECARD_FILES[1]!.json)], call: api.loadScorecard },
  loadSegmentation: { args: () => [cloneJson(SEGMENTATION_FILES[0]!.json)], call: api.loadSegmentation },
  loadScoring: { args: () => [{ risk: cloneJson(SCORECARD_FILES[0]!.json) }], call: api.loadScoring },
  applyScores: { args: () => [opaque(api.loadScoring()), cloneJson(A.facts)], call: api.applyScores, writes: 1 },
  explainSegment: {
    args: () => [cloneJson(SEGMENTATION_FILES[0]!.json), cloneJson(A.facts)],
    call: api.explainSegment,
  },
  checkContact: {
    args: () => [
      cloneJson(GUARDRAIL_FILES[0]!.json),
      acct(),
      { channel: "call", at: "2026-11-23T22:30:00+08:00", purpose: "collection", thirdParty: false },
    ],
    call: api.checkContact,
  },
  loadGuardrailProfile: { args: () => [cloneJson(GUARDRAIL_FILES[1]!.json)], call: api.loadGuardrailProfile },
  loadPolicy: { args: () => [cloneJson(POLICY_FILES[0]!.json), { jitless: false }], call: api.loadPolicy },
  evaluatePolicy: { args: () => [POLICIES[0], cloneJson(A.facts), { trace: "fired" }], call: api.evaluatePolicy },
  checkPolicy: { args: () => [POLICIES[2], {}], call: api.checkPolicy },
  arrangementStatus: { args: () => [acct(), { asOf }], call: api.arrangementStatus },
  reageEligibility: { args: () => [acct(), { asOf, rules: "us-ffiec-open-end" }], call: api.reageEligibility },
  loadReageRules: { args: () => [cloneJson(api.shippedRuleFile("reaging", "cn-policy"))], call: api.loadReageRules },
  offerToArrangement: {
    args: () => [
      api.buildOffer({ kind: "installments", counts: [3] }, acct(), { asOf }),
      { id: "A1", agreedOn: "2026-11-23" },
    ],
    call: api.offerToArrangement,
  },
  decide: {
    args: () => [
      POLICIES[1],
      acct(),
      { asOf, trace: "all", render: true, variant: "v", lender: { name: "L", phone: "1" } },
    ],
    call: api.decide,
  },
  routePolicies: { args: () => [[POLICIES[0], POLICIES[1], POLICIES[2]]], call: api.routePolicies },
  isPolicyRouter: { args: () => [ROUTER], call: api.isPolicyRouter },
  shippedRuleFile: { args: () => ["templates", "sms-reminder"], call: api.shippedRuleFile },
  shippedRuleFiles: { args: () => [], call: api.shippedRuleFiles },
  planInstallments: {
    args: () => [
      { amount: "1000.00", count: 3, firstDueDate: "2026-01-31", currency: "USD", frequency: "monthly", rate: "0.1" },
    ],
    call: api.planInstallments,
  },
  planDeferral: { args: () => [{ account: acct(), months: 2, asOf }], call: api.planDeferral },
  settlementOffer: {
    args: () => [{ account: acct(), maxDiscount: "0.3", floor: "0.6", asOf }],
    call: api.settlementOffer,
  },
  waiveFees: { args: () => [{ account: acct(), components: ["penaltyInterest"] }], call: api.waiveFees },
  buildOffer: {
    args: () => [{ kind: "installments", counts: [3, 6, 12], maxIncomeShare: 0.4 }, acct(), { asOf }],
    call: api.buildOffer,
  },
  assessAffordability: {
    args: () => [{ installment: "350.00", monthlyIncome: "1000.00", maxIncomeShare: 0.35, currency: "USD" }],
    call: api.assessAffordability,
  },
  renderMessage: {
    args: () => [
      TEMPLATES[0],
      cloneJson(A.decision),
      { locale: "zh-CN", lender: { name: "L", paymentMethods: ["a"] }, deadlineDays: 7 },
    ],
    call: api.renderMessage,
  },
  loadTemplate: { args: () => [cloneJson(TEMPLATE_FILES[2]!.json)], call: api.loadTemplate },
  formatMoney: { args: () => ["1234.5", "CNY", "zh-CN"], call: api.formatMoney },
  formatDate: { args: () => ["2026-11-23", "en-GB"], call: api.formatDate },
  decideMany: {
    args: () => [ROUTER, [acct(), { id: "bad" }], { asOf }],
    call: (p, accounts, o) => [...api.decideMany(p, accounts, o)],
    passthrough: true,
  },
  decideManyAsync: {
    args: () => [POLICIES[0], [acct()], { asOf }],
    call: async (p, accounts, o) => {
      const out = [];
      for await (const x of api.decideManyAsync(p, accounts, o)) out.push(x);
      return out;
    },
    async: true,
    passthrough: true,
  },
  isDecisionError: { args: () => [cloneJson(errorEntry)], call: api.isDecisionError },
  summarizePortfolio: {
    args: () => [[cloneJson(A.decision), cloneJson(errorEntry)]],
    call: api.summarizePortfolio,
    passthrough: true,
  },
  loadExperiment: { args: () => [cloneJson(EXPERIMENT)], call: api.loadExperiment },
  assignVariant: { args: () => [cloneJson(EXPERIMENT), "A-1"], call: api.assignVariant },
  loadPolicySet: {
    args: () => [{ experiment: cloneJson(EXPERIMENT), policies: { champion: POLICIES[0], challenger: POLICIES[1] } }],
    call: api.loadPolicySet,
  },
  decideWithExperiment: {
    args: () => [
      { experiment: cloneJson(EXPERIMENT), policies: { champion: POLICIES[0], challenger: POLICIES[1] } },
      acct(),
      { asOf },
    ],
    call: api.decideWithExperiment,
  },
  comparePolicies: {
    args: () => [POLICIES[0], POLICIES[1], [acct(), acct()], { asOf, examplesPerCell: 2 }],
    call: api.comparePolicies,
  },
  rollRates: {
    args: () => [
      { asOf: "2026-10-31", accounts: [acct()] },
      { asOf: "2026-11-30", accounts: [acct()] },
      { scheme: "us-cycle", graceDays: 1 },
    ],
    call: api.rollRates,
  },
  fitScorecard: { args: () => [cloneJson(FIT_ROWS), cloneJson(FIT_OPTIONS)], call: api.fitScorecard },
  evaluateScorecard: {
    args: () => [cloneJson(FIT_CARD), cloneJson(FIT_ROWS), { target: "defaulted" }],
    call: api.evaluateScorecard,
  },
  calibrateScorecard: {
    args: () => [cloneJson(FIT_CARD), cloneJson(FIT_ROWS), { target: "defaulted", method: "intercept", id: "cal" }],
    call: api.calibrateScorecard,
  },
  scorecardStability: {
    args: () => [cloneJson(FIT_CARD), cloneJson(FIT_ROWS), cloneJson(FIT_ROWS.slice(0, 30)), { bands: 4 }],
    call: api.scorecardStability,
  },
  formatReport: {
    args: () => [api.scorecardStability(FIT_CARD, FIT_ROWS, FIT_ROWS.slice(0, 30))],
    call: api.formatReport,
  },
  experimentResults: {
    args: () => [cloneJson(EXPERIMENT), cloneJson(OUTCOMES), { currency: "CNY", confidence: 0.9 }],
    call: api.experimentResults,
  },
  sampleSizeForLift: { args: () => [{ baseRate: 0.3, lift: 0.05, ratio: 0.25 }], call: api.sampleSizeForLift },
  roundAmount: { args: () => ["12.345", "USD"], call: api.roundAmount },
  addAmounts: { args: () => ["USD", "0.10", "0.20", 3], call: api.addAmounts },
  subtractAmounts: { args: () => ["USD", "1.00", "0.35"], call: api.subtractAmounts },
  compareAmounts: { args: () => ["10.00", 9.99], call: api.compareAmounts },
  toMinorUnits: { args: () => ["123.45", "USD"], call: api.toMinorUnits },
  fromMinorUnits: { args: () => [12345, "KWD"], call: api.fromMinorUnits },
  minorDigits: { args: () => ["KWD"], call: api.minorDigits },
  isKnownCurrency: { args: () => ["XYZ"], call: api.isKnownCurrency },
};

/** The function names of the root entry (values that are not functions are data, not fuzzed). */
export const API_FUNCTIONS = Object.keys(API_CALLS);

const apiArb = fc.record({ fn: fc.nat(API_FUNCTIONS.length - 1), mutations: mutationsArb(4) });

/** True when `target` is `from` or inside it (plain data only, a bounded walk). */
function reaches(from: unknown, target: unknown): boolean {
  if (typeof target !== "object" || target === null) return false;
  const seen = new Set<unknown>();
  const stack = [from];
  while (stack.length > 0 && seen.size < 100_000) {
    const v = stack.pop();
    if (v === target) return true;
    if (typeof v !== "object" || v === null || seen.has(v) || isOpaque(v)) continue;
    seen.add(v);
    try {
      for (const k of Object.keys(v)) {
        const d = Object.getOwnPropertyDescriptor(v, k);
        if (d && "value" in d) stack.push(d.value);
      }
    } catch {
      /* a proxy: not walked */
    }
  }
  return false;
}

function apiTarget(): Target {
  return {
    name: "api",
    async run(h, seed, index) {
      const c = sampleOne(apiArb, caseSeed(seed, "api", index));
      const name = API_FUNCTIONS[c.fn]!;
      const spec = API_CALLS[name]!;
      const args = mutateArgs(spec.args(), c.mutations, {
        ...RULE_VOCAB,
        words: [...RULE_VOCAB.words, ...ACCOUNT_VOCAB.words],
      });
      // The argument a function writes (applyScores' facts) is not checked, nor any argument a
      // mutation made reach it (a cycle that puts the facts inside the scoring).
      const written = spec.writes === undefined ? undefined : args[spec.writes];
      const checked =
        spec.writes === undefined ? args : args.filter((a, i) => i !== spec.writes && !reaches(a, written));
      h.begin({ target: "api", index, shape: `${name} mutations=${describeMutations(c.mutations)}` }, checked);
      if (spec.async) await h.callAsync(name, () => spec.call(...args) as Promise<unknown>, spec.passthrough);
      else {
        const r = h.call(name, () => spec.call(...args), spec.passthrough);
        if (r.ok) h.markValid();
      }
    },
  };
}

export const TARGETS: Record<string, Target> = Object.fromEntries(
  [
    accountsTarget(),
    policiesTarget(),
    templatesTarget(),
    guardrailsTarget(),
    scorecardsTarget(),
    segmentationsTarget(),
    bucketsTarget(),
    experimentsTarget(),
    apiTarget(),
  ].map((t) => [t.name, t]),
);

/** Runs `count` cases of a target (from `start`); awaits only async cases. */
export async function runTarget(h: Harness, name: string, seed: number, count: number, start = 0): Promise<void> {
  const t = TARGETS[name]!;
  for (let i = start; i < start + count; i++) {
    try {
      const r = t.run(h, seed, i);
      if (r instanceof Promise) await r;
      h.end();
    } catch (e) {
      // Building the case failed (a bug of the fuzz itself): report it, go on.
      h.current = { target: name, index: i, shape: h.current.index === i ? h.current.shape : "(not built)" };
      h.fail(
        "harness",
        "(fuzz)",
        e instanceof Error ? `${e.name}: ${e.message.slice(0, 100)}` : String(e),
        String(e),
        e,
      );
    }
  }
}
