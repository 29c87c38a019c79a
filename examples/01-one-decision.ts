/**
 * 01 — one decision, explained. A Shanghai borrower 45 days late who has not answered calls:
 * derive the facts, run the Chinese policy (its jurisdiction and currency), print the action,
 * why, and when it is lawful.
 *
 *   npx tsx examples/01-one-decision.ts
 */

import type { AccountInput } from "../src/index.js";
import { decide, loadPolicy } from "../src/index.js";
import { isMain, type Log } from "./_shared.js";

export const account: AccountInput = {
  id: "CN-000045",
  product: "installment",
  currency: "CNY",
  jurisdiction: "CN",
  openedOn: "2026-01-15",
  timeZone: "Asia/Shanghai",
  locale: "zh-CN",
  balance: { principal: "8400.00", interest: "120.00", penaltyInterest: "35.20", fees: "0.00" },
  dues: [
    { dueDate: "2026-08-15", amount: "1050.00" },
    { dueDate: "2026-09-15", amount: "1050.00" },
    { dueDate: "2026-10-09", amount: "1050.00" },
    { dueDate: "2026-11-09", amount: "1050.00" },
    { dueDate: "2026-12-09", amount: "1050.00" },
  ],
  payments: [
    { date: "2026-08-14", amount: "1050.00" },
    { date: "2026-09-15", amount: "1050.00" },
  ],
  borrower: { name: "王伟", monthlyIncome: "12000.00" },
  contacts: [
    { at: "2026-11-21T10:05:00+08:00", channel: "call", outcome: "no_answer" },
    { at: "2026-11-22T15:40:00+08:00", channel: "call", outcome: "voicemail" },
    { at: "2026-11-22T15:45:00+08:00", channel: "sms", outcome: "delivered", purpose: "reminder" },
  ],
};

export const AS_OF = "2026-11-23T10:00:00+08:00";

export function main(log: Log = console.log): void {
  const policy = loadPolicy("cn-default");
  const d = decide(policy, account, { asOf: AS_OF });
  log(`account ${d.accountId} at ${d.asOf} (policy ${d.policy?.id}@${d.policy?.version})`);
  log(
    `dpd ${d.facts.dpd} (${d.facts.bucket}), overdue ${d.amounts.overdue.total} ${d.amounts.currency} of ${d.amounts.outstanding.total} outstanding`,
  );
  log(
    `risk score ${d.scores?.risk.score} (p=${d.scores?.risk.probability}), segment ${d.scores?.segment ?? "-"}, priority ${d.scores?.priority}`,
  );
  for (const r of d.scores?.risk.reasons ?? [].slice(0, 3)) log(`  reason ${r.code}: ${r.text}`);
  log(
    `action: ${d.action.type}${d.action.channel ? ` via ${d.action.channel}` : ""} (rule ${d.action.rule}), earliest ${d.action.earliestAt}`,
  );
  for (const a of d.action.alongside ?? [])
    log(`  alongside: ${a.type}${a.channel ? ` via ${a.channel}` : ""} (rule ${a.rule})`);
  for (const b of d.blocked) log(`  blocked ${b.type}: ${b.reasons.map((r) => `${r.code} (${r.message})`).join("; ")}`);
  for (const t of d.trace.filter((t) => t.fired))
    log(`  fired ${t.rule} → ${t.event} reading ${JSON.stringify(t.facts)}`);
  const msg = d.action.message as { text?: string } | undefined;
  if (msg?.text) log(`message: ${msg.text}`);
}

if (isMain(import.meta.url)) main();
