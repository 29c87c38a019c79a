/**
 * The package's public surface, through its entry points: the root holds what an integrator uses
 * (at most 70 values), every value is exercised here through the entry, and `arrears/schemas`
 * holds the zod schemas and enumerations.
 */
import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";
import * as schemas from "../src/schemas.js";
import { synthetic } from "./fitting/synthetic.js";
import { thrownArrearsError } from "./helpers.js";

const account = {
  id: "PUB-1",
  product: "installment",
  currency: "CNY",
  jurisdiction: "CN",
  openedOn: "2026-01-01",
  timeZone: "Asia/Shanghai",
  locale: "zh-CN",
  balance: { principal: "9000.00", penaltyInterest: "12.00" },
  dues: [
    { dueDate: "2026-10-15", amount: "1000.00" },
    { dueDate: "2026-11-15", amount: "1000.00" },
  ],
  payments: [{ date: "2026-10-20", amount: "400.00" }],
  borrower: { name: "张伟", monthlyIncome: "8000.00" },
  contacts: [{ at: "2026-11-20T10:00:00+08:00", channel: "call", outcome: "no_answer" }],
} as const;
const asOf = "2026-11-23T10:00:00+08:00";

// Rows of facts and an outcome, for the fitting functions; a card fitted on them, once.
const rows = synthetic(600, 21);
let fitted: ReturnType<typeof api.fitScorecard> | undefined;
const fittedCard = () =>
  (fitted ??= api.fitScorecard(rows, { id: "pub-risk", target: "defaulted", characteristics: ["dpd", "utilization"] }))
    .card;
const experiment = {
  id: "e",
  salt: "s",
  variants: [
    { name: "a", weight: 1 },
    { name: "b", weight: 1 },
  ],
};

