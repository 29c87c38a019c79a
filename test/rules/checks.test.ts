import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SAMPLE_AS_OF } from "../../examples/generate-portfolio.js";
import {
  checkPolicy,
  decideMany,
  isDecisionError,
  loadPolicy,
  type PolicyFinding,
  shippedRuleFile,
} from "../../src/index.js";
import { getTemplate, TEMPLATES } from "../../src/messages/index.js";
import { thrownArrearsError } from "../helpers.js";

type Json = Record<string, any>;
const base = (id = "us-default"): Json => structuredClone(shippedRuleFile("policies", id)) as Json;
const templates = Object.fromEntries(Object.keys(TEMPLATES).map((id) => [id, getTemplate(id)]));
const check = (json: Json, options: Parameters<typeof checkPolicy>[1] = {}): PolicyFinding[] =>
  checkPolicy(loadPolicy(json), options);
const codes = (fs: PolicyFinding[], code: string): PolicyFinding[] => fs.filter((f) => f.code === code);
const rule = (name: string, priority: number, type: string, conditions: unknown, params?: Json): Json => ({
  name,
  priority,
  conditions,
  event: params ? { type, params } : { type },
});
const fact = (f: string, operator: string, value: unknown): Json => ({ fact: f, operator, value });
/** The default policy with `extra` rules added and no embedded tests (their checks are tested apart). */
function withRules(...extra: Json[]): Json {
  const p = base();
  p.rules.push(...extra);
  return p;
}

