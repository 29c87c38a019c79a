/**
 * Exports that the area tests reach through internal modules, exercised here through the
 * package entry (`arrears`) so the public surface itself is tested.
 */
import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";
import { thrownArrearsError } from "./helpers.js";

describe("public entry: schemas are zod schemas that validate", () => {
  it("primitive and part schemas accept good values and reject bad ones", () => {
    const cases: [keyof typeof api, unknown, unknown][] = [
      ["AmountSchema", "12.50", "-1"],
      ["IsoDateSchema", "2024-02-29", "2025-02-29"],
      ["InstantSchema", "2026-11-23T09:30:00+08:00", "2026-11-23T09:30:00"],
      ["CurrencySchema", "CNY", "RMB"],
      ["TimeZoneSchema", "Asia/Shanghai", "China/Beijing"],
      ["LocaleSchema", "zh-CN", "not a locale"],
      ["ChannelSchema", "sms", "fax"],
      ["ContactOutcomeSchema", "voicemail", "ghosted"],
      ["ContactPurposeSchema", "visit_notice", "party"],
      ["HardshipKindSchema", "medical", "boredom"],
      ["DueSchema", { dueDate: "2026-10-15", amount: "100.00" }, { dueDate: "2026-10-15" }],
      ["PaymentSchema", { date: "2026-10-15", amount: 5 }, { date: "2026-10-15", amount: Number.NaN }],
      ["PromiseSchema", { amount: "50", dueDate: "2026-12-01" }, { amount: "50" }],
      ["BalanceSchema", { principal: "1" }, { principal: "x" }],
      ["OverdueComponentsSchema", { fees: "3" }, { fees: -3 }],
      ["BorrowerFlagsSchema", { disputed: true }, { disputed: "yes" }],
      ["HardshipReportSchema", { kind: "medical", reportedOn: "2026-11-01" }, { kind: "medical" }],
      ["BorrowerSchema", { doNotContact: ["sms"] }, { doNotContact: ["fax"] }],
      [
        "ContactSchema",
        { at: "2026-11-01T10:00:00Z", channel: "call", outcome: "busy" },
        { at: "2026-11-01", channel: "call", outcome: "busy" },
      ],
      ["DelinquencySnapshotSchema", { dpd: 12, overdue: "10" }, { dpd: -1, overdue: "10" }],
    ];
    for (const [name, good, bad] of cases) {
      const schema = api[name] as { safeParse: (v: unknown) => { success: boolean } };
      expect(schema.safeParse(good).success, `${name} accepts ${JSON.stringify(good)}`).toBe(true);
      expect(schema.safeParse(bad).success, `${name} rejects ${JSON.stringify(bad)}`).toBe(false);
    }
    expect(api.AccountSchema.safeParse({}).success).toBe(false);
  });

  it("rule-file schemas validate the shipped files", () => {
    expect(api.PolicyFileSchema.safeParse(api.defaultPolicy).success).toBe(true);
    expect(api.PolicyFileSchema.safeParse({ id: "x" }).success).toBe(false);
    expect(api.ScorecardSchema.safeParse(api.riskBehavioralScorecard).success).toBe(true);
    expect(api.SegmentationSchema.safeParse(api.defaultSegmentation).success).toBe(true);
    expect(api.GuardrailProfileSchema.safeParse(api.guardrailProfiles["cn-2026"]).success).toBe(true);
    expect(api.MessageTemplateSchema.safeParse(api.TEMPLATES["sms-reminder"]).success).toBe(true);
    expect(api.BucketSchemeSchema.safeParse({ id: "x" }).success).toBe(false);
    expect(api.ExperimentSchema.safeParse({ id: "e", salt: "s", variants: [{ name: "a", weight: 1 }] }).success).toBe(
      true,
    );
    expect(api.OfferSpecSchema.safeParse({ kind: "deferral", months: 3 }).success).toBe(true);
    expect(api.OfferSpecSchema.safeParse({ kind: "deferral", months: 0 }).success).toBe(false);
  });
});

