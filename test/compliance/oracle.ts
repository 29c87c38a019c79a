/**
 * An independent compliance checker, written from the tables of docs/compliance.md (the rules'
 * numbers transcribed by hand below; only the holiday calendars' dates are read from the
 * profiles, as data). It does not call src/guardrails: it reads the account's contact history and
 * events in the borrower's zone with plain code, and says which rules a contact at an instant
 * breaks. Used by oracle.test.ts on every contact the shipped policies recommend.
 */
import { readFileSync } from "node:fs";

type Json = Record<string, any>;
const DAY = 86_400_000;

// ---------- time in the borrower's zone (Intl, cached per zone and hour) ----------

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();
/** Offset (ms) of `zone` at instant `ms`. */
function offsetAt(zone: string, ms: number): number {
  const key = `${zone}|${Math.floor(ms / 3_600_000)}`;
  let off = offsets.get(key);
  if (off === undefined) {
    let f = formatters.get(zone);
    if (!f) {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
      formatters.set(zone, f);
    }
    const hourStart = Math.floor(ms / 3_600_000) * 3_600_000;
    const p: Record<string, number> = {};
    for (const x of f.formatToParts(hourStart)) if (x.type !== "literal") p[x.type] = Number(x.value);
    off = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - hourStart;
    if (offsets.size > 500_000) offsets.clear();
    offsets.set(key, off);
  }
  return off;
}
/** Local calendar day number (days since 1970-01-01 on the wall clock) and minute of the day. */
function local(zone: string, ms: number): { day: number; minute: number; weekday: number } {
  const l = ms + offsetAt(zone, ms);
  const day = Math.floor(l / DAY);
  return { day, minute: Math.floor((l - day * DAY) / 60_000), weekday: ((((day + 3) % 7) + 7) % 7) + 1 };
}
const dayOfIso = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);

// ---------- the calendars (data from the profiles) ----------

const calendar = (profile: string, id: string): Set<number> => {
  const p = JSON.parse(readFileSync(new URL(`../../rules/guardrails/${profile}.json`, import.meta.url), "utf8"));
  return new Set((p.calendars[id].dates as string[]).map(dayOfIso));
};
const US_HOLIDAYS = calendar("us-reg-f", "us-federal-holidays");
const CN_HOLIDAYS = calendar("cn-2026", "cn-public-holidays");
const ENG_HOLIDAYS = calendar("uk-conc", "eng-wls-bank-holidays");
const SCT_HOLIDAYS = calendar("uk-conc", "sct-bank-holidays");

// ---------- holds, from dated events, dispute contacts and flags ----------

type Status =
  | "deceased"
  | "bankrupt"
  | "discharged"
  | "legalHold"
  | "capacity"
  | "breathingSpace"
  | "mentalHealth"
  | "disputed"
  | "attorney"
  | "cease"
  | "complaint"
  | "vulnerable";

const OPENS: Record<string, Status> = {
  dispute_received: "disputed",
  cease_requested: "cease",
  complaint_opened: "complaint",
  bankruptcy_filed: "bankrupt",
  bankruptcy_discharged: "discharged",
  deceased_reported: "deceased",
  attorney_retained: "attorney",
  vulnerability_reported: "vulnerable",
  capacity_concern_raised: "capacity",
};
const CLOSES: Record<string, Status[]> = {
  verification_sent: ["disputed"],
  dispute_withdrawn: ["disputed"],
  cease_withdrawn: ["cease"],
  complaint_resolved: ["complaint"],
  bankruptcy_discharged: ["bankrupt"],
  bankruptcy_dismissed: ["bankrupt"],
  attorney_withdrawn: ["attorney"],
  attorney_consented: ["attorney"],
  vulnerability_cleared: ["vulnerable"],
  capacity_confirmed: ["capacity"],
  breathing_space_ended: ["breathingSpace", "mentalHealth"],
};
const FLAGS: Record<string, Status> = {
  disputed: "disputed",
  bankrupt: "bankrupt",
  deceased: "deceased",
  ceaseContact: "cease",
  vulnerable: "vulnerable",
  complaintOpen: "complaint",
  legalHold: "legalHold",
};

