// The template language's tests on facts and params, and the variables that let a template state
// only what the decision supports (consequences, breakdowns, deadlines, hours, appointments …).
import { describe, expect, it } from "vitest";
import { ArrearsError, loadTemplate, type MessageDecision, renderMessage } from "../../src/index.js";
import { formatHours, formatWeekdays } from "../../src/messages/format.js";
import { validationPeriodEnd } from "../../src/messages/validation.js";
import { formatIsoDate, parseIsoDate } from "../../src/time/index.js";
import { cnDecision, usDecision } from "./fixtures.js";

const base = {
  schemaVersion: 1,
  id: "custom",
  version: "1",
  description: "test template",
  channel: "letter",
  audience: "borrower",
};

const tpl = (body: string, extra: Record<string, unknown> = {}, locale = "en-US") =>
  loadTemplate({ ...base, ...extra, locales: { [locale]: { body } } });

function thrown(fn: () => unknown): ArrearsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ArrearsError) return e;
    throw e;
  }
  throw new Error("expected an ArrearsError");
}

const render = (body: string, d: MessageDecision = usDecision, options = {}, extra = {}) =>
  renderMessage(tpl(body, extra), d, options).body;

const withParams = (params: Record<string, unknown>, d: MessageDecision = usDecision): MessageDecision => ({
  ...d,
  action: { ...d.action, params },
});
const withFacts = (facts: Record<string, unknown>, d: MessageDecision = usDecision): MessageDecision => ({
  ...d,
  facts: { ...d.facts, ...facts },
});

