/**
 * Seeded generator of realistic accounts for the benchmark: 12–36 dues, up to 40 payments,
 * up to 60 contact events, half given as delinquency snapshots. Deterministic for a seed.
 */

import type { z } from "zod";
import type { AccountSchema } from "../src/schemas.js";

// A mutable account input: the generator builds accounts field by field.
type AccountInput = z.input<typeof AccountSchema>;

/** Small fast PRNG (mulberry32): benchmarks must be reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ZONES = ["Asia/Shanghai", "America/New_York", "America/Los_Angeles", "Europe/London", "America/Chicago"];
const JURISDICTIONS: Record<string, string> = {
  "Asia/Shanghai": "CN",
  "America/New_York": "US-NY",
  "America/Los_Angeles": "US-CA",
  "Europe/London": "GB-ENG",
  "America/Chicago": "US-IL",
};
const OUTCOMES = [
  "no_answer",
  "no_answer",
  "no_answer",
  "busy",
  "voicemail",
  "right_party",
  "promise_to_pay",
  "refused",
  "wrong_number",
  "third_party",
] as const;
const CHANNELS = ["call", "call", "call", "call", "sms", "sms", "email", "letter"] as const;

export const BENCH_AS_OF = "2026-11-23T10:00:00Z";

export function generateAccount(i: number, rand: () => number): AccountInput {
  const asOfMs = Date.parse(BENCH_AS_OF);
  const nDues = 12 + Math.floor(rand() * 25);
  const revolving = rand() < 0.35;
  const installmentCents = 5_000 + Math.floor(rand() * 200_000);
  const firstDue = asOfMs - (nDues - 1 - Math.floor(rand() * 3)) * 30 * DAY;
  const openedOn = iso(firstDue - 30 * DAY);
  const dues = Array.from({ length: nDues }, (_, k) => ({
    dueDate: iso(firstDue + k * 30 * DAY),
    amount: (installmentCents / 100).toFixed(2),
  }));
  // Pay most past dues; leave a delinquency of 0–8 cycles.
  const missed = rand() < 0.3 ? 0 : Math.floor(rand() * 9);
  const pastDues = dues.filter((d) => Date.parse(d.dueDate) <= asOfMs).length;
  const paidCount = Math.max(0, Math.min(40, pastDues - missed));
  const payments = Array.from({ length: paidCount }, (_, k) => ({
    date: iso(firstDue + k * 30 * DAY + Math.floor(rand() * 5) * DAY),
    amount: rand() < 0.1 ? ((installmentCents * 0.5) / 100).toFixed(2) : (installmentCents / 100).toFixed(2),
  }));
  const nContacts = Math.floor(rand() * 61);
  const timeZone = ZONES[i % ZONES.length]!;
  const contacts = Array.from({ length: nContacts }, (_, k) => {
    const at = asOfMs - Math.floor(rand() * 60 * DAY) - k * 3_600_000;
    const channel = CHANNELS[Math.floor(rand() * CHANNELS.length)]!;
    const outcome: string =
      channel === "call"
        ? OUTCOMES[Math.floor(rand() * OUTCOMES.length)]!
        : rand() < 0.9
          ? "delivered"
          : "undeliverable";
    const c: Record<string, unknown> = { at: new Date(at).toISOString(), channel, direction: "outbound", outcome };
    if (outcome === "promise_to_pay")
      c.promise = { amount: (installmentCents / 100).toFixed(2), dueDate: iso(at + 5 * DAY) };
    return c;
  });
  const outstandingCents = installmentCents * (nDues - paidCount);
  const account: AccountInput = {
    id: `B${String(i).padStart(8, "0")}`,
    product: revolving ? "revolving" : "installment",
    currency: timeZone === "Asia/Shanghai" ? "CNY" : timeZone === "Europe/London" ? "GBP" : "USD",
    jurisdiction: JURISDICTIONS[timeZone]!,
    openedOn,
    timeZone,
    locale: timeZone === "Asia/Shanghai" ? "zh-CN" : timeZone === "Europe/London" ? "en-GB" : "en-US",
    creditLimit: revolving ? ((outstandingCents * 1.3) / 100).toFixed(2) : undefined,
    balance: {
      principal: ((outstandingCents * 0.85) / 100).toFixed(2),
      interest: ((outstandingCents * 0.1) / 100).toFixed(2),
      penaltyInterest: ((outstandingCents * 0.03) / 100).toFixed(2),
      fees: ((outstandingCents * 0.02) / 100).toFixed(2),
    },
    borrower: {
      monthlyIncome: rand() < 0.7 ? String(2000 + Math.floor(rand() * 8000)) : undefined,
      flags: { disputed: rand() < 0.02, vulnerable: rand() < 0.05 },
      doNotContact: rand() < 0.05 ? ["sms"] : [],
      hardship: rand() < 0.1 ? [{ kind: "medical", reportedOn: iso(asOfMs - 20 * DAY) }] : [],
    },
    contacts: contacts as AccountInput["contacts"],
  };
  if (i % 2 === 1) {
    // Snapshot half: the core system's view instead of dues.
    const dpd = missed === 0 ? 0 : missed * 30 - Math.floor(rand() * 20);
    const cycleHistory = Array.from({ length: 12 }, (_, m) => Math.max(0, Math.min(missed, Math.ceil(dpd / 30)) - m));
    account.delinquency = {
      dpd,
      overdue: ((installmentCents * Math.max(0, pastDues - paidCount)) / 100).toFixed(2),
      cycleHistory,
    };
    delete account.dues;
    account.payments = payments;
  } else {
    account.dues = dues;
    account.payments = payments;
  }
  if (account.creditLimit === undefined) delete account.creditLimit;
  return account;
}

export function generateAccounts(n: number, seed = 42): AccountInput[] {
  const rand = rng(seed);
  return Array.from({ length: n }, (_, i) => generateAccount(i, rand));
}