/** Whether `s` holds on local `day`: opened on or before it and not closed on an earlier day. */
function holds(a: Json, s: Status, day: number): boolean {
  const flags = a.borrower?.flags ?? {};
  for (const [f, st] of Object.entries(FLAGS)) if (st === s && flags[f]) return true;
  // Intervals [from, to] (inclusive days), opened and closed by events in date order.
  const events = [...(a.events ?? [])].sort((x: Json, y: Json) => (x.on < y.on ? -1 : x.on > y.on ? 1 : 0));
  const opens: { from: number; to: number }[] = [];
  if (s === "disputed")
    for (const c of a.contacts ?? [])
      if (c.outcome === "dispute") opens.push({ from: local(a.timeZone, Date.parse(c.at)).day, to: Infinity });
  for (const e of events) {
    const d = dayOfIso(e.on);
    if (e.type === "breathing_space_started") {
      // Standard: to the notice's end date, else 60 days (day 1 = the start). Mental health: open-ended.
      if (e.kind === "mental_health" && s === "mentalHealth") opens.push({ from: d, to: Infinity });
      if (e.kind !== "mental_health" && s === "breathingSpace")
        opens.push({ from: d, to: e.until ? dayOfIso(e.until) : d + 59 });
      continue;
    }
    if (e.type === "mental_health_treatment_ended" && s === "mentalHealth") {
      for (const o of opens) if (o.from <= d && o.to > d + 30) o.to = d + 30;
      continue;
    }
    if (CLOSES[e.type]?.includes(s)) for (const o of opens) if (o.from <= d && o.to > d) o.to = d;
    if (OPENS[e.type] === s) opens.push({ from: d, to: Infinity });
  }
  return opens.some((o) => o.from <= day && day <= o.to);
}

// ---------- the contact to judge ----------

/** A recommended contact: who, how, what for, when. */
export interface Contact {
  channel: string;
  purpose: string;
  party: string;
  partyId?: string | undefined;
  atMs: number;
}

const CONVERSATION = new Set(["right_party", "promise_to_pay", "refused", "dispute", "hardship_reported", "complaint"]);
const FAILED = new Set(["no_answer", "busy", "voicemail", "wrong_number", "undeliverable", "third_party"]);
const toBorrower = (c: Json) => (c.party ?? "borrower") === "borrower";
const outbound = (c: Json) => (c.direction ?? "outbound") === "outbound";

/**
 * The rules of the applicable profiles that `x` breaks, as `profile:rule` (empty: lawful). The
 * profiles are those docs/compliance.md lists for the account's jurisdiction: CN → cn-2026;
 * US → us-reg-f, and us-ma-940cmr for a creditor in US-MA; GB → uk-conc.
 */
