/**
 * Property test: every contact the shipped policies recommend (routed by jurisdiction with
 * routePolicies, at varied instants), the action and each alongside action that contacts
 * someone, at its earliestAt, breaks no rule of the profiles that apply, as judged by the
 * independent checker of ./oracle.ts (written from docs/compliance.md, not calling
 * src/guardrails). No CNY account is ever decided under a non-CN policy.
 *
 * ARREARS_ORACLE_N sets the number of accounts (default 2000 in `npm test`; `npm run
 * test:oracle` runs 100,000).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type DecidedAction, type Decision, decide, loadPolicy, routePolicies } from "../../src/index.js";
import { type Contact, generate, rng, violations } from "./oracle.js";

const N = Number(process.env.ARREARS_ORACLE_N ?? 2000);
const SEED = Number(process.env.ARREARS_ORACLE_SEED ?? 20261123);
const POLICIES = ["us-default", "cn-default", "gb-default"] as const;
const router = routePolicies(POLICIES.map((id) => loadPolicy(id)));
// The policy data (not the engine) says each action's channel, purpose and party.
const ACTIONS: Record<string, Record<string, { channel?: string; purpose?: string; party?: string }>> = {};
const META: Record<string, { jurisdictions: string[]; currency: string }> = {};
for (const id of POLICIES) {
  const p = JSON.parse(readFileSync(new URL(`../../rules/policies/${id}.json`, import.meta.url), "utf8"));
  ACTIONS[id] = p.actions;
  META[id] = { jurisdictions: p.jurisdictions, currency: p.currency };
}

describe("the independent compliance oracle", () => {
  it(`finds no violation in the contacts recommended for ${N} generated accounts (CN, US incl. US-MA and US-NY, GB)`, () => {
    const r = rng(SEED);
    const started = performance.now();
    const stats = {
      accounts: 0,
      decided: 0,
      notApplicable: 0,
      contacts: 0,
      byJurisdiction: {} as Record<string, number>,
    };
    const found: string[] = [];
    for (let i = 0; i < N; i++) {
      const { account, asOf } = generate(i, r);
      const d: Decision = decide(router, account as never, { asOf, render: false } as never);
      stats.accounts++;
      const country = (account.jurisdiction as string).slice(0, 2);
      if (d.policy === null || d.notApplicable) {
        stats.notApplicable++;
        if (d.action.contact) found.push(`${account.id}: not applicable but contacts (${d.action.type})`);
        continue;
      }
      stats.decided++;
      const meta = META[d.policy.id]!;
      // Never a foreign policy: the policy covers the jurisdiction and is in the account's currency.
      if (meta.currency !== account.currency || !meta.jurisdictions.includes(country))
        found.push(`${account.id}: ${account.jurisdiction}/${account.currency} decided under ${d.policy.id}`);
      if (account.currency === "CNY" && d.policy.id !== "cn-default")
        found.push(`${account.id}: CNY decided under ${d.policy.id}`);
      const all: DecidedAction[] = [d.action, ...(d.action.alongside ?? [])];
      for (const a of all) {
        if (!a.contact) continue;
        const def = ACTIONS[d.policy.id]![a.type]!;
        const x: Contact = {
          channel: a.channel ?? def.channel!,
          purpose: def.purpose ?? "collection",
          party: a.party,
          partyId: a.partyId,
          atMs: Date.parse(a.earliestAt),
        };
        stats.contacts++;
        stats.byJurisdiction[account.jurisdiction] = (stats.byJurisdiction[account.jurisdiction] ?? 0) + 1;
        const v = violations(account, x);
        if (v.length > 0 && found.length < 20)
          found.push(
            `${account.id} ${account.jurisdiction} asOf ${asOf}: ${a.type} ${x.channel}/${x.purpose} at ${a.earliestAt} breaks ${v.join(", ")}\n  ${JSON.stringify(account)}`,
          );
        else if (v.length > 0) found.push(account.id);
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `oracle: ${stats.accounts} accounts (${stats.decided} decided, ${stats.notApplicable} not applicable), ${stats.contacts} recommended contacts checked, ${found.length} violations, ${seconds} s; contacts by jurisdiction ${JSON.stringify(stats.byJurisdiction)}`,
    );
    expect(found.slice(0, 20)).toEqual([]);
    expect(stats.contacts).toBeGreaterThan(N / 3);
    for (const j of ["CN", "US-MA", "US-NY", "GB-ENG", "GB-SCT"])
      expect(stats.byJurisdiction[j] ?? 0, j).toBeGreaterThan(0);
  }, 1_800_000);
});