describe("tests on facts and params", () => {
  it("{{#if}} compares a fact or a param with one literal; {{#unless}} negates", () => {
    const body = '{{#if params.stage == "follow_up"}}F{{else}}E{{/if}}|{{#if params.stage != "early"}}N{{/if}}';
    expect(render(body, withParams({ stage: "follow_up" }))).toBe("F|N");
    expect(render(body, withParams({ stage: "early" }))).toBe("E|");
    expect(render(body)).toBe("E|N"); // an absent param equals nothing
    expect(render("{{#if facts.dpd == 45}}45{{/if}}{{#if facts.unreachable == true}}U{{/if}}")).toBe("45");
    expect(render("{{#unless facts.unreachable}}reachable{{else}}not{{/unless}}")).toBe("reachable");
    expect(
      render("{{#unless facts.unreachable}}reachable{{else}}not{{/unless}}", withFacts({ unreachable: true })),
    ).toBe("not");
    expect(render("{{#if params.count == 2}}two{{/if}}", withParams({ count: 2 }))).toBe("two");
    expect(render('{{#if params.count == "2"}}two{{/if}}', withParams({ count: 2 }))).toBe(""); // no coercion
  });

  it("a param may be printed inside its own guard", () => {
    expect(render("{{#if params.staff}}Staff: {{params.staff}}{{/if}}", withParams({ staff: 2 }))).toBe("Staff: 2");
    expect(render("{{#if params.staff}}Staff: {{params.staff}}{{/if}}")).toBe("");
    const e = thrown(() => tpl("Staff: {{params.staff}}"));
    expect(e.issues[0]!.message).toMatch(/"params.staff" may be absent: wrap it in \{\{#if params.staff\}\}/);
  });

  it("facts are tested, never printed; unknown facts and impossible literals fail at load with a hint", () => {
    const msgs = (body: string) => thrown(() => tpl(body)).issues.map((i) => i.message);
    expect(msgs("{{facts.dpd}}")).toEqual(['"facts.dpd" is a fact: use it in {{#if facts.dpd}}, not printed']);
    expect(msgs("{{#if facts.unreachabel}}x{{/if}}")).toEqual([
      'unknown fact "unreachabel"; did you mean "facts.unreachable"?',
    ]);
    expect(msgs('{{#if facts.holdReason == "breathingSpce"}}x{{/if}}')[0]).toMatch(
      /"breathingSpce" is not a value of facts.holdReason .*did you mean "breathingSpace"\?/,
    );
    expect(msgs('{{#if facts.timeBarred == "yes"}}x{{/if}}')).toEqual(["facts.timeBarred is true or false"]);
    expect(msgs('{{#if amount.fees == "0"}}x{{/if}}')).toEqual([
      "only facts.*, params.* and action.purpose can be compared with a value; use {{#if amount.fees}}",
    ]);
    expect(msgs("{{#if params.Bad}}x{{/if}}")[0]).toMatch(/unknown variable "params.Bad"/);
  });

  it("a third-party template reads neither facts nor params", () => {
    const e = thrown(() =>
      loadTemplate({
        ...base,
        audience: "third_party",
        locales: { "en-US": { body: "{{#if facts.unreachable}}x{{/if}}{{#if params.stage}}y{{/if}}" } },
      }),
    );
    expect(e.issues.map((i) => i.message)).toEqual([
      "third-party template must not read the account's facts or the action's params: \"facts.unreachable\" is not allowed",
      "third-party template must not read the account's facts or the action's params: \"params.stage\" is not allowed",
    ]);
  });

  it("lists the params a template reads, its own and those its variables read", () => {
    const t = tpl(
      '{{#if params.stage == "a"}}A{{/if}}{{#if params.stage == "b"}}B{{/if}}{{#if params.staff}}{{params.staff}}{{/if}}{{#if consequence.legalReview}}{{/if}}{{#if deadline}}{{deadline}}{{/if}}',
    );
    expect(t.params).toEqual([
      {
        name: "consequence",
        type: "string",
        values: ["credit_report", "legal_review", "visit", "agency_placement", "charge_off"],
        printed: false,
        readBy: "renderer",
      },
      { name: "deadlineDays", type: "number", values: [], printed: false, readBy: "renderer" },
      { name: "staff", type: "any", values: [], printed: true, readBy: "template" },
      { name: "stage", type: "string", values: ["a", "b"], printed: false, readBy: "template" },
    ]);
  });
});

describe("claims a template may only make under the flag that proves them (load-time lint)", () => {
  it("legal action only under {{#if consequence.legalReview}}, in English and Chinese", () => {
    const e = thrown(() => tpl("If you do not pay, we may take legal action."));
    expect(e.code).toBe("INVALID_TEMPLATE");
    expect(e.issues[0]).toMatchObject({
      path: ["locales", "en-US", "body"],
      message: expect.stringContaining('states legal action ("legal action") outside {{#if consequence.legalReview}}'),
    });
    expect(thrown(() => tpl("否则我们将向法院起诉。", {}, "zh-CN")).issues[0]!.message).toMatch(
      /legal action \("法院"\)/,
    );
    expect(thrown(() => tpl("We will refer it to our solicitors.", {}, "en-GB")).issues).toHaveLength(1);
    // Inside the flag it is allowed; the flag's else branch is not.
    expect(() => tpl("{{#if consequence.legalReview}}We may take legal action.{{/if}}")).not.toThrow();
    expect(() => tpl("{{#if consequence.legalReview}}{{else}}We may sue you.{{/if}}")).toThrow(ArrearsError);
    // A right of the borrower is no threat: the time-order sentence of a default notice.
    expect(() => tpl("You can apply to the court, which may give you more time.", {}, "en-GB")).not.toThrow();
    // Other languages are not linted.
    expect(() => tpl("Nous pouvons engager une action en justice.", {}, "fr-FR")).not.toThrow();
  });

  it('"we could not reach you" only under {{#if facts.unreachable}}', () => {
    expect(thrown(() => tpl("We have not been able to reach you.")).issues[0]!.message).toMatch(
      /failed attempts to reach the borrower/,
    );
    expect(thrown(() => tpl("我们多次联系未果。", {}, "zh-CN")).issues).toHaveLength(1);
    expect(() => tpl("{{#if facts.unreachable}}We have not been able to reach you.{{/if}}")).not.toThrow();
    expect(() => tpl("{{#unless facts.unreachable}}{{else}}We could not reach you.{{/unless}}")).not.toThrow();
  });
});

describe("consequences: only what the action names and the decision allows", () => {
  const body =
    "{{#if consequence.any}}any{{/if}}{{#if consequence.creditReport}}|credit{{/if}}{{#if consequence.legalReview}}|legal{{/if}}{{#if consequence.visit}}|visit{{/if}}{{#if consequence.agencyPlacement}}|agency{{/if}}{{#if consequence.chargeOff}}|chargeoff{{/if}}";

  it("none unless the action's params.consequence names them (several joined with +)", () => {
    expect(render(body)).toBe("");
    expect(render(body, withParams({ consequence: "credit_report" }))).toBe("any|credit");
    expect(
      render(body, withParams({ consequence: "credit_report+legal_review+visit+agency_placement+charge_off" })),
    ).toBe("any|credit|legal|visit|agency|chargeoff");
  });

  it("a hold in force silences all of them; a time bar silences legal action; a visit opt-out the visit", () => {
    const all = { consequence: "credit_report+legal_review+visit" };
    expect(render(body, withFacts({ onHold: true }, withParams(all)))).toBe("");
    expect(render(body, { ...withParams(all), holds: [{ status: "disputed" }] })).toBe("");
    expect(render(body, withFacts({ timeBarred: true }, withParams(all)))).toBe("any|credit|visit");
    expect(render(body, { ...withParams(all), limitation: { timeBarred: true } })).toBe("any|credit|visit");
    expect(render(body, withFacts({ visitOptOut: true }, withParams(all)))).toBe("any|credit|legal");
  });

  it("a template's own consequences count like the action's, and are silenced the same way", () => {
    expect(render(body, usDecision, {}, { consequences: ["credit_report"] })).toBe("any|credit");
    expect(render(body, withFacts({ onHold: true }), {}, { consequences: ["credit_report"] })).toBe("");
  });

  it("an unknown consequence is an INVALID_INPUT naming the param", () => {
    const e = thrown(() => render(body, withParams({ consequence: "credit_report+jail" })));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues[0]).toMatchObject({
      path: ["decision", "action", "params", "consequence"],
      message: expect.stringContaining('unknown consequence "jail"'),
    });
    expect(thrown(() => render(body, withParams({ consequence: 3 }))).issues[0]!.path).toEqual([
      "decision",
      "action",
      "params",
      "consequence",
    ]);
  });
});

describe("breakdown, deadline, dates from facts", () => {
  it("the breakdown flag: components known and adding up to the total", () => {
    const b = "{{#if amount.componentsKnown}}known{{else}}unknown{{/if}}";
    expect(render(b)).toBe("known");
    const amounts = usDecision.amounts!;
    expect(render(b, { ...usDecision, amounts: { ...amounts, overdueComponentsKnown: false } })).toBe("unknown");
    expect(
      render(b, { ...usDecision, amounts: { ...amounts, overdue: { ...amounts.overdue, total: "1234.51" } } }),
    ).toBe("unknown");
    const { fees: _f, ...noFees } = amounts.overdue!;
    expect(render(b, { ...usDecision, amounts: { ...amounts, overdue: noFees } })).toBe("unknown");
  });

  it("a deadline only when given: option, else params.deadlineDays, else the template's; never below its minimum", () => {
    expect(thrown(() => tpl("Pay by {{deadline}}.")).issues[0]!.message).toMatch(
      /"deadline" may be absent: wrap it in \{\{#if deadline\}\}…\{\{\/if\}\} or give the template a deadlineDays/,
    );
    const t = tpl("{{#if deadline}}Pay by {{deadline}}.{{else}}No deadline.{{/if}}", { minDeadlineDays: 14 });
    expect(renderMessage(t, usDecision).body).toBe("No deadline.");
    expect(renderMessage(t, withParams({ deadlineDays: 21 })).body).toBe("Pay by December 14, 2026.");
    expect(renderMessage(t, withParams({ deadlineDays: 21 }), { deadlineDays: 30 }).body).toBe(
      "Pay by December 23, 2026.",
    );
    expect(thrown(() => renderMessage(t, withParams({ deadlineDays: 7 }))).issues[0]).toMatchObject({
      path: ["decision", "action", "params", "deadlineDays"],
      message: "this template's deadline must be at least 14 days after the letter date",
    });
    const opt = thrown(() => renderMessage(t, usDecision, { deadlineDays: 3 }));
    expect([opt.code, opt.issues[0]!.path]).toEqual(["INVALID_OPTIONS", ["deadlineDays"]]);
    expect(thrown(() => renderMessage(t, withParams({ deadlineDays: "soon" }))).issues[0]!.path).toEqual([
      "decision",
      "action",
      "params",
      "deadlineDays",
    ]);
    expect(thrown(() => tpl("x", { deadlineDays: 7, minDeadlineDays: 14 })).issues[0]!.path).toEqual(["deadlineDays"]);
  });

  it("next due, last conversation and charge-off dates from facts and params", () => {
    const d = withFacts({ daysUntilNextDue: 2, nextDueAmount: 85, daysSinceRightPartyContact: 5 });
    expect(
      render(
        "{{#if nextDue.date}}{{nextDue.amount}} due {{nextDue.date}}{{/if}}; {{#if conversation.lastDate}}{{conversation.lastDate}}{{/if}}",
        d,
      ),
    ).toBe("$85.00 due November 25, 2026; November 18, 2026");
    expect(render("{{#if nextDue.date}}due{{else}}none{{/if}}", withFacts({ daysUntilNextDue: null }))).toBe("none");
    const co = "{{#if chargeOff.date}}{{chargeOff.date}}{{else}}none{{/if}}";
    expect(render(co, withParams({ chargeOffAtDpd: 180 }))).toBe("April 7, 2027");
    expect(render(co, withFacts({ dpd: 181 }, withParams({ chargeOffAtDpd: 180 })))).toBe("none");
    expect(render(co)).toBe("none");
  });
});

describe("hours and requirements from the guardrail profiles", () => {
  const hours =
    "{{#if hours.visit}}V {{#if hours.visitDays}}{{hours.visitDays}} {{/if}}{{hours.visit}}{{/if}} | {{#if hours.call}}C {{hours.call}}{{/if}}";

  it("the stricter window of the profiles, written for the locale; nothing without profiles", () => {
    expect(render(hours)).toBe("|");
    expect(render(hours, usDecision, { profiles: ["uk-conc"] })).toBe(
      "V Monday to Saturday 9 a.m. to 8 p.m. | C 8 a.m. to 9 p.m.",
    );
    expect(renderMessage(tpl(hours, {}, "en-GB"), usDecision, { profiles: ["uk-conc"] }).body).toBe(
      "V Monday to Saturday 9am to 8pm | C 8am to 9pm",
    );
    expect(renderMessage(tpl(hours, {}, "zh-CN"), cnDecision, { profiles: ["cn-2026"] }).body).toBe(
      "V 8:00至22:00 | C 8:00至22:00",
    );
    // Stacked profiles: the later start and earlier end of each, the common weekdays.
    const strict = {
      schemaVersion: 1,
      id: "strict",
      version: "1.0.0",
      description: "test",
      jurisdictions: ["GB"],
      conversationOutcomes: ["right_party"],
      failedOutcomes: ["no_answer"],
      windows: [{ id: "w", code: "W", channels: ["visit"], start: "10:00", end: "21:30", source: "test" }],
      restDays: [{ id: "r", code: "R", channels: ["visit"], weekdays: [3], source: "test" }],
      optOut: { code: "OPTED_OUT", source: "test" },
      thirdParty: { code: "T", purposes: ["skip_trace"], requireUnreachable: false, source: "test" },
    };
    expect(renderMessage(tpl(hours, {}, "en-GB"), usDecision, { profiles: ["uk-conc", strict] }).body).toBe(
      "V Monday, Tuesday, Thursday, Friday and Saturday 10am to 8pm | C 8am to 9pm",
    );
  });

  it("a recorded visit from a profile requirement or params.recorded", () => {
    const b = "{{#if visit.recorded}}recorded{{else}}no{{/if}}";
    expect(render(b)).toBe("no");
    expect(render(b, withParams({ recorded: true }))).toBe("recorded");
    const rec = {
      schemaVersion: 1,
      id: "rec",
      version: "1.0.0",
      description: "test",
      jurisdictions: ["CN"],
      conversationOutcomes: ["right_party"],
      failedOutcomes: ["no_answer"],
      requirements: [{ id: "r", code: "VISIT_RECORDING", channels: ["visit"], text: "Record it.", source: "test" }],
      optOut: { code: "OPTED_OUT", source: "test" },
      thirdParty: { code: "T", purposes: ["skip_trace"], requireUnreachable: false, source: "test" },
    };
    expect(render(b, usDecision, { profiles: [rec] })).toBe("recorded");
  });

  it("an unknown profile id is an INVALID_OPTIONS naming its place", () => {
    const e = thrown(() => render(hours, usDecision, { profiles: ["uk-conc", "uk-cnoc"] }));
    expect(e.code).toBe("INVALID_OPTIONS");
    expect(e.issues[0]!.path.slice(0, 2)).toEqual(["profiles", 1]);
    const bad = thrown(() => render(hours, usDecision, { profiles: [{ id: "x" }] }));
    expect([bad.code, bad.issues[0]!.path.slice(0, 2)]).toEqual(["INVALID_OPTIONS", ["profiles", 0]]);
  });
});

describe("what the account says: appointments, agency placements, broken promises", () => {
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
      {
        at: "2026-11-20T11:00:00-05:00",
        channel: "call",
        outcome: "right_party",
        appointment: { at: "2026-11-30T19:00:00Z", kind: "visit" },
      },
    ],
    events: [
      { type: "agency_placed", on: "2026-10-01", agency: "Acme Recoveries" },
      { type: "agency_recalled", on: "2026-11-20" },
      { type: "agency_placed", on: "2026-12-01", agency: "Later Agency" },
    ],
  };

  it("the agreed visit time in the borrower's zone", () => {
    const b = "{{#if appointment.date}}{{appointment.date}} at {{appointment.time}}{{else}}none{{/if}}";
    expect(render(b, usDecision, { account })).toBe("November 30, 2026 at 2 p.m.");
    expect(render(b, { ...usDecision, asOf: "2026-12-01T10:00:00-05:00" }, { account })).toBe("none");
    expect(render(b, { ...usDecision, asOf: "2026-11-19T10:00:00-05:00" }, { account })).toBe("none"); // not yet agreed
  });

  it("the latest agency event on or before the letter date", () => {
    const b =
      "{{#if agency.placed}}placed {{agency.date}}{{#if agency.name}} with {{agency.name}}{{/if}}{{/if}}{{#if agency.recalled}}recalled {{agency.date}}{{/if}}";
    expect(render(b, usDecision, { account })).toBe("recalled November 20, 2026");
    expect(render(b, { ...usDecision, asOf: "2026-11-01T10:00:00-05:00" }, { account })).toBe(
      "placed October 1, 2026 with Acme Recoveries",
    );
    expect(render(b)).toBe("");
  });

  it("the latest resolved promise, when it was broken", () => {
    const b = "{{#if brokenPromise.date}}{{brokenPromise.amount}} by {{brokenPromise.date}}{{else}}none{{/if}}";
    expect(render(b, usDecision, { account })).toBe("$600.00 by November 16, 2026");
    expect(
      render(b, usDecision, { account: { ...account, payments: [{ date: "2026-11-15", amount: "600.00" }] } }),
    ).toBe("none");
    expect(render(b, usDecision, { account: { locale: "en-US" } })).toBe("none"); // not a full account
    expect(render(b)).toBe("none");
  });
});

describe("validation notice data (12 CFR 1006.34)", () => {
  const end = (sent: string, holidays?: string[]) => formatIsoDate(validationPeriodEnd(parseIsoDate(sent), holidays));

  it("30 days after receipt assumed 5 days after sending, weekends and legal public holidays excluded", () => {
    expect(end("2026-11-23")).toBe("2026-12-31"); // Thanksgiving skipped (worked case US-V-1)
    expect(end("2026-06-30")).toBe("2026-08-07"); // observed Independence Day (Fri 3 July) excluded too
    expect(end("2026-12-28")).toBe("2027-02-04"); // New Year's Day of the next year
    expect(end("2026-11-23", [])).toBe("2026-12-30"); // the lender's own list replaces the built-in one
  });

  it("the itemization comes from the options and must add up to the current balance", () => {
    const body =
      "{{itemization.reference}} {{itemization.date}}: {{itemization.amount}} + {{itemization.interest}} + {{itemization.fees}} - {{itemization.payments}}; ends {{validation.endDate}}";
    const itemization = {
      reference: "last_statement" as const,
      date: "2026-10-09",
      amount: "8800.00",
      interest: "84.50",
      fees: "50.00",
      payments: "200.00",
    };
    expect(render(body, usDecision, { itemization })).toBe(
      "the last statement date October 9, 2026: $8,800.00 + $84.50 + $50.00 - $200.00; ends December 31, 2026",
    );
    const missing = thrown(() => render(body));
    expect([missing.code, missing.issues[0]!.path]).toEqual(["INVALID_OPTIONS", ["itemization"]]);
    const off = thrown(() => render(body, usDecision, { itemization: { ...itemization, payments: "100.00" } }));
    expect(off.issues[0]!.message).toMatch(/must equal the current balance/);
    const bad = thrown(() => render(body, usDecision, { itemization: { ...itemization, reference: "whenever" } }));
    expect(bad.issues[0]!.path).toEqual(["itemization", "reference"]);
    expect(render("{{validation.endDate}}", usDecision, { validationPeriodEnd: "2027-01-04" })).toBe("January 4, 2027");
  });
});

describe("formatting hours and weekdays", () => {
  it("writes times and ranges as each locale does", () => {
    expect(formatHours(540, 1200, "en-GB")).toBe("9am to 8pm");
    expect(formatHours(570, 1260, "en-US")).toBe("9:30 a.m. to 9 p.m.");
    expect(formatHours(480, 1320, "zh-CN")).toBe("8:00至22:00");
    expect(formatHours(720, null, "en-GB")).toBe("12pm");
    expect(formatHours(0, 1440, "en-GB")).toBe("midnight to midnight");
    expect(formatHours(540, 1200, "de-DE")).toBe("9:00–20:00");
    expect(() => formatHours(-1, null, "en-GB")).toThrow(ArrearsError);
  });

  it("weekday runs as ranges, others as lists", () => {
    expect(formatWeekdays(0b0011111, "en-GB")).toBe("Monday to Friday");
    expect(formatWeekdays(0b0010101, "en-US")).toBe("Monday, Wednesday, and Friday");
    expect(formatWeekdays(0b0111111, "zh-CN")).toBe("周一至周六");
    expect(formatWeekdays(0b1000001, "en-GB")).toBe("Monday and Sunday");
    expect(() => formatWeekdays(0, "en-GB")).toThrow(ArrearsError);
  });
});

describe("what the action is for, and offers that did not fit", () => {
  const withPurpose = (purpose: string, d: MessageDecision = usDecision): MessageDecision => ({
    ...d,
    action: { ...d.action, purpose },
  });

  it('{{#if action.purpose == "…"}} compares the purpose; a wrong literal fails at load with a hint; never printed', () => {
    const body = '{{#if action.purpose == "letter_of_claim"}}claim{{else}}notice{{/if}}';
    expect(render(body, withPurpose("letter_of_claim"))).toBe("claim");
    expect(render(body, withPurpose("final_notice"))).toBe("notice");
    expect(render(body)).toBe("notice");
    const msgs = (b: string) => thrown(() => tpl(b)).issues.map((i) => i.message);
    expect(msgs('{{#if action.purpose == "leter_of_claim"}}x{{/if}}')[0]).toMatch(
      /is not a contact purpose; did you mean "letter_of_claim"\?/,
    );
    expect(msgs("{{action.purpose}}")[0]).toMatch(/compared, never printed/);
  });

  it("a letter of claim gives 30 days at least and implies legal review, silenced by a time bar or a hold", () => {
    const body = "{{#if deadline}}by {{deadline}}{{/if}}|{{#if consequence.legalReview}}court{{/if}}";
    const extra = { deadlineDays: 14 };
    expect(render(body, withPurpose("letter_of_claim"), {}, extra)).toBe("by December 23, 2026|court");
    expect(render(body, withPurpose("final_notice"), {}, extra)).toBe("by December 7, 2026|");
    expect(render(body, withFacts({ timeBarred: true }, withPurpose("letter_of_claim")), {}, extra)).toBe(
      "by December 23, 2026|",
    );
    expect(render(body, withFacts({ onHold: true }, withPurpose("letter_of_claim")), {}, extra)).toBe(
      "by December 23, 2026|",
    );
    const e = thrown(() => render(body, withPurpose("letter_of_claim"), { deadlineDays: 20 }, extra));
    expect(e.code).toBe("INVALID_OPTIONS");
    expect(e.issues[0]!.message).toMatch(/letter of claim's deadline must be at least 30 days/);
  });

  it("an offer that came back unaffordable or short of information is never presented", () => {
    const body = "{{#if offer.isInstallments}}offer {{offer.installmentCount}}{{/if}}{{#unless offer}}none{{/unless}}";
    const offer = cnDecision.action!.offer as Record<string, unknown>;
    const withOffer = (extra: Record<string, unknown>): MessageDecision => ({
      ...cnDecision,
      action: { offer: { ...offer, ...extra } },
    });
    expect(render(body, withOffer({}))).toBe("offer 3");
    expect(render(body, withOffer({ status: "offered" }))).toBe("offer 3");
    expect(render(body, withOffer({ status: "unaffordable" }))).toBe("none");
    expect(render(body, withOffer({ status: "insufficient_information" }))).toBe("none");
  });

  it("an internal brief may show the account; a third-party message may not", () => {
    const t = tpl("{{amount.overdue}} {{account.masked}}", { audience: "internal", channel: "visit" });
    expect(renderMessage(t, usDecision).body).toBe("$1,234.50 ****1234");
    expect(renderMessage(t, usDecision).to).toBe("internal");
    expect(thrown(() => tpl("{{amount.overdue}}", { audience: "third_party" })).issues[0]!.message).toMatch(
      /must not reveal the debt/,
    );
  });
});
