/**
 * Generates docs/compliance.md: for each shipped guardrail profile, every rule (id → code → what
 * it says → source) with the worked cases that exercise it, collected from
 * test/compliance/<profile>/*.test.ts by the rule ids in brackets at the start of each test name
 * (`it("[telephone-2-in-7] US-MA-1: …")`). Rules without a worked case are listed apart.
 * Run: npx tsx docs/gen-compliance.ts   (test/compliance/docs.test.ts fails when the file is stale,
 * when a rule has no worked case outside UNTESTED_OK, or when a test names an unknown rule)
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const PROFILES = ["us-reg-f", "us-ma-940cmr", "cn-2026", "uk-conc"] as const;

/** Rules allowed to have no worked case, each with why. Keep empty unless there is a reason. */
export const UNTESTED_OK: Readonly<Record<string, string>> = {};

// biome-ignore lint/suspicious/noExplicitAny: the profile JSON is read loosely, field by field, for the table
type Json = Record<string, any>;

/** One row of a profile's table. */
export interface RuleRow {
  profile: string;
  id: string;
  kind: string;
  code: string;
  says: string;
  source: string;
  tests: string[];
}

const root = new URL("../", import.meta.url);
const readJson = (path: string): Json => JSON.parse(readFileSync(new URL(path, root), "utf8"));

const list = (xs: readonly unknown[] | undefined) => (xs ?? []).join(", ");
const period = (p: Json) =>
  p.localDays !== undefined ? `${p.localDays} local day${p.localDays === 1 ? "" : "s"}` : `${p.hours} h`;
const WEEKDAYS = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const filter = (f: Json) =>
  [
    list(f.channels),
    f.directions ? list(f.directions) : "",
    f.outcomes ? `outcomes ${list(f.outcomes)}` : "",
    f.purposes ? `purposes ${list(f.purposes)}` : "",
  ]
    .filter(Boolean)
    .join("; ");
const purposes = (r: Json) => (r.purposes ? ` (purposes ${list(r.purposes)})` : "");

/** What a rule says, in numbers, from its data (then its own description). */
function says(kind: string, r: Json, p: Json): string {
  let s: string;
  switch (kind) {
    case "windows":
      s = `${list(r.channels)} only ${r.start}–${r.end} local${r.days ? ` on ${r.days.map((d: number) => WEEKDAYS[d]).join(", ")}` : ""}`;
      break;
    case "caps":
      s = `${list(r.channels)}: at most ${r.max} counted contacts (${filter(r.count)}) in ${period(r.period)}${r.when ? ` while ${r.when.flag}` : ""}`;
      break;
    case "quietPeriods":
      s = `no ${list(r.channels)} for ${period(r.period)} (its day is day 1) after a contact (${filter(r.after)})`;
      break;
    case "holds":
      s = `while ${r.flag}: no ${list(r.channels)}${purposes(r)}${r.except ? `; except ${r.except.map((e: Json) => `${list(e.channels)} for ${list(e.purposes)}`).join("; ")}` : ""}`;
      break;
    case "notices":
      s = `${list(r.channels)}${purposes(r)} need a ${r.notice.channel ?? list(r.notice.channels)} ${r.notice.purpose} at least ${r.minDays} local days before${r.validDays ? ` (valid ${r.validDays} days)` : ""}${r.appointment ? `, or an agreed visit time within ${r.appointment.toleranceMinutes} min` : ""}`;
      break;
    case "restDays":
      s = `no ${list(r.channels)} on ${r.calendar ? `the ${r.calendar} calendar (${(p.calendars?.[r.calendar]?.dates ?? []).length} dates)` : ""}${r.weekdays ? ` weekdays ${r.weekdays.map((d: number) => WEEKDAYS[d]).join(", ")}` : ""}${r.jurisdictions ? ` in ${list(r.jurisdictions)}` : ""}`;
      break;
    case "requirements":
      s = `${list(r.channels)}${purposes(r)}${r.roles ? ` (${list(r.roles)})` : ""} come with: ${r.text}`;
      break;
    case "limitation":
      s = `${r.years} years${r.jurisdictions ? ` in ${list(r.jurisdictions)}` : ""}; restarted by ${[r.restartedByPayment && "payment", r.restartedByAcknowledgment && "acknowledgment", r.restartedByDemand && "demand"].filter(Boolean).join(", ") || "nothing"}`;
      break;
    case "optOut":
      s = "a channel in borrower.doNotContact is never used";
      break;
    case "thirdParty":
      s = `third parties only for ${list(r.purposes)}${r.requireUnreachable ? `, and only while the borrower is unreachable (no conversation in ${r.unreachable.noConversationDays} local days and at least ${r.unreachable.minFailedAttempts} failed attempts on ${list(r.unreachable.channels ?? ["any channel"])})` : ""}`;
      break;
    case "emergencyContacts":
      s = `a named emergency contact only for ${list(r.purposes)}${r.requireUnreachable ? " while the borrower is unreachable" : ""}${r.perPersonDays ? `, at most once per person in ${r.perPersonDays} local days` : ""}; a refusal stops contact with that person`;
      break;
    case "holdLifecycle":
      s = `a standard breathing space without an end date lasts ${r.breathingSpaceDays} days; a mental health crisis moratorium ends ${r.mentalHealthDaysAfterTreatment} days after the treatment ends`;
      break;
    case "optOutText":
      s = `${Object.entries(p.channels ?? {})
        .filter(([, c]) => (c as Json).requiresOptOutText)
        .map(([ch]) => ch)
        .join(", ")} carry an opt-out sentence (${Object.keys(r).join(", ")})`;
      break;
    default:
      s = "";
  }
  return r.description ? `${s}. ${r.description}` : s;
}