// Each value export and a call that proves it works through the entry.
const EXERCISE: Record<string, () => unknown> = {
  ArrearsError: () => expect(thrownArrearsError(() => api.parseAccount({}))).toBeInstanceOf(api.ArrearsError),
  parseAccount: () => expect(api.parseAccount(account).id).toBe("PUB-1"),
  safeParseAccount: () => expect(api.safeParseAccount({ id: 1 }).success).toBe(false),
  deriveDelinquency: () => expect(api.deriveDelinquency(account, { asOf }).dpd).toBe(39),
  bucketFor: () => expect(api.bucketFor("us-cycle", 180, "revolving").chargeOffDue).toBe(true),
  loadBucketScheme: () => expect(api.loadBucketScheme(api.shippedRuleFile("buckets", "cn-m")).labels[2]).toBe("M2"),
  summarizeContacts: () => expect(api.summarizeContacts(account, { asOf }).attempts.call.last7Days).toBe(1),
  promiseStatus: () => expect(api.promiseStatus(account, { asOf }).promises).toEqual([]),
  arrangementStatus: () => {
    const withPlan = {
      ...account,
      arrangements: [
        {
          id: "A1",
          kind: "installment_plan",
          agreedOn: "2026-11-01",
          schedule: [
            { dueDate: "2026-11-10", amount: "500.00" },
            { dueDate: "2026-12-10", amount: "500.00" },
          ],
        },
      ],
      payments: [...account.payments, { date: "2026-11-10", amount: "500.00" }],
    };
    const s = api.arrangementStatus(withPlan, { asOf }).current!;
    expect([s.status, s.nextDue?.dueDate, s.nextDue?.inDays]).toEqual(["on_track", "2026-12-10", 17]);
  },
  offerToArrangement: () => {
    const offer = api.buildOffer({ kind: "installments", counts: [3] }, account, { asOf });
    const plan = api.offerToArrangement(offer, { id: "A2", agreedOn: "2026-11-23" });
    expect(plan.schedule.map((x) => x.dueDate)).toEqual(["2026-11-30", "2026-12-30", "2027-01-30"]);
  },
  loadReageRules: () =>
    expect(api.loadReageRules(api.shippedRuleFile("reaging", "us-ffiec-open-end")).id).toBe("us-ffiec-open-end"),
  reageEligibility: () => {
    const r = api.reageEligibility(account, { asOf, rules: "cn-policy" });
    expect([r.eligible, r.failed]).toEqual([false, ["qualifying_payments", "arrangement"]]);
  },
  deriveFacts: () => expect(api.deriveFacts(account, { asOf }).dpd).toBe(39),
  FACTS: () => expect(api.FACTS.some((f) => f.name === "dpd")).toBe(true),
  score: () =>
    expect(api.score(api.shippedRuleFile("scorecards", "risk-behavioral"), { dpd: 0 }).score).toBeGreaterThan(0),
  loadScorecard: () => expect(api.loadScorecard(api.shippedRuleFile("scorecards", "hardship")).id).toBe("hardship"),
  loadSegmentation: () =>
    expect(api.loadSegmentation(api.shippedRuleFile("scorecards", "segments")).id).toBe("segments"),
  loadScoring: () => expect(api.loadScoring().risk.id).toBe("risk-behavioral"),
  applyScores: () => {
    const facts = api.deriveFacts(account, { asOf });
    expect(api.applyScores(api.loadScoring(), facts).segment).toBe(facts.segment);
  },
  explainSegment: () =>
    expect(api.explainSegment(api.shippedRuleFile("scorecards", "segments"), { hardshipScore: 0 }).segment).toBe(
      "self_cure",
    ),
  checkContact: () =>
    expect(
      api.checkContact(api.shippedRuleFile("guardrails", "cn-2026"), account, {
        channel: "call",
        at: "2026-11-23T22:30:00+08:00",
      }).allowed,
    ).toBe(false),
  loadGuardrailProfile: () =>
    expect(api.loadGuardrailProfile(api.shippedRuleFile("guardrails", "uk-conc")).id).toBe("uk-conc"),
  loadPolicy: () => expect(api.loadPolicy(api.shippedRuleFile("policies", "cn-default")).meta.id).toBe("cn-default"),
  routePolicies: () => {
    const router = api.routePolicies([api.loadPolicy("cn-default"), api.loadPolicy("us-default")]);
    expect(api.decide(router, account, { asOf }).policy?.id).toBe("cn-default");
    expect(api.decide(router, { ...account, jurisdiction: "FR" }, { asOf }).notApplicable?.code).toBe(
      "NO_POLICY_FOR_JURISDICTION",
    );
  },
  isPolicyRouter: () => {
    expect(api.isPolicyRouter(api.routePolicies([api.loadPolicy("us-default")]))).toBe(true);
    expect(api.isPolicyRouter(api.loadPolicy("us-default"))).toBe(false);
  },
  evaluatePolicy: () => {
    const policy = api.loadPolicy(api.shippedRuleFile("policies", "cn-default"));
    expect(api.evaluatePolicy(policy, api.deriveFacts(account, { asOf })).events.length).toBeGreaterThan(0);
  },
  checkPolicy: () => {
    const policy = api.loadPolicy(api.shippedRuleFile("policies", "cn-default"));
    expect(api.checkPolicy(policy).filter((f) => f.severity === "error")).toEqual([]);
  },
  DOMAIN_OPERATORS: () => expect(api.DOMAIN_OPERATORS.map((o) => o.name)).toContain("inBucket"),
  decide: () => {
    const d = api.decide(api.loadPolicy(api.shippedRuleFile("policies", "cn-default")), account, { asOf });
    expect(d.accountId).toBe("PUB-1");
  },
  shippedRuleFile: () =>
    expect((api.shippedRuleFile("templates", "sms-reminder") as { id: string }).id).toBe("sms-reminder"),
  shippedRuleFiles: () =>
    expect(api.shippedRuleFiles().some((f) => f.kind === "policies" && f.id === "us-default")).toBe(true),
  planInstallments: () =>
    expect(
      api
        .planInstallments({ amount: "1000.00", count: 3, firstDueDate: "2026-01-31", currency: "USD" })
        .installments.map((i) => i.amount),
    ).toEqual(["333.33", "333.33", "333.34"]),
  planDeferral: () => expect(api.planDeferral({ account, months: 2, asOf }).kind).toBe("deferral"),
  settlementOffer: () =>
    expect(api.settlementOffer({ account, maxDiscount: "0.3", floor: "0.6", asOf }).kind).toBe("settlement"),
  waiveFees: () => expect(api.waiveFees({ account, components: ["penaltyInterest"] }).waived.total).toBe("12.00"),
  buildOffer: () => expect(api.buildOffer({ kind: "deferral", months: 3 }, account, { asOf }).kind).toBe("deferral"),
  assessAffordability: () =>
    expect(
      api.assessAffordability({
        installment: "350.00",
        monthlyIncome: "1000.00",
        maxIncomeShare: 0.35,
        currency: "USD",
      }).affordable,
    ).toBe(true),
  renderMessage: () => {
    const d = api.decide(api.loadPolicy(api.shippedRuleFile("policies", "cn-default")), account, { asOf });
    const template = api.loadTemplate(api.shippedRuleFile("templates", "sms-reminder"));
    expect(api.renderMessage(template, d, { account: api.parseAccount(account) }).locale).toBe("zh-CN");
  },
  loadTemplate: () =>
    expect(api.loadTemplate(api.shippedRuleFile("templates", "formal-letter")).id).toBe("formal-letter"),
  formatMoney: () => expect(api.formatMoney("1234.5", "CNY", "zh-CN")).toBe("¥1,234.50"),
  formatDate: () => expect(api.formatDate("2026-11-23", "en-GB")).toBe("23 November 2026"),
  decideMany: () => {
    const policy = api.loadPolicy(api.shippedRuleFile("policies", "cn-default"));
    const items = [...api.decideMany(policy, [account, { id: "bad" }], { asOf })];
    expect(items.map((x) => api.isDecisionError(x))).toEqual([false, true]);
  },
  decideManyAsync: async () => {
    const policy = api.loadPolicy(api.shippedRuleFile("policies", "cn-default"));
    const out = [];
    for await (const x of api.decideManyAsync(policy, [account], { asOf })) out.push(x);
    expect(out).toHaveLength(1);
  },
  isDecisionError: () =>
    expect(
      api.isDecisionError({ accountId: null, index: 0, error: { code: "INVALID_ACCOUNT", message: "", issues: [] } }),
    ).toBe(true),
  summarizePortfolio: () => {
    const policy = api.loadPolicy(api.shippedRuleFile("policies", "cn-default"));
    expect(api.summarizePortfolio(api.decideMany(policy, [account], { asOf })).decisions).toBe(1);
  },
  loadExperiment: () =>
    expect(api.loadExperiment({ id: "e", salt: "s", variants: [{ name: "a", weight: 1 }] }).variants).toHaveLength(1),
  assignVariant: () => {
    const e = api.loadExperiment({
      id: "e",
      salt: "s",
      variants: [
        { name: "a", weight: 1 },
        { name: "b", weight: 1 },
      ],
    });
    expect(api.assignVariant(e, "A-1")).toBe(api.assignVariant(e, "A-1"));
  },
  loadPolicySet: () => {
    const p = api.loadPolicy(api.shippedRuleFile("policies", "cn-default"));
    const set = api.loadPolicySet({
      experiment: { id: "e", salt: "s", variants: [{ name: "a", weight: 1 }] },
      policies: { a: p },
    });
    expect(set.experiment.variants[0]!.name).toBe("a");
  },
  decideWithExperiment: () => {
    const p = api.loadPolicy(api.shippedRuleFile("policies", "cn-default"));
    const set = { experiment: { id: "e", salt: "s", variants: [{ name: "a", weight: 1 }] }, policies: { a: p } };
    expect(api.decideWithExperiment(set, account, { asOf }).variant).toBe("a");
  },
  comparePolicies: () => {
    const p = api.loadPolicy(api.shippedRuleFile("policies", "cn-default"));
    expect(api.comparePolicies(p, p, [account], { asOf }).changed).toBe(0);
  },
  rollRates: () => {
    const r = api.rollRates({ asOf: "2026-10-31", accounts: [account] }, { asOf: "2026-11-30", accounts: [account] });
    expect(r.byBucket.length).toBeGreaterThan(0);
  },
  fitScorecard: () => {
    const { card, report } = api.fitScorecard(rows, {
      id: "pub-risk",
      target: "defaulted",
      characteristics: ["dpd", { fact: "utilization", trend: "ascending" }],
    });
    expect(api.loadScorecard(card).characteristics.map((c) => c.fact)).toEqual(["dpd", "utilization"]);
    expect(report.performance.auc).toBeGreaterThan(0.65);
    expect(api.score(card, { dpd: 100, utilization: 1.2 }).reasons[0]!.code).toBe("R01");
  },
  evaluateScorecard: () =>
    expect(api.evaluateScorecard(fittedCard(), synthetic(400, 22), { target: "defaulted" }).auc).toBeGreaterThan(0.65),
  calibrateScorecard: () => {
    const riskier = synthetic(600, 23, 1);
    const { report } = api.calibrateScorecard(fittedCard(), riskier, { target: "defaulted", method: "intercept" });
    expect(report.intercept).toBeLessThan(0);
    expect(Math.abs(report.after.meanPredicted - report.after.badRate)).toBeLessThan(0.01);
  },
  scorecardStability: () => {
    expect(api.scorecardStability(fittedCard(), rows, rows).score.psi).toBe(0);
    const later = rows.map((r) => ({ ...r, dpd: r.dpd + 90 }));
    expect(api.scorecardStability(fittedCard(), rows, later).status).toBe("shift");
  },
  experimentResults: () => {
    const outcomes = Array.from({ length: 40 }, (_, i) => ({
      accountId: `A-${i}`,
      cured: i % 3 === 0,
      rolledForward: i % 5 === 0,
      collected: i % 3 === 0 ? "100.10" : "0",
    }));
    const r = api.experimentResults(experiment, outcomes, { currency: "CNY" });
    expect(r.variants.reduce((n, v) => n + v.accounts, 0)).toBe(40);
    expect(api.addAmounts("CNY", ...r.variants.map((v) => v.collected))).toBe("1401.40");
    expect(r.comparisons[0]!.cure!.pValue).toBeGreaterThan(0);
  },
  sampleSizeForLift: () => expect(api.sampleSizeForLift({ baseRate: 0.5, lift: 0.1 }).control).toBe(388),
  formatReport: () => {
    expect(api.formatReport(api.scorecardStability(fittedCard(), rows, rows))).toMatch(
      /^stability of pub-risk@1\.0\.0: STABLE/,
    );
    expect(thrownArrearsError(() => api.formatReport({ kind: "nope" } as never)).issues[0]!.path).toEqual(["kind"]);
  },
  roundAmount: () => expect(api.roundAmount("12.345", "USD")).toBe("12.35"),
  addAmounts: () => expect(api.addAmounts("USD", "0.10", "0.20")).toBe("0.30"),
  subtractAmounts: () => expect(api.subtractAmounts("USD", "1.00", "0.35")).toBe("0.65"),
  compareAmounts: () => expect(api.compareAmounts("10.00", 9.99)).toBe(1),
  toMinorUnits: () => expect(api.toMinorUnits("123.45", "USD")).toBe(12345),
  fromMinorUnits: () => expect(api.fromMinorUnits(7n, "JPY")).toBe("7"),
  minorDigits: () => expect(api.minorDigits("KWD")).toBe(3),
  isKnownCurrency: () => expect(api.isKnownCurrency("XYZ")).toBe(false),
};