describe("public entry: functions", () => {
  it("bucket schemes: load, look up, self-test", () => {
    const scheme = api.loadBucketScheme(api.BUCKET_SCHEMES["cn-m"]);
    expect(api.isBucketScheme(scheme)).toBe(true);
    expect(api.isBucketScheme({})).toBe(false);
    expect(api.bucketFor("cn-m", 31)).toMatchObject({ bucket: "M2", bucketIndex: 2 });
    expect(api.bucketFor("us-cycle", 180, "revolving").chargeOffDue).toBe(true);
    expect(api.bucketFor("us-cycle", 179, "revolving").chargeOffDue).toBe(false);
    expect(api.testBucketScheme("us-cycle").every((t) => t.passed)).toBe(true);
    expect(thrownArrearsError(() => api.bucketFor("cn-m", -1)).issues[0]!.path).toEqual(["dpd"]);
  });

  it("cycle status and limits", () => {
    expect([0, 1, 29, 30, 59, 60, 400].map(api.cycleStatus)).toEqual([0, 1, 1, 2, 2, 3, api.MAX_CYCLE_STATUS]);
    expect(api.CYCLE_HISTORY_MONTHS).toBe(24);
  });

  it("experiments: hashing is the pinned MurmurHash3 and assignment is stable", () => {
    // Reference vector of MurmurHash3 x86 32: "" with seed 0 is 0, "a" with seed 0 is 0x3c2569b2.
    expect(api.murmur3x86_32("")).toBe(0);
    expect(api.murmur3x86_32("a")).toBe(0x3c2569b2);
    expect(api.hashToUnit("a")).toBeCloseTo(0x3c2569b2 / 2 ** 32, 12);
    const exp = api.loadExperiment({
      id: "e1",
      salt: "2026Q4",
      variants: [
        { name: "champion", weight: 9 },
        { name: "challenger", weight: 1 },
      ],
    });
    expect(api.assignVariant(exp, "A-1")).toBe(api.assignVariant(exp, "A-1"));
    expect(thrownArrearsError(() => api.loadExperiment({ id: "e", salt: "s", variants: [] })).code).toBe(
      "INVALID_EXPERIMENT",
    );
  });

  it("message formatting helpers and locale choice", () => {
    expect(api.pickLocale(["zh-CN", "en-US"], "zh-TW")).toBe("zh-CN");
    expect(api.pickLocale(["zh-CN", "en-US"], "fr-FR")).toBe("en-US");
    expect(api.formatList(["bank transfer", "card", "app"], "en-US")).toBe("bank transfer, card, or app");
    expect(api.formatUnit(3, "day", "en-US")).toMatch(/^3 days$/);
    expect(api.MESSAGE_VARIABLES.some((v) => v.name === "amount.overdue")).toBe(true);
    expect(api.ITEM_VARIABLES.map((v) => v.name)).toContain("item.amount");
  });

  it("offer specs, contact constants and error paths", () => {
    expect(api.parseOfferSpec({ kind: "fee_waiver", components: ["fees"] })).toMatchObject({ kind: "fee_waiver" });
    expect(thrownArrearsError(() => api.parseOfferSpec({ kind: "installments", counts: [] })).code).toBe(
      "INVALID_OFFER",
    );
    expect(api.ATTEMPT_CHANNELS).toContain("call");
    expect(api.FAILED_OUTCOMES).toContain("no_answer");
    expect(api.FAILED_OUTCOMES).not.toContain("right_party");
    expect(api.DEFAULT_PROMISE_GRACE_DAYS).toBe(2);
    expect(api.SIGNAL_OPERATORS).toContain("greaterThan");
    expect(api.CONTACT_PURPOSES).toContain("visit_notice");
    expect(api.HARDSHIP_KINDS).toContain("unemployment");
    expect(api.formatPath(["contacts", 3, "at"])).toBe("contacts[3].at");
    expect(api.isParsedAccount({})).toBe(false);
    expect(api.isScorecard(api.loadScorecard(api.riskBehavioralScorecard))).toBe(true);
  });

  it("options schemas reject what the functions reject", () => {
    expect(api.DelinquencyOptionsSchema.safeParse({ asOf: "2026-11-23" }).success).toBe(true);
    expect(api.DelinquencyOptionsSchema.safeParse({ asOf: "2026-11-23", graceDays: -1 }).success).toBe(false);
    expect(api.FactsOptionsSchema.safeParse({ asOf: "yesterday" }).success).toBe(false);
    expect(api.PolicyOptionsSchema.safeParse({ maxDelayHours: 16 }).success).toBe(true);
    expect(api.PolicyTestSchema.safeParse({}).success).toBe(false);
    expect(api.ActionDefinitionSchema.safeParse({ contact: true, description: "call", channel: "call" }).success).toBe(
      true,
    );
    expect(api.ActionDefinitionSchema.safeParse({ contact: true, description: "call" }).success).toBe(false);
    expect(api.CharacteristicSchema.safeParse({}).success).toBe(false);
    expect(api.BucketRangeSchema.safeParse({ label: "M1", min: 1, max: 30 }).success).toBe(true);
    expect(api.BucketSchemeTestSchema.safeParse({ name: "t", dpd: 1, expect: { bucket: "M1" } }).success).toBe(true);
  });

  it("decideManyAsync streams an async source and yields error entries", async () => {
    const policy = api.loadPolicy(api.defaultPolicy);
    async function* source() {
      yield { id: "bad" };
      yield {
        id: "A",
        product: "installment",
        currency: "USD",
        openedOn: "2026-01-01",
        timeZone: "UTC",
        balance: { principal: "100" },
        dues: [{ dueDate: "2026-11-01", amount: "10" }],
      };
    }
    const out: api.BatchItem[] = [];
    for await (const item of api.decideManyAsync(policy, source(), { asOf: "2026-11-23T12:00:00Z" })) out.push(item);
    expect(out).toHaveLength(2);
    expect(api.isDecisionError(out[0]!)).toBe(true);
    expect((out[1] as api.Decision).facts.dpd).toBe(22);
  });
});
