// Every template a shipped policy action names (now, and once the ladders are regenerated with
// the vocabulary's templates) exists and renders, in the locale of the policy's jurisdiction, for
// every stage the action declares.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type MessageDecision, renderMessage } from "../../src/index.js";
import { getTemplate, TEMPLATES } from "../../src/messages/index.js";
import { cnDecision, cnLender, gbDecision, gbLender, usDecision, usLender } from "./fixtures.js";

const POLICY_DIR = new URL("../../rules/policies/", import.meta.url);
const LOCALE: Record<
  string,
  { locale: string; decision: MessageDecision; lender: typeof cnLender; profiles: string[] }
> = {
  CN: { locale: "zh-CN", decision: cnDecision, lender: cnLender, profiles: ["cn-2026"] },
  US: { locale: "en-US", decision: usDecision, lender: usLender, profiles: ["us-reg-f"] },
  GB: { locale: "en-GB", decision: gbDecision, lender: gbLender, profiles: ["uk-conc"] },
};

interface ActionDef {
  template?: string;
  purpose?: string;
  params?: Record<string, { values?: unknown[] }>;
}

/** The policy vocabulary's action → template (/work/notes/policy-vocabulary.md), by jurisdiction. */
const VOCABULARY: readonly { action: string; template: string; purpose: string; in: readonly string[] }[] = [
  {
    action: "send_pre_due_reminder",
    template: "pre-due-reminder",
    purpose: "pre_due_reminder",
    in: ["CN", "US", "GB"],
  },
  { action: "send_sms_reminder", template: "sms-reminder", purpose: "reminder", in: ["CN", "US", "GB"] },
  { action: "send_email_reminder", template: "email-reminder", purpose: "reminder", in: ["CN", "US", "GB"] },
  { action: "call_borrower", template: "call-script", purpose: "collection", in: ["CN", "US", "GB"] },
  { action: "send_formal_letter", template: "formal-letter", purpose: "collection", in: ["CN", "US", "GB"] },
  { action: "send_final_notice", template: "final-notice", purpose: "final_notice", in: ["CN", "US", "GB"] },
  { action: "send_letter_of_claim", template: "final-notice", purpose: "letter_of_claim", in: ["GB"] },
  { action: "send_arrears_notice", template: "arrears-notice", purpose: "arrears_notice", in: ["GB"] },
  { action: "send_default_notice", template: "default-notice", purpose: "default_notice", in: ["GB"] },
  { action: "send_debt_advice_signpost", template: "debt-advice-signpost", purpose: "other", in: ["GB"] },
  {
    action: "send_credit_report_notice",
    template: "credit-report-notice",
    purpose: "credit_report_notice",
    in: ["CN"],
  },
  { action: "arrange_visit", template: "visit-appointment", purpose: "visit_appointment", in: ["CN", "GB"] },
  { action: "send_visit_notice", template: "visit-notice", purpose: "visit_notice", in: ["CN", "GB"] },
  { action: "home_visit", template: "visitor-brief", purpose: "collection", in: ["CN", "GB"] },
  { action: "third_party_message", template: "emergency-contact-message", purpose: "location", in: ["CN"] },
  {
    action: "send_placement_notice",
    template: "placement-notice",
    purpose: "placement_notice",
    in: ["CN", "US", "GB"],
  },
  {
    action: "offer_installment_plan",
    template: "hardship-offer-letter",
    purpose: "hardship_offer",
    in: ["CN", "US", "GB"],
  },
];

function renderFor(j: string, template: string, purpose: string | undefined, params: Record<string, unknown>) {
  const fx = LOCALE[j]!;
  const decision: MessageDecision = {
    ...fx.decision,
    action: { ...fx.decision.action, params, ...(purpose ? { purpose } : {}) },
  };
  return renderMessage(getTemplate(template), decision, { lender: fx.lender, profiles: fx.profiles });
}

/** One params object per declared stage value (and noticeDays when declared). */
function paramSets(def: ActionDef): Record<string, unknown>[] {
  const base: Record<string, unknown> = def.params?.noticeDays ? { noticeDays: 7 } : {};
  const stages = def.params?.stage?.values ?? [];
  return stages.length === 0 ? [base] : stages.map((stage) => ({ ...base, stage }));
}

describe("templates of the shipped policies", () => {
  for (const file of readdirSync(POLICY_DIR).filter((f) => f.endsWith(".json"))) {
    const policy = JSON.parse(readFileSync(new URL(file, POLICY_DIR), "utf8")) as {
      id: string;
      jurisdictions: string[];
      actions: Record<string, ActionDef>;
    };
    const j = policy.jurisdictions.find((x) => LOCALE[x]);
    if (!j) continue;
    for (const [type, def] of Object.entries(policy.actions)) {
      if (def.template === undefined) continue;
      it(`${policy.id}: ${type} → ${def.template} renders in ${LOCALE[j]!.locale} for every stage`, () => {
        expect(Object.keys(TEMPLATES)).toContain(def.template);
        for (const params of paramSets(def)) {
          const m = renderFor(j, def.template!, def.purpose, params);
          expect(m.locale).toBe(LOCALE[j]!.locale);
          expect(m.body).not.toMatch(/undefined|NaN|\{\{/);
        }
      });
    }
  }

  for (const v of VOCABULARY)
    for (const j of v.in)
      it(`vocabulary ${v.action} → ${v.template} exists and renders in ${LOCALE[j]!.locale}`, () => {
        expect(Object.keys(TEMPLATES)).toContain(v.template);
        const m = renderFor(j, v.template, v.purpose, {});
        expect(m.locale).toBe(LOCALE[j]!.locale);
        expect(m.body.trim()).not.toBe("");
      });

  it("stage texts differ: the early and follow-up SMS, the first and broken-promise call", () => {
    const sms = (stage: string) => renderFor("CN", "sms-reminder", "reminder", { stage }).body;
    expect(sms("early")).not.toBe(sms("follow_up"));
    const gb = (stage: string) => renderFor("GB", "sms-reminder", "reminder", { stage }).body;
    expect(gb("early")).not.toBe(gb("follow_up"));
    // The broken-promise script cites the promise only when the account shows one broken.
    const account = {
      id: "ACC-2024-001234",
      product: "installment",
      currency: "USD",
      openedOn: "2025-01-10",
      timeZone: "America/New_York",
      balance: { principal: "8500.00" },
      dues: [{ dueDate: "2026-10-09", amount: "1234.50" }],
      contacts: [
        {
          at: "2026-11-09T14:00:00-05:00",
          channel: "call",
          outcome: "promise_to_pay",
          promise: { amount: "600.00", dueDate: "2026-11-16" },
        },
      ],
    };
    const call = (stage: string, withAccount: boolean) =>
      renderMessage(
        getTemplate("call-script"),
        { ...usDecision, action: { params: { stage } } },
        withAccount ? { lender: usLender, account } : { lender: usLender },
      ).body;
    expect(call("broken_promise", true)).toContain("$600.00");
    expect(call("first", true)).not.toContain("$600.00");
    expect(call("broken_promise", false)).toBe(call("first", false));
  });
});
