/**
 * Helpers for the worked compliance cases (test/compliance/<profile-id>/): terse accounts and
 * contacts, and checks through the public entry. Every test name starts with the ids of the
 * rules it proves, in brackets (`[call-frequency-7-in-7] US-CF-1: …`): docs/gen-compliance.ts
 * reads them to build the rule → source → test table of docs/compliance.md.
 */
import { limitationStatus } from "../../src/guardrails/limitation.js";
import {
  type CheckContactOptions,
  type ContactCheckResult,
  checkContact,
  deriveDelinquency,
  type LimitationStatus,
  loadGuardrailProfile,
  parseAccount,
  shippedRuleFile,
} from "../../src/index.js";
import { prepareAccount } from "../../src/model/index.js";
import { resolveAsOf } from "../../src/time/index.js";

export type Json = Record<string, unknown>;

/** A shipped profile's JSON by id (or several, applied together). */
export const profile = (id: string): unknown => shippedRuleFile("guardrails", id);

/** An account in arrears (45 days, a snapshot) with what the case needs. */
export function account(
  zone: string,
  jurisdiction: string,
  currency: string,
  parts: { contacts?: Json[]; borrower?: Json; events?: Json[]; extra?: Json } = {},
): Json {
  return {
    id: "C1",
    product: "installment",
    currency,
    openedOn: "2025-01-01",
    timeZone: zone,
    jurisdiction,
    delinquency: { dpd: 45, overdue: "250.00" },
    ...(parts.borrower ? { borrower: parts.borrower } : {}),
    ...(parts.contacts ? { contacts: parts.contacts } : {}),
    ...(parts.events ? { events: parts.events } : {}),
    ...parts.extra,
  };
}

/** A contact: outbound unless said otherwise. */
export const contact = (at: string, channel: string, outcome: string, extra: Json = {}): Json => ({
  at,
  channel,
  outcome,
  ...extra,
});

/** checkContact through the public entry, under one shipped profile or several stacked. */
export function check(
  ids: string | string[],
  acct: Json,
  options: Omit<CheckContactOptions, "at" | "channel"> & { at: string; channel: CheckContactOptions["channel"] },
): ContactCheckResult {
  const profiles = (Array.isArray(ids) ? ids : [ids]).map(profile);
  return checkContact(profiles.length === 1 ? profiles[0] : profiles, acct, options);
}

export const codes = (r: ContactCheckResult): string[] => r.reasons.map((x) => x.code);
export const required = (r: ContactCheckResult): string[] => r.requirements.map((x) => x.code);

/**
 * The limitation status the decision shows (`decision.limitation`) for an account with `dues`,
 * under shipped profiles: DPD from the dues (no grace), as `decide` computes it.
 */
export function limitation(ids: string[], acct: Json, asOf: string): LimitationStatus | null {
  const a = parseAccount(acct);
  const at = resolveAsOf(asOf, a.timeZone);
  const dpd = deriveDelinquency(a, { asOf }).dpd;
  return limitationStatus(
    ids.map((id) => loadGuardrailProfile(profile(id))),
    prepareAccount(a),
    at,
    a.jurisdiction,
    dpd,
  );
}