describe("checkPolicy on the shipped policies", () => {
  it("us-default: no errors; contact rules can decide during the holds it has no rule for (GB's)", () => {
    const findings = check(base(), { templates });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    const holds = codes(findings, "CONTACT_DURING_HOLD");
    // Every contact rule except those behind the shared "ladder-open" condition (not on hold), and
    // nothing else.
    const p = base();
    expect(JSON.stringify(p.conditions["ladder-open"])).toContain('{"fact":"onHold","operator":"equal","value":false}');
    const contactRules = (p.rules as Json[])
      .filter((r) => p.actions[r.event.type].contact && !JSON.stringify(r.conditions).includes('"ladder-open"'))
      .map((r) => r.name as string);
    expect(holds.map((f) => f.message.match(/^rule "([^"]+)"/)?.[1])).toEqual(contactRules);
    expect(contactRules).toHaveLength(17);
    for (const f of holds) {
      expect(f.severity).toBe("warning");
      // Each other hold has a rule above the contact rules (or us-reg-f blocks it); only the UK's remain.
      expect(f.message).toMatch(/do not block: breathingSpace, mentalHealthMoratorium \(add a hold rule above it\)$/);
      expect(f.message).toContain("guardrails us-reg-f + us-ma-940cmr");
    }
    // The rest: the rules no embedded test expects, and a shared condition no rule uses.
    expect(findings.filter((f) => f.code !== "CONTACT_DURING_HOLD").map((f) => [f.severity, f.code])).toEqual([
      ["info", "CONDITION_UNUSED"],
      ...Array.from({ length: 6 }, () => ["warning", "RULE_UNTESTED"]),
    ]);
  });

  it("cn-default: letters to a borrower who asked for no calls can go out during holds cn-2026 leaves open", () => {
    const findings = check(base("cn-default"), { templates });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    const holds = codes(findings, "CONTACT_DURING_HOLD");
    expect(holds[0]).toMatchObject({ severity: "warning", path: ["rules", 7] });
    expect(holds[0]!.message).toBe(
      'rule "cease-written-only" (letter) can decide during holds guardrails cn-2026 do not block: breathingSpace, mentalHealthMoratorium, placedWithAgency, ceaseContact, complaintOpen (add a hold rule above it)',
    );
    for (const f of holds) expect(f.message).toContain("breathingSpace");
  });

  it("gb-default: uk-conc blocks breathing space and the moratorium; only the cease-written-only letter is left", () => {
    const holds = codes(check(base("gb-default"), { templates }), "CONTACT_DURING_HOLD");
    expect(holds.map((f) => [f.severity, f.path, f.message])).toEqual([
      [
        "warning",
        ["rules", 8],
        'rule "cease-written-only" (letter) can decide during holds guardrails uk-conc do not block: placedWithAgency, ceaseContact, complaintOpen (add a hold rule above it)',
      ],
    ]);
  });

  it("a hold rule on onHold (or holdReason) settles every hold", () => {
    for (const cond of [fact("onHold", "equal", true), fact("holdReason", "notEqual", null)]) {
      const p = base();
      p.rules.push(rule("any-hold", 93, "hold", { all: [cond] }));
      expect(codes(check(p), "CONTACT_DURING_HOLD")).toEqual([]);
    }
    // A rule on some holds only leaves the others open.
    const p = base();
    p.rules.push(rule("some-holds", 93, "hold", { any: [fact("breathingSpace", "equal", true)] }));
    const found = codes(check(p), "CONTACT_DURING_HOLD");
    expect(found).toHaveLength(17);
    for (const f of found)
      expect(f.message).toMatch(/do not block: mentalHealthMoratorium \(add a hold rule above it\)$/);
  });

  it("a hold the guardrails block is an info, not a warning", () => {
    const p = base();
    p.rules = p.rules.filter((r: Json) => r.name !== "hold-dispute");
    p.tests = p.tests.filter((t: Json) => t.expect.rule !== "hold-dispute");
    const findings = codes(check(p), "CONTACT_DURING_HOLD");
    const call = findings.filter((f) => f.message.startsWith('rule "call-follow-up"'));
    expect(call.map((f) => f.severity)).toEqual(["warning", "info"]);
    expect(call[1]!.message).toBe(
      'rule "call-follow-up" (call) is a candidate during holds guardrails us-reg-f + us-ma-940cmr block, so the decision falls through to later rules: disputed',
    );
    expect(call[0]!.message).not.toContain("disputed");
  });

  // No timing here: timed unit tests flake on a loaded machine (speed belongs in bench/).
  it("is deterministic on a shipped-size policy", () => {
    const policy = loadPolicy(base());
    expect(checkPolicy(policy, { templates })).toEqual(checkPolicy(policy, { templates }));
  });
});

describe("checkPolicy: rules that never fire or never decide", () => {
  it("contradictory conditions", () => {
    const p = withRules(
      rule("never-range", 50, "skip_trace", {
        all: [fact("dpd", "greaterThanInclusive", 30), fact("dpd", "lessThan", 10)],
      }),
      rule("never-bucket", 50, "skip_trace", {
        all: [fact("bucket", "inBucket", ["current"]), fact("dpd", "greaterThan", 0)],
      }),
      rule("never-not", 50, "skip_trace", { not: fact("dpd", "greaterThanInclusive", 0) }),
      rule("never-hardship", 50, "skip_trace", {
        all: [fact("hardshipReported", "equal", false), fact("hardshipKind", "equal", "medical")],
      }),
      rule("never-hold", 50, "skip_trace", {
        all: [fact("onHold", "equal", false), fact("attorneyRepresented", "equal", true)],
      }),
      rule("fine-with-null", 50, "skip_trace", {
        // null passes daysSinceAtLeast and fails lessThan, so it passes not(lessThan).
        all: [
          fact("daysSinceLastLetter", "daysSinceAtLeast", 14),
          { not: fact("daysSinceLastLetter", "lessThan", 20) },
        ],
      }),
    );
    const never = codes(check(p), "RULE_NEVER_FIRES");
    expect(never.map((f) => f.message.match(/"([^"]+)"/)![1])).toEqual([
      "never-range",
      "never-bucket",
      "never-not",
      "never-hardship",
      "never-hold",
    ]);
    // us-default has 46 rules: the first added one is rules[46].
    expect(never[0]).toMatchObject({ severity: "error", path: ["rules", 46, "conditions"] });
    expect(codes(check(base()), "RULE_NEVER_FIRES")).toEqual([]);
  });

  it("charge-off age and grace follow dpd through the scheme", () => {
    const p = withRules(
      // us-cycle: installment charge-off at 120 dpd, revolving at 180; graceDays 5.
      rule("cod-early", 50, "skip_trace", {
        all: [fact("chargeOffDue", "equal", true), fact("dpd", "lessThan", 100)],
      }),
      rule("cod-installment", 50, "skip_trace", {
        all: [
          fact("chargeOffDue", "equal", true),
          fact("dpd", "lessThan", 150),
          fact("product", "equal", "installment"),
        ],
      }),
      rule("grace-late", 50, "skip_trace", { all: [fact("inGrace", "equal", true), fact("dpd", "greaterThan", 5)] }),
    );
    const never = codes(check(p), "RULE_NEVER_FIRES").map((f) => f.message.match(/"([^"]+)"/)![1]);
    expect(never).toEqual(["cod-early", "grace-late"]);
  });

  it("a rule every firing of which an earlier non-contact rule takes", () => {
    const p = withRules(
      rule("dispute-again", 20, "dispute_hold", { all: [fact("disputed", "equal", true)] }),
      // Split between two earlier rules: below 50 dpd and from 50 on.
      rule("low", 91, "legal_review", { all: [fact("dpd", "lessThan", 50), fact("refusals90d", "greaterThan", 2)] }),
      rule("high", 91, "legal_review", {
        all: [fact("dpd", "greaterThanInclusive", 50), fact("refusals90d", "greaterThan", 2)],
      }),
      rule("any-refusal", 30, "skip_trace", { all: [fact("refusals90d", "greaterThanInclusive", 3)] }),
    );
    const shadowed = codes(check(p), "RULE_SHADOWED");
    expect(shadowed.map((f) => f.message)).toEqual([
      'rule "dispute-again" never decides: whenever it fires, an earlier rule is chosen (hold-dispute)',
      'rule "any-refusal" never decides: whenever it fires, an earlier rule is chosen (low, high)',
    ]);
    expect(shadowed[0]).toMatchObject({ severity: "warning", path: ["rules", 46] });
    expect(codes(check(base()), "RULE_SHADOWED")).toEqual([]);
  });

  it("a contact rule under an earlier contact on the same channel and purpose; not under another channel", () => {
    // On the whole us-default ladder these rules have too many combinations to analyse (an
    // ANALYSIS_SKIPPED info each); its hold rules and e-mail reminder keep the point.
    const p = base();
    p.rules = [
      ...p.rules.filter((r: Json) => r.priority >= 92 || r.name === "email-reminder"),
      rule("sms-any", 26, "send_sms_reminder", { all: [fact("dpd", "greaterThanInclusive", 1)] }),
      rule("sms-late", 24, "send_sms_reminder", { all: [fact("dpd", "greaterThanInclusive", 60)] }),
      rule("email-late", 24, "send_email_reminder", { all: [fact("dpd", "greaterThanInclusive", 60)] }),
    ];
    p.tests = [];
    const findings = check(p);
    const shadowed = codes(findings, "RULE_SHADOWED").map((f) => f.message.match(/"([^"]+)"/)![1]);
    // email-reminder itself (priority 25) is not shadowed by sms-any: another channel may be blocked alone.
    expect(shadowed).toEqual(["sms-late"]);
    expect(codes(findings, "ANALYSIS_SKIPPED")).toEqual([]);
  });

  it("is sound: on 3,000 accounts no reported rule fires or decides", () => {
    const p = withRules(
      rule("dispute-again", 20, "dispute_hold", { all: [fact("disputed", "equal", true)] }),
      rule("sms-any", 26, "send_sms_reminder", { all: [fact("dpd", "greaterThanInclusive", 1)] }),
      rule("sms-late", 24, "send_sms_reminder", { all: [fact("dpd", "greaterThanInclusive", 60)] }),
      rule("never", 50, "skip_trace", { all: [fact("bucket", "inBucket", ["1-29"]), fact("dpd", "greaterThan", 29)] }),
    );
    const policy = loadPolicy(p);
    const findings = checkPolicy(policy);
    const named = (code: string) => new Set(codes(findings, code).map((f) => f.message.match(/^rule "([^"]+)"/)![1]));
    const never = named("RULE_NEVER_FIRES");
    const shadowed = named("RULE_SHADOWED");
    expect([...never, ...shadowed].sort()).toEqual(["dispute-again", "never"]);
    // Under the whole us-default ladder the SMS pair has too many combinations: not analysed, not
    // reported (the trimmed ladder above shows sms-late shadowed).
    expect(codes(findings, "ANALYSIS_SKIPPED").map((f) => f.message.match(/^rule "([^"]+)"/)![1])).toEqual([
      "sms-any",
      "sms-late",
    ]);
    const accounts = JSON.parse(
      readFileSync(new URL("../../examples/data/sample-portfolio.json", import.meta.url), "utf8"),
    ) as unknown[];
    let firedChecked = 0;
    for (const d of decideMany(policy, accounts, { asOf: SAMPLE_AS_OF })) {
      if (isDecisionError(d)) continue;
      for (const t of d.trace) expect(never.has(t.rule), t.rule).toBe(false);
      expect(shadowed.has(d.action.rule), d.action.rule).toBe(false);
      firedChecked += d.trace.length;
    }
    expect(firedChecked).toBeGreaterThan(3000);
  }, 60_000);

  it("gives up on a rule with too many combinations instead of hanging", () => {
    const numeric = ["callAttempts7d", "callAttempts30d", "smsSent7d", "emailsSent7d", "lettersSent30d", "visits30d"];
    const more = ["contactAttempts7d", "inboundContacts30d", "rightPartyContacts7d", "refusals90d", "disputes90d"];
    const more2 = ["complaints90d", "promisesMade90d", "promisesBroken90d"];
    const any = [...numeric, ...more, ...more2].map((f) => ({
      any: [fact(f, "equal", 0), fact(f, "greaterThan", 5)],
    }));
    const p = withRules(rule("huge", 50, "skip_trace", { all: any }));
    const skipped = codes(check(p), "ANALYSIS_SKIPPED");
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.message).toMatch(/^rule "huge": too many combinations/);
  });
});