const LISTS = [
  "windows",
  "caps",
  "quietPeriods",
  "holds",
  "notices",
  "restDays",
  "requirements",
  "limitation",
] as const;

/** Every rule of a profile, list rules first, then the profile-wide sections tests cite by name. */
export function profileRules(id: string): Omit<RuleRow, "tests">[] {
  const p = readJson(`rules/guardrails/${id}.json`);
  const rows: Omit<RuleRow, "tests">[] = [];
  for (const kind of LISTS)
    for (const r of p[kind] ?? [])
      rows.push({ profile: id, id: r.id, kind, code: r.code, says: says(kind, r, p), source: r.source });
  for (const kind of ["optOut", "thirdParty", "emergencyContacts", "holdLifecycle"] as const) {
    const r = p[kind];
    if (r) rows.push({ profile: id, id: kind, kind, code: r.code ?? "—", says: says(kind, r, p), source: r.source });
  }
  if (Object.values(p.channels ?? {}).some((c) => (c as Json).requiresOptOutText))
    rows.push({
      profile: id,
      id: "optOutText",
      kind: "optOutText",
      code: "—",
      says: says("optOutText", p.optOutText, p),
      source:
        Object.values(p.channels as Json)
          .map((c: Json) => c.source)
          .filter(Boolean)[0] ?? "—",
    });
  return rows;
}

const TEST_NAME = /\bit(?:\.\w+)?\(\s*"((?:[^"\\]|\\.)*)"/g;

/** The worked cases of a profile: `file: name` with the rule ids in their leading brackets. */
export function workedCases(id: string): { name: string; ids: string[] }[] {
  const dir = new URL(`test/compliance/${id}/`, root);
  const out: { name: string; ids: string[] }[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".test.ts"))
    .sort()) {
    const src = readFileSync(new URL(file, dir), "utf8");
    for (const m of src.matchAll(TEST_NAME)) {
      const name = m[1]!.replace(/\\(.)/g, "$1");
      const b = /^\[([^\]]+)\]/.exec(name);
      out.push({ name: `${file}: ${name}`, ids: b ? b[1]!.split(",").map((s) => s.trim()) : [] });
    }
  }
  return out;
}

/** The table of a profile: each rule with the tests that name it. */
export function complianceRows(id: string): RuleRow[] {
  const cases = workedCases(id);
  return profileRules(id).map((r) => ({ ...r, tests: cases.filter((c) => c.ids.includes(r.id)).map((c) => c.name) }));
}

const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function renderComplianceDoc(): string {
  const sections: string[] = [];
  const counts: string[] = [];
  for (const id of PROFILES) {
    const p = readJson(`rules/guardrails/${id}.json`);
    const rows = complianceRows(id);
    const untested = rows.filter((r) => r.tests.length === 0);
    const cases = workedCases(id).length;
    counts.push(
      `| \`${id}\` | ${p.version} | ${list(p.jurisdictions)} | ${rows.length} | ${cases} | ${untested.length} |`,
    );
    const table = rows.map(
      (r) =>
        `| \`${r.id}\` | ${r.code === "—" ? "—" : `\`${r.code}\``} | ${esc(r.says)} | ${esc(r.source)} | ${r.tests.length ? r.tests.map(esc).join("<br>") : "**none**"} |`,
    );
    sections.push(`## \`${id}\` ${p.version}

${esc(p.description)}

Jurisdictions: ${list(p.jurisdictions)}; binds: ${list(p.appliesTo ?? ["creditor", "debt_collector"])}. Worked cases: \`test/compliance/${id}/\`.

| rule | code | what it says | source | worked cases |
| --- | --- | --- | --- | --- |
${table.join("\n")}

Rules without a worked case: ${untested.length === 0 ? "none." : untested.map((r) => `\`${r.id}\` (${esc(UNTESTED_OK[`${id}:${r.id}`] ?? "no reason given")})`).join(", ")}`);
  }
  return `# Compliance: the guardrail profiles, rule by rule

Generated by \`docs/gen-compliance.ts\` from \`rules/guardrails/*.json\` and the worked cases in
\`test/compliance/<profile>/\` (regenerate: \`npx tsx docs/gen-compliance.ts\`;
\`test/compliance/docs.test.ts\` fails when this file is stale or a rule has no worked case).

Each row is one rule of a profile: its \`id\`, the reason \`code\` a blocked contact reports (or
the requirement code a contact carries), what it says (its numbers, from the data, then its
description), its \`source\` (the primary text; where a number is a policy choice the source says
so), and the tests that exercise it: every worked case names the rules it proves in brackets at
the start of its name. Profile-wide sections (\`optOut\`, \`thirdParty\`, \`emergencyContacts\`,
\`holdLifecycle\`, \`optOutText\`) are rows too.

The property test \`test/compliance/oracle.test.ts\` checks every contact the shipped policies
recommend against an independent reading of these tables (\`test/compliance/oracle.ts\`).

| profile | version | jurisdictions | rules | worked cases | without a case |
| --- | --- | --- | --- | --- | --- |
${counts.join("\n")}

${sections.join("\n\n")}
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(new URL("./compliance.md", import.meta.url), renderComplianceDoc());
  console.log("docs/compliance.md written");
}