export function violations(a: Json, x: Contact, role: "creditor" | "debt_collector" = "creditor"): string[] {
  const j: string = a.jurisdiction;
  const zone: string = a.timeZone;
  const out: string[] = [];
  const at = local(zone, x.atMs);
  const history = (a.contacts ?? [])
    .map((c: Json) => ({ ...c, ms: Date.parse(c.at) }))
    .filter((c: Json) => c.ms <= x.atMs)
    .map((c: Json) => ({ ...c, day: local(zone, c.ms).day }));
  const inLastDays = (c: Json, n: number) => c.day >= at.day - n + 1 && c.day <= at.day;
  const held = (s: Status) => holds(a, s, at.day);
  const is = (...chs: string[]) => chs.includes(x.channel);
  const pp = (...ps: string[]) => ps.includes(x.purpose);
  const flag = (id: string, broken: boolean) => {
    if (broken) out.push(id);
  };

  const optedOut: string[] = a.borrower?.doNotContact ?? [];
  const unreachable = (days: number, minFailed: number, channels: string[]) => {
    let failed = 0;
    let lastConv: Json | undefined;
    for (const c of history)
      if (toBorrower(c) && CONVERSATION.has(c.outcome) && (!lastConv || c.ms > lastConv.ms)) lastConv = c;
    for (const c of history)
      if (
        toBorrower(c) &&
        outbound(c) &&
        FAILED.has(c.outcome) &&
        channels.includes(c.channel) &&
        (!lastConv || c.ms > lastConv.ms)
      )
        failed++;
    return failed >= minFailed && (!lastConv || !inLastDays(lastConv, days));
  };
  const emergency = (pfx: string, purposes: string[], needUnreachable: boolean, perPersonDays: number) => {
    const named = (a.borrower?.emergencyContacts ?? []).find((e: Json) => e.id === x.partyId);
    flag(`${pfx}:emergencyContacts(named)`, !named || named.optedOut === true);
    flag(`${pfx}:emergencyContacts(purpose)`, !purposes.includes(x.purpose));
    flag(
      `${pfx}:emergencyContacts(refused)`,
      history.some((c: Json) => c.party === "emergency_contact" && c.partyId === x.partyId && c.outcome === "refused"),
    );
    flag(
      `${pfx}:emergencyContacts(once per ${perPersonDays} days)`,
      history.some(
        (c: Json) =>
          c.party === "emergency_contact" && c.partyId === x.partyId && outbound(c) && inLastDays(c, perPersonDays),
      ),
    );
    if (needUnreachable)
      flag(`${pfx}:emergencyContacts(unreachable)`, !unreachable(30, 10, ["call", "sms", "email", "visit"]));
  };
  const window = (id: string, channels: string[], from: number, to: number, days?: number[]) => {
    if (!is(...channels)) return;
    flag(id, at.minute < from * 60 || at.minute >= to * 60 || (days !== undefined && !days.includes(at.weekday)));
  };
  const count = (pred: (c: Json) => boolean, days: number) =>
    history.filter((c: Json) => inLastDays(c, days) && pred(c)).length;
  const noticeWithin = (channels: string[], purpose: string, minDays: number, validDays: number | null) =>
    history.some(
      (c: Json) =>
        channels.includes(c.channel) &&
        c.purpose === purpose &&
        !FAILED.has(c.outcome) &&
        outbound(c) &&
        c.day <= at.day - minDays &&
        (validDays === null || c.day >= at.day - minDays - validDays + 1),
    );

  if (optedOut.includes(x.channel)) out.push("optOut");

  if (j === "CN") {
    const P = "cn-2026";
    window(`${P}:no-night-collection`, ["call", "sms", "email", "app", "visit"], 8, 22);
    if (is("call")) {
      flag(
        `${P}:unanswered-dials-daily`,
        count(
          (c) =>
            c.channel === "call" &&
            outbound(c) &&
            ["no_answer", "busy", "voicemail", "undeliverable"].includes(c.outcome),
          1,
        ) >= 6,
      );
      flag(
        `${P}:conversations-daily`,
        count((c) => c.channel === "call" && outbound(c) && CONVERSATION.has(c.outcome), 1) >= 3,
      );
      flag(
        `${P}:calls-daily-vulnerable`,
        held("vulnerable") && count((c) => c.channel === "call" && outbound(c), 1) >= 1,
      );
    }
    flag(`${P}:deceased`, held("deceased"));
    flag(`${P}:bankrupt`, held("bankrupt"));
    flag(`${P}:disputed`, held("disputed") && is("call", "sms", "email", "app", "visit"));
    flag(`${P}:cease-contact`, held("cease") && is("call", "sms", "app", "visit"));
    flag(`${P}:complaint-open`, held("complaint") && is("visit"));
    flag(`${P}:legal-hold`, held("legalHold"));
    flag(`${P}:vulnerable-no-visit`, held("vulnerable") && is("visit"));
    flag(
      `${P}:vulnerable-no-visit-notice`,
      held("vulnerable") && !is("visit") && pp("visit_notice", "visit_appointment"),
    );
    if (is("visit")) flag(`${P}:visit-notice`, !noticeWithin(["letter", "sms"], "visit_notice", 1, 30));
    flag(`${P}:public-holidays`, is("call", "visit") && CN_HOLIDAYS.has(at.day));
    if (x.party === "third_party")
      flag(
        `${P}:thirdParty`,
        !pp("skip_trace", "location", "other") || !unreachable(30, 10, ["call", "sms", "email", "visit"]),
      );
    if (x.party === "emergency_contact") emergency(P, ["location", "skip_trace"], true, 7);
  } else if (j.startsWith("US")) {
    const P = "us-reg-f";
    window(`${P}:inconvenient-time`, ["call", "sms", "email", "app", "visit"], 8, 21);
    const counted = (c: Json) => outbound(c) && !["busy", "undeliverable"].includes(c.outcome);
    if (is("call")) {
      flag(`${P}:call-frequency-7-in-7`, count((c) => c.channel === "call" && counted(c), 7) >= 7);
      flag(`${P}:calls-daily`, count((c) => c.channel === "call" && counted(c), 1) >= 3);
      flag(`${P}:after-conversation`, count((c) => c.channel === "call" && CONVERSATION.has(c.outcome), 7) >= 1);
    }
    flag(`${P}:deceased`, held("deceased"));
    flag(`${P}:bankruptcy-stay`, held("bankrupt"));
    flag(`${P}:bankruptcy-discharge`, held("discharged"));
    flag(`${P}:disputed`, held("disputed") && !(is("letter") && pp("validation_notice", "verification")));
    flag(`${P}:attorney-represented`, held("attorney"));
    flag(`${P}:cease-contact`, held("cease") && !(is("letter") && pp("remedy_notice")));
    flag(`${P}:legal-hold`, held("legalHold"));
    flag(`${P}:federal-holidays`, is("call", "visit") && US_HOLIDAYS.has(at.day));
    if (x.party === "third_party") flag(`${P}:thirdParty`, !pp("skip_trace", "location"));
    if (x.party === "emergency_contact") emergency(P, ["location", "skip_trace"], false, 366);
    if (j === "US-MA" && role === "creditor") {
      const M = "us-ma-940cmr";
      window(`${M}:visit-hours`, ["visit"], 8, 21);
      if (is("call", "sms"))
        flag(
          `${M}:telephone-2-in-7`,
          count((c) => (c.channel === "call" || c.channel === "sms") && counted(c), 7) >= 2,
        );
      if (is("visit")) flag(`${M}:visits-1-in-30`, count((c) => c.channel === "visit" && outbound(c), 30) >= 1);
      if (x.party === "third_party") flag(`${M}:thirdParty`, !pp("skip_trace", "location"));
    }
  } else if (j.startsWith("GB")) {
    const P = "uk-conc";
    window(`${P}:reasonable-hours`, ["call", "sms", "email", "app"], 8, 21);
    window(`${P}:visit-hours`, ["visit"], 9, 20, [1, 2, 3, 4, 5, 6]);
    if (is("call")) {
      const calls = (days: number) => count((c) => c.channel === "call" && outbound(c), days);
      flag(`${P}:calls-daily`, calls(1) >= 3);
      flag(`${P}:calls-daily-vulnerable`, held("vulnerable") && calls(1) >= 1);
      flag(`${P}:calls-weekly-vulnerable`, held("vulnerable") && calls(7) >= 3);
      flag(`${P}:after-conversation`, count((c) => c.channel === "call" && CONVERSATION.has(c.outcome), 1) >= 1);
    }
    const notEnforcement = is("letter") && pp("other", "arrears_notice");
    flag(`${P}:breathing-space`, held("breathingSpace") && !notEnforcement);
    flag(`${P}:mental-health-moratorium`, held("mentalHealth") && !notEnforcement);
    flag(`${P}:capacity-concern`, held("capacity"));
    flag(`${P}:vulnerable-no-visit`, held("vulnerable") && is("visit"));
    flag(
      `${P}:vulnerable-no-visit-notice`,
      held("vulnerable") && !is("visit") && pp("visit_notice", "visit_appointment"),
    );
    flag(`${P}:deceased`, held("deceased"));
    flag(`${P}:bankrupt`, held("bankrupt"));
    flag(`${P}:bankruptcy-discharge`, held("discharged"));
    flag(`${P}:disputed`, held("disputed") && is("call", "sms", "email", "app", "visit"));
    flag(`${P}:cease-contact`, held("cease") && is("call", "sms", "email", "app", "visit"));
    flag(`${P}:complaint-open`, held("complaint") && is("call", "visit"));
    flag(`${P}:legal-hold`, held("legalHold"));
    if (is("visit")) flag(`${P}:visit-notice`, !noticeWithin(["letter"], "visit_notice", 7, 30));
    if (pp("letter_of_claim", "final_notice")) {
      flag(`${P}:default-notice`, !noticeWithin(["letter"], "default_notice", 16, null));
      flag(`${P}:arrears-notice`, !noticeWithin(["letter"], "arrears_notice", 0, 183));
    }
    const holidays = j === "GB-SCT" ? SCT_HOLIDAYS : j === "GB-ENG" || j === "GB-WLS" ? ENG_HOLIDAYS : null;
    flag(
      `${P}:${j === "GB-SCT" ? "bank-holidays-sct" : "bank-holidays-eng-wls"}`,
      is("call", "visit") && holidays?.has(at.day) === true,
    );
    if (x.party !== "borrower")
      flag(`${P}:thirdParty`, !pp("skip_trace", "location") || !unreachable(30, 10, ["call", "sms", "email", "visit"]));
  } else out.push(`no profile for ${j}`);
  return out;
}