describe("checkPolicy: buckets, references, catalogue, templates, offers, tests", () => {
  it("buckets no delinquency rule can decide in", () => {
    const p = base();
    // Keep the hold rules (none reads dpd); the delinquency rules only up to 59 days.
    p.rules = [
      ...p.rules.filter((r: Json) => r.priority >= 92),
      rule("early-call", 40, "call_borrower", { all: [fact("dpd", "between", [1, 59])] }),
    ];
    p.tests = [];
    const uncovered = codes(check(p), "BUCKET_UNCOVERED");
    expect(uncovered.map((f) => [f.severity, f.message.match(/^bucket "([^"]+)"/)![1]])).toEqual([
      ["info", "current"],
      ["warning", "60-89"],
      ["warning", "90-119"],
      ["warning", "120-149"],
      ["warning", "150-179"],
      ["warning", "180+"],
    ]);
    expect(uncovered[1]!.message).toContain("(dpd 60–89) of us-cycle");
    // The shipped ladder decides in every bucket.
    expect(codes(check(base()), "BUCKET_UNCOVERED")).toEqual([]);
  });

  it("references are resolved by loadPolicy: an unknown one makes the policy invalid", () => {
    const p = base();
    p.guardrails = "us-reg-g";
    p.scorecards.risk = "risk-behavioural";
    p.actions.send_sms_reminder.template = "sms-reminders";
    const e = thrownArrearsError(() => loadPolicy(p));
    expect(e.code).toBe("INVALID_POLICY");
    expect(e.issues.map((i) => i.path.join(".")).sort()).toEqual([
      "actions.send_sms_reminder.template",
      "guardrails",
      "scorecards.risk",
    ]);
    expect(e.message).toContain('guardrails: unknown guardrail profile; did you mean "us-reg-f"?');
  });

  it("a template written for another channel", () => {
    // loadPolicy refuses it outright…
    const p = base();
    p.actions.send_sms_reminder.template = "email-reminder";
    expect(thrownArrearsError(() => loadPolicy(p)).message).toContain(
      "actions.send_sms_reminder.template: template email-reminder is for channel email, the action uses sms",
    );
    // …so checkPolicy reports it against the templates the caller will render with.
    const rendered = { ...templates, "sms-reminder": templates["email-reminder"]! };
    expect(codes(check(base(), { templates: rendered }), "TEMPLATE_CHANNEL")).toEqual([
      {
        code: "TEMPLATE_CHANNEL",
        severity: "warning",
        path: ["actions", "send_sms_reminder", "template"],
        message: 'action "send_sms_reminder" goes out via sms but template "sms-reminder" is written for email',
      },
    ]);
    expect(codes(check(base(), { templates }), "TEMPLATE_CHANNEL")).toEqual([]);
  });

  it("a hardship offer without an offer", () => {
    const p = base();
    const r = p.rules.find((x: Json) => x.name === "offer-settlement");
    delete r.event.params;
    const found = codes(check(p, { templates }), "OFFER_MISSING");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(
      /^rule "offer-settlement" emits offer_settlement, a hardship offer, but neither its params.offer nor the action's offer gives one: template "hardship-offer-letter" leaves out its offer part \(offer, /,
    );
    // An action-level offer is an offer.
    p.actions.offer_settlement.offer = { kind: "settlement", maxDiscount: "0.3", floor: "0.6" };
    expect(codes(check(p, { templates }), "OFFER_MISSING")).toEqual([]);
  });

  it("unused actions and shared conditions", () => {
    const p = base();
    p.actions.escalate_to_agency = { contact: false, description: "Place with an agency." };
    p.conditions.unused = { all: [fact("dpd", "greaterThan", 1)] };
    const found = check(p).filter((f) => f.severity === "info");
    // us-default ships one shared condition no rule uses (statutory-notice-due).
    expect(found.map((f) => [f.code, f.path])).toEqual([
      ["ACTION_UNUSED", ["actions", "escalate_to_agency"]],
      ["CONDITION_UNUSED", ["conditions", "statutory-notice-due"]],
      ["CONDITION_UNUSED", ["conditions", "unused"]],
    ]);
  });

  it("rules no embedded test covers: by expect.rule, or by the coverage the caller measured", () => {
    const p = base();
    const untestedShipped = codes(check(p), "RULE_UNTESTED").map((f) => f.message.match(/"([^"]+)"/)![1]);
    expect(untestedShipped).toEqual([
      "unreachable-skip-trace",
      "placement-review",
      "arrangement-broken-letter",
      "first-formal-letter",
      "follow-up-letter",
      "final-notice",
    ]);
    for (const t of p.tests) if (t.expect.rule === "hold-legal") delete t.expect.rule;
    const untested = codes(check(p), "RULE_UNTESTED");
    expect(untested[0]).toEqual({
      code: "RULE_UNTESTED",
      severity: "warning",
      path: ["rules", 3],
      message: 'rule "hold-legal": no embedded test expects it (tests[].expect.rule)',
    });
    expect(untested).toHaveLength(7);
    const all = (p.rules as Json[]).map((r) => r.name as string);
    const measured = codes(check(p, { testedRules: all.filter((n) => n !== "sms-reminder") }), "RULE_UNTESTED");
    expect(measured.map((f) => f.message)).toEqual(['rule "sms-reminder": no embedded test case is decided by it']);
    p.tests = [];
    expect(codes(check(p), "NO_TESTS")).toEqual([
      { code: "NO_TESTS", severity: "warning", path: ["tests"], message: "the policy has no embedded tests" },
    ]);
    expect(codes(check(p), "RULE_UNTESTED")).toEqual([]);
  });

  it("takes only a loaded policy", () => {
    expect(thrownArrearsError(() => checkPolicy(base() as never)).code).toBe("INVALID_POLICY");
  });
});
