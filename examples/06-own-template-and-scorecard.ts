/**
 * 06 — a bank's own policy with its own SMS template and its own risk scorecard. The policy
 * names them by id; `loadPolicy(json, { catalogue })` resolves every reference when it loads
 * (a misspelt id fails there, with "did you mean", never later in `decide`).
 *
 *   npx tsx examples/06-own-template-and-scorecard.ts
 */
import { ArrearsError, decide, loadPolicy, shippedRuleFile } from "../src/index.js";
import { account } from "../src/testing/index.js";
import { isMain, type Log } from "./_shared.js";

type Json = Record<string, any>;

/** The bank's SMS: its own wording, same variables and guards as the shipped one. */
export function acmeSms(): Json {
  const t = structuredClone(shippedRuleFile("templates", "sms-reminder")) as Json;
  t.id = "acme-sms";
  t.version = "1.0.0";
  t.description = "ACME Consumer Finance reminder SMS.";
  t.tests = [];
  t.locales = {
    "zh-CN": {
      body: "【ACME消费金融】{{borrower.name}}您好，您的账户（{{account.masked}}）已逾期{{daysOverdue}}，逾期金额{{amount.overdue}}，请于{{deadline}}前还款。如已还款，请忽略本短信。",
      optOutText: "回复TD退订",
      defaults: { "borrower.name": "客户" },
    },
  };
  return t;
}

/** The bank's risk card: the shipped card re-based on its own portfolio (odds 12:1 at 600). */
export function acmeRisk(): Json {
  const s = structuredClone(shippedRuleFile("scorecards", "risk-behavioral")) as Json;
  s.id = "acme-risk";
  s.version = "1.0.0";
  s.description = "ACME behavioural risk card, recalibrated on ACME's 2025 outcomes.";
  s.odds = { ...s.odds, baseOdds: 12 };
  s.tests = [];
  return s;
}

/** cn-default, renamed, pointing at the bank's template and card. */
export function acmePolicyJson(): Json {
  const p = structuredClone(shippedRuleFile("policies", "cn-default")) as Json;
  p.id = "acme-cn";
  p.version = "1.0.0";
  p.description = "ACME's collection ladder for China: cn-default with ACME's SMS and risk card.";
  p.tests = [];
  p.scorecards = { ...p.scorecards, risk: "acme-risk" };
  p.actions.send_sms_reminder.template = "acme-sms";
  return p;
}

export function main(log: Log = console.log): void {
  const catalogue = { templates: [acmeSms()], scorecards: [acmeRisk()] };
  const policy = loadPolicy(acmePolicyJson(), { catalogue });
  const asOf = "2026-11-23T10:00:00+08:00";
  // 20 days late, calls opted out: the ladder falls back to an SMS.
  const a = account()
    .id("ACME-7")
    .asOf(asOf)
    .currency("CNY")
    .timeZone("Asia/Shanghai")
    .locale("zh-CN")
    .jurisdiction("CN")
    .name("李娜")
    .overdue(20)
    .optOut("call")
    .build();
  const d = decide(policy, a, { asOf });
  const shipped = decide(loadPolicy("cn-default"), a, { asOf });
  log(
    `policy ${d.policy?.id}@${d.policy?.version}: ${d.action.type} via ${d.action.channel} (template ${d.action.template})`,
  );
  log(`risk: ACME card ${d.scores?.risk.probability} vs shipped card ${shipped.scores?.risk.probability}`);
  log(`sms: ${(d.action.message as { body: string }).body}`);

  // A misspelt reference fails at load, with its path and a suggestion.
  const broken = acmePolicyJson();
  broken.actions.send_sms_reminder.template = "acme-sm";
  try {
    loadPolicy(broken, { catalogue });
  } catch (e) {
    if (!(e instanceof ArrearsError)) throw e;
    for (const i of e.issues) log(`rejected: ${i.path.join(".")}: ${i.message}`);
  }
}

if (isMain(import.meta.url)) main();