// ---------- cheap generated accounts across CN, US and GB ----------

/** mulberry32 */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES: readonly [string, string, string, number][] = [
  // jurisdiction, zone, currency, weight
  ["CN", "Asia/Shanghai", "CNY", 35],
  ["US-NY", "America/New_York", "USD", 10],
  ["US-MA", "America/New_York", "USD", 10],
  ["US-CA", "America/Los_Angeles", "USD", 6],
  ["US-TX", "America/Chicago", "USD", 5],
  ["US-IL", "America/Chicago", "USD", 4],
  ["US-FL", "America/New_York", "USD", 3],
  ["GB-ENG", "Europe/London", "GBP", 17],
  ["GB-SCT", "Europe/London", "GBP", 5],
  ["GB-WLS", "Europe/London", "GBP", 3],
];
const TOTAL = PLACES.reduce((s, p) => s + p[3], 0);
const CALL_OUTCOMES = [
  "no_answer",
  "no_answer",
  "no_answer",
  "busy",
  "voicemail",
  "voicemail",
  "undeliverable",
  "wrong_number",
  "right_party",
  "right_party",
  "promise_to_pay",
  "refused",
  "hardship_reported",
  "dispute",
];
const LETTER_PURPOSES = [
  "collection",
  "collection",
  "visit_notice",
  "default_notice",
  "arrears_notice",
  "final_notice",
];
const EVENTS: [string, string[]][] = [
  ["dispute_received", ["verification_sent", "dispute_withdrawn"]],
  ["cease_requested", ["cease_withdrawn"]],
  ["complaint_opened", ["complaint_resolved"]],
  ["bankruptcy_filed", ["bankruptcy_dismissed", "bankruptcy_discharged"]],
  ["deceased_reported", []],
  ["attorney_retained", ["attorney_consented", "attorney_withdrawn"]],
  ["vulnerability_reported", ["vulnerability_cleared"]],
  ["capacity_concern_raised", ["capacity_confirmed"]],
  ["breathing_space_started", ["breathing_space_ended"]],
  ["breathing_space_started/mh", ["mental_health_treatment_ended", "breathing_space_ended"]],
];
const FROM = Date.parse("2026-01-05T00:00:00Z");
const SPAN_DAYS = 715; // through 2027-12-20: the calendars of the profiles cover 2026–2027
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One generated account and the instant to decide it at. */
export function generate(i: number, r: () => number): { account: Json; asOf: string } {
  let w = r() * TOTAL;
  let place = PLACES[0]!;
  for (const p of PLACES)
    if ((w -= p[3]) < 0) {
      place = p;
      break;
    }
  let [jurisdiction, timeZone, currency] = place;
  // A few accounts whose currency does not match their country: never decided under a foreign policy.
  if (r() < 0.01) currency = ["CNY", "USD", "GBP"][Math.floor(r() * 3)]!;
  const asOfMs = FROM + Math.floor(r() * SPAN_DAYS) * DAY + Math.floor(r() * 96) * 900_000;
  const dpd = r() < 0.1 ? -Math.floor(r() * 5) : 1 + Math.floor(r() * 200);
  const overdue = (50 + Math.floor(r() * 5000)).toFixed(2);
  const contacts: Json[] = [];
  const n = Math.floor(r() * r() * 30);
  const named = jurisdiction === "CN" || r() < 0.2 ? [{ id: "E1", relationship: "parent" }] : [];
  for (let k = 0; k < n; k++) {
    // Dense in the last days (caps, quiet periods), some up to 40 days back (notices).
    const back = r() < 0.6 ? Math.floor(r() * 3 * DAY) : Math.floor(r() * 40 * DAY);
    const ms = asOfMs - 60_000 - back;
    const u = r();
    const c: Json = { at: new Date(ms).toISOString() };
    if (u < 0.55) {
      c.channel = "call";
      c.outcome = CALL_OUTCOMES[Math.floor(r() * CALL_OUTCOMES.length)]!;
      if (r() < 0.1) c.direction = "inbound";
      if (c.outcome === "promise_to_pay") c.promise = { amount: "10.00", dueDate: isoDay(ms + 5 * DAY) };
    } else if (u < 0.7) {
      c.channel = "sms";
      c.outcome = r() < 0.9 ? "delivered" : "undeliverable";
      if (r() < 0.15) c.purpose = "visit_notice";
    } else if (u < 0.75) {
      c.channel = "email";
      c.outcome = "delivered";
    } else if (u < 0.93) {
      c.channel = "letter";
      c.outcome = r() < 0.93 ? "delivered" : "undeliverable";
      c.purpose = LETTER_PURPOSES[Math.floor(r() * LETTER_PURPOSES.length)]!;
    } else if (u < 0.96 && named.length > 0) {
      c.channel = r() < 0.5 ? "call" : "sms";
      c.party = "emergency_contact";
      c.partyId = "E1";
      c.outcome = r() < 0.2 ? "refused" : c.channel === "sms" ? "delivered" : "third_party";
    } else {
      c.channel = "visit";
      c.outcome = r() < 0.5 ? "right_party" : "no_answer";
    }
    contacts.push(c);
  }
  contacts.sort((x, y) => (x.at < y.at ? -1 : 1));
  const events: Json[] = [];
  if (r() < 0.15) {
    const [open, closes] = EVENTS[Math.floor(r() * EVENTS.length)]!;
    const on = asOfMs - Math.floor(r() * 90) * DAY;
    const e: Json = { type: open.split("/")[0], on: isoDay(on) };
    if (open === "breathing_space_started") {
      e.kind = "standard";
      if (r() < 0.5) e.until = isoDay(on + Math.floor(r() * 70) * DAY);
    }
    if (open.endsWith("/mh")) e.kind = "mental_health";
    events.push(e);
    if (closes.length > 0 && r() < 0.5) {
      const off = on + Math.floor(r() * 60) * DAY;
      if (off <= asOfMs) events.push({ type: closes[Math.floor(r() * closes.length)]!, on: isoDay(off) });
    }
  }
  const flags: Json = {};
  if (r() < 0.06) flags.vulnerable = true;
  if (r() < 0.01) flags.legalHold = true;
  if (r() < 0.01) flags.ceaseContact = true;
  const account: Json = {
    id: `O${i}`,
    product: r() < 0.6 ? "installment" : "revolving",
    currency,
    openedOn: "2024-01-01",
    timeZone,
    jurisdiction,
    delinquency: { dpd: Math.max(0, dpd), overdue: dpd > 0 ? overdue : "0.00" },
    borrower: {
      flags,
      ...(r() < 0.05 ? { doNotContact: [["sms", "call", "email"][Math.floor(r() * 3)]] } : {}),
      ...(named.length > 0 ? { emergencyContacts: named } : {}),
    },
    contacts,
    ...(events.length > 0 ? { events } : {}),
  };
  return { account, asOf: new Date(asOfMs).toISOString() };
}