describe("public entry", () => {
  it("holds at most 70 values, each of them listed and exercised here", () => {
    const values = Object.keys(api).sort();
    expect(values.length).toBeLessThanOrEqual(70);
    expect(values).toEqual(Object.keys(EXERCISE).sort());
  });

  for (const [name, run] of Object.entries(EXERCISE)) it(`${name} works through the entry`, async () => run());
});

describe("arrears/schemas", () => {
  it("primitive and part schemas accept good values and reject bad ones", () => {
    const cases: [keyof typeof schemas, unknown, unknown][] = [
      ["AmountSchema", "12.50", "-1"],
      ["IsoDateSchema", "2024-02-29", "2025-02-29"],
      ["InstantSchema", "2026-11-23T09:30:00+08:00", "2026-11-23T09:30:00"],
      ["CurrencySchema", "CNY", "RMB"],
      ["TimeZoneSchema", "Asia/Shanghai", "China/Beijing"],
      ["LocaleSchema", "zh-CN", "not a locale"],
      ["JurisdictionSchema", "US-NY", "New York"],
      ["ChannelSchema", "sms", "fax"],
      ["ContactOutcomeSchema", "voicemail", "ghosted"],
      ["ContactPurposeSchema", "visit_notice", "party"],
      ["HardshipKindSchema", "medical", "boredom"],
      ["DueSchema", { dueDate: "2026-10-15", amount: "100.00" }, { dueDate: "2026-10-15" }],
      ["PaymentSchema", { date: "2026-10-15", amount: 5 }, { date: "2026-10-15", amount: Number.NaN }],
      ["PromiseSchema", { amount: "50", dueDate: "2026-12-01" }, { amount: "50" }],
      ["BalanceSchema", { principal: "1" }, { principal: "x" }],
      ["BorrowerFlagsSchema", { disputed: true }, { disputed: "yes" }],
      ["HardshipReportSchema", { kind: "medical", reportedOn: "2026-11-01" }, { kind: "medical" }],
      ["BorrowerSchema", { doNotContact: ["sms"] }, { doNotContact: ["fax"] }],
      ["AccountEventSchema", { type: "complaint_opened", on: "2026-11-01" }, { type: "complained", on: "2026-11-01" }],
      ["ArrangementSchema", { id: "a", kind: "installment_plan", agreedOn: "2026-11-01", schedule: [] }, { id: "a" }],
      ["EmergencyContactSchema", { id: "ec1", relationship: "spouse" }, { id: "ec1", relationship: "cousin twice" }],
      [
        "IncomeExpenditureSchema",
        { monthlyIncome: "2000", essentialExpenditure: "1500", completedOn: "2026-11-01" },
        {},
      ],
      [
        "ContactSchema",
        { at: "2026-11-01T10:00:00Z", channel: "call", outcome: "busy" },
        { at: "2026-11-01", channel: "call", outcome: "busy" },
      ],
      ["DelinquencySnapshotSchema", { dpd: 12, overdue: "10" }, { dpd: -1, overdue: "10" }],
      ["AsOfSchema", "2026-11-23", "yesterday"],
    ];
    for (const [name, good, bad] of cases) {
      const schema = schemas[name] as { safeParse: (v: unknown) => { success: boolean } };
      expect(schema.safeParse(good).success, `${name} accepts ${JSON.stringify(good)}`).toBe(true);
      expect(schema.safeParse(bad).success, `${name} rejects ${JSON.stringify(bad)}`).toBe(false);
    }
    expect(schemas.AccountSchema.safeParse({}).success).toBe(false);
  });

  it("rule-file schemas validate the shipped files", () => {
    expect(schemas.PolicyFileSchema.safeParse(api.shippedRuleFile("policies", "us-default")).success).toBe(true);
    expect(schemas.PolicyFileSchema.safeParse({ id: "x" }).success).toBe(false);
    expect(schemas.ScorecardSchema.safeParse(api.shippedRuleFile("scorecards", "risk-behavioral")).success).toBe(true);
    expect(schemas.SegmentationSchema.safeParse(api.shippedRuleFile("scorecards", "segments")).success).toBe(true);
    expect(schemas.GuardrailProfileSchema.safeParse(api.shippedRuleFile("guardrails", "cn-2026")).success).toBe(true);
    expect(schemas.MessageTemplateSchema.safeParse(api.shippedRuleFile("templates", "sms-reminder")).success).toBe(
      true,
    );
    expect(schemas.BucketSchemeSchema.safeParse(api.shippedRuleFile("buckets", "us-cycle")).success).toBe(true);
    expect(
      schemas.ExperimentSchema.safeParse({ id: "e", salt: "s", variants: [{ name: "a", weight: 1 }] }).success,
    ).toBe(true);
    expect(schemas.OfferSpecSchema.safeParse({ kind: "deferral", months: 3 }).success).toBe(true);
    expect(schemas.OfferSpecSchema.safeParse({ kind: "deferral", months: 0 }).success).toBe(false);
  });

  it("options schemas reject what the functions reject", () => {
    expect(schemas.DelinquencyOptionsSchema.safeParse({ asOf: "2026-11-23" }).success).toBe(true);
    expect(schemas.DelinquencyOptionsSchema.safeParse({ asOf: "2026-11-23", graceDays: -1 }).success).toBe(false);
    expect(schemas.FactsOptionsSchema.safeParse({ asOf: "yesterday" }).success).toBe(false);
    expect(schemas.PolicyOptionsSchema.safeParse({ maxDelayHours: 16 }).success).toBe(true);
    expect(schemas.PolicyTestSchema.safeParse({}).success).toBe(false);
  });

  it("enumerations", () => {
    expect(schemas.CHANNELS).toContain("visit");
    expect(schemas.CONTACT_OUTCOMES).toContain("promise_to_pay");
    expect(schemas.CONTACT_PURPOSES).toContain("validation_notice");
    expect(schemas.EVENT_TYPES).toContain("verification_sent");
    expect(schemas.HOLD_STATUSES[0]).toBe("deceased");
    expect(schemas.BORROWER_STATUSES).toContain("vulnerable");
    expect(schemas.HOLD_FLAGS).toEqual(schemas.BORROWER_STATUSES);
    expect(schemas.FACT_NAMES.has("dpd")).toBe(true);
    expect(schemas.MESSAGE_VARIABLES.some((v) => v.name === "amount.overdue")).toBe(true);
    expect(schemas.ITEM_VARIABLES.map((v) => v.name)).toContain("item.amount");
    expect(schemas.SEGMENTS).toContain("hardship");
    expect(schemas.FREQUENCIES).toEqual(["monthly", "biweekly", "weekly"]);
    expect(schemas.WAIVABLE_COMPONENTS).toEqual(["penaltyInterest", "fees"]);
    expect(schemas.ARRANGEMENT_KINDS).toContain("payment_holiday");
    expect(schemas.PARTIES).toContain("emergency_contact");
    expect(schemas.RELATIONSHIPS).toContain("spouse");
    expect(schemas.ACCOUNT_LIMITS.nameLength).toBe(200);
    expect(schemas.CharacteristicSchema.safeParse({}).success).toBe(false);
    expect(schemas.BucketRangeSchema.safeParse({ label: "x", min: 0 }).success).toBe(true);
    expect(schemas.BucketSchemeTestSchema.safeParse({}).success).toBe(false);
    expect(schemas.ActionDefinitionSchema.safeParse({ contact: false, description: "x" }).success).toBe(true);
  });
});
