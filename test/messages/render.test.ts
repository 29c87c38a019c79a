import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ArrearsError,
  type Decision,
  formatDate,
  formatMoney,
  loadTemplate,
  type MessageDecision,
  renderMessage,
} from "../../src/index.js";
import { getTemplate, maskAccount, runTemplateTests, TEMPLATES } from "../../src/messages/index.js";
import { cnDecision, cnLender, GOLDEN, goldenMatrix, usDecision, usLender } from "./fixtures.js";

const golden = (file: string) => readFileSync(new URL(`./golden/${file}`, import.meta.url), "utf8");

function loadError(json: unknown): ArrearsError {
  try {
    loadTemplate(json);
  } catch (e) {
    if (e instanceof ArrearsError) return e;
    throw e;
  }
  throw new Error("expected loadTemplate to throw");
}

const base = {
  schemaVersion: 1,
  id: "custom",
  version: "1",
  description: "test template",
  channel: "letter",
  audience: "borrower",
};

describe("golden messages", () => {
  for (const g of [...GOLDEN, ...goldenMatrix(Object.keys(TEMPLATES))]) {
    it(`${g.file} matches its golden text`, () => {
      const m = renderMessage(getTemplate(g.template), g.decision, g.options);
      const text = (m.subject !== undefined ? `Subject: ${m.subject}\n\n` : "") + m.body + "\n";
      expect(text).toBe(golden(g.file));
    });
  }

  it("reports template, channel, locale and audience", () => {
    const m = renderMessage(getTemplate("formal-letter"), cnDecision, { lender: cnLender });
    expect(m).toMatchObject({
      templateId: "formal-letter",
      templateVersion: "2.1.0",
      channel: "letter",
      locale: "zh-CN",
      audience: "borrower",
      to: "borrower",
    });
  });
});

describe("shipped templates", () => {
  it("ships the ids the policies reference, each in the locales where it applies", () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual([
      "arrears-notice",
      "call-script",
      "credit-report-notice",
      "debt-advice-signpost",
      "default-notice",
      "email-reminder",
      "emergency-contact-message",
      "final-notice",
      "formal-letter",
      "hardship-offer-letter",
      "placement-notice",
      "pre-due-reminder",
      "sms-reminder",
      "third-party-message",
      "visit-appointment",
      "visit-notice",
      "visitor-brief",
    ]);
    for (const id of Object.keys(TEMPLATES)) {
      const t = getTemplate(id);
      expect(t.id).toBe(id);
      expect([...t.locales].sort()).toEqual(["en-GB", "en-US", "zh-CN"]);
      expect(getTemplate(id)).toBe(t); // cached
    }
  });

  for (const id of Object.keys(TEMPLATES)) {
    it(`${id}: embedded tests pass`, () => {
      const results = runTemplateTests(getTemplate(id));
      expect(results.length).toBeGreaterThan(0);
      for (const r of results) expect({ name: r.name, failures: r.failures }).toEqual({ name: r.name, failures: [] });
    });
  }

  it("runTemplateTests reports a failing expectation", () => {
    const json = {
      ...base,
      locales: { "en-US": { body: "Owed: {{amount.overdue}}" } },
      tests: [{ name: "wrong", decision: usDecision, expect: { contains: ["$9.99"], notContains: ["$1,234.50"] } }],
    };
    const [r] = runTemplateTests(json);
    expect(r!.passed).toBe(false);
    expect(r!.failures).toEqual(['body lacks "$9.99"', 'body contains "$1,234.50"']);
  });

  it("getTemplate rejects an unknown id with the shipped list", () => {
    expect(() => getTemplate("sms-remider")).toThrowError(ArrearsError);
    try {
      getTemplate("sms-remider");
    } catch (e) {
      expect((e as ArrearsError).code).toBe("INVALID_TEMPLATE");
      expect((e as ArrearsError).message).toContain("sms-reminder");
    }
  });
});

describe("loadTemplate validation (at load, never at render)", () => {
  it("unknown variable: path and a did-you-mean", () => {
    const e = loadError({
      ...base,
      locales: { "zh-CN": { body: "欠款{{amount.overdue}}" }, "en-US": { body: "You owe {{amout.overdue}}." } },
    });
    expect(e.code).toBe("INVALID_TEMPLATE");
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.path).toEqual(["locales", "en-US", "body"]);
    expect(e.issues[0]!.message).toBe('unknown variable "amout.overdue"; did you mean "amount.overdue"?');
    expect(e.message).toContain(
      'locales["en-US"].body: unknown variable "amout.overdue"; did you mean "amount.overdue"?',
    );
  });

  it("unknown variable in a section heading, subject and #if are all reported", () => {
    const e = loadError({
      ...base,
      locales: {
        "en-US": { subject: "{{acount.masked}}", sections: [{ heading: "{{dpdd}}", body: "{{#if ofer}}x{{/if}}" }] },
      },
    });
    expect(e.issues.map((i) => i.path)).toEqual([
      ["locales", "en-US", "subject"],
      ["locales", "en-US", "sections", 0, "body"],
      ["locales", "en-US", "sections", 0, "heading"],
    ]);
    expect(e.issues.map((i) => i.message)).toEqual([
      'unknown variable "acount.masked"; did you mean "account.masked"?',
      'unknown variable "ofer"; did you mean "offer"?',
      'unknown variable "dpdd"; did you mean "dpd"?',
    ]);
  });

  it("an optional variable must be guarded or defaulted", () => {
    const e = loadError({ ...base, locales: { "en-US": { body: "Dear {{borrower.name}}, pay {{offer.payoff}}." } } });
    expect(e.issues.map((i) => i.message)).toEqual([
      '"borrower.name" may be absent: wrap it in {{#if borrower.name}}…{{/if}} or give the locale a default',
      '"offer.payoff" may be absent: wrap it in {{#if offer.isSettlement}}…{{/if}} or give the locale a default',
    ]);
    // Guarded, or defaulted: fine. The else branch is not guarded.
    expect(() =>
      loadTemplate({
        ...base,
        locales: {
          "en-US": {
            body: "Dear {{borrower.name}}{{#if offer.isSettlement}} pay {{offer.payoff}}{{/if}}",
            defaults: { "borrower.name": "Customer" },
          },
        },
      }),
    ).not.toThrow();
    expect(
      loadError({ ...base, locales: { "en-US": { body: "{{#if offer}}{{else}}{{offer.payoff}}{{/if}}" } } }).issues,
    ).toHaveLength(1);
  });

  it("flags and lists cannot be printed; #each needs a list", () => {
    const e = loadError({
      ...base,
      locales: {
        "en-US": { body: "{{offer}} {{#if offer.isInstallments}}{{offer.installments}}{{#each dpd}}x{{/each}}{{/if}}" },
      },
    });
    expect(e.issues.map((i) => i.message)).toEqual([
      '"offer" is a flag: use it in {{#if offer}}, not printed',
      '"offer.installments" is a list: use it in {{#each offer.installments}}, not printed',
      '{{#each}} needs a list; "dpd" is number',
    ]);
  });

  it("item.* only inside #each", () => {
    const e = loadError({ ...base, locales: { "en-US": { body: "{{item.amount}}" } } });
    expect(e.issues[0]!.message).toBe('unknown variable "item.amount" outside {{#each}}');
  });

  it("syntax errors name the problem", () => {
    const msg = (body: string) => loadError({ ...base, locales: { "en-US": { body } } }).issues[0]!.message;
    expect(msg("{{#if dpd}}late")).toBe("{{#if dpd}} is never closed with {{/if}}");
    expect(msg("late{{/if}}")).toBe("{{/if}} without a matching {{#if}}");
    expect(msg("{{else}}")).toBe("{{else}} outside an {{#if}} or {{#unless}} block");
    expect(msg("{{#unless dpd}}x{{/if}}")).toBe("{{/if}} without a matching {{#if}}");
    expect(msg("{{dpd")).toBe('unclosed "{{" at character 0');
    expect(msg("{{dpd | upper}}")).toContain('unsupported tag "{{dpd | upper}}"');
    expect(msg("{{#if}}x{{/if}}")).toBe('"{{#if}}" needs one variable name, or a comparison such as name == "value"');
    expect(msg('{{#if params.stage === "x"}}x{{/if}}')).toMatch(/needs one variable name, or a comparison/);
    expect(msg("{{#if dpd}}{{#each offer.installments}}{{#each offer.installments}}{{/each}}{{/each}}{{/if}}")).toMatch(
      /may be absent|nested/,
    );
  });

  it("sms and e-mail need an opt-out text in every locale; e-mail needs a subject", () => {
    const sms = loadError({ ...base, channel: "sms", locales: { "en-US": { body: "Pay {{amount.overdue}}" } } });
    expect(sms.issues).toEqual([
      {
        path: ["locales", "en-US", "optOutText"],
        message: "required for sms templates (every electronic message carries an opt-out)",
      },
    ]);
    const email = loadError({
      ...base,
      channel: "email",
      locales: { "en-US": { body: "x", optOutText: "Reply STOP" } },
    });
    expect(email.issues[0]!.path).toEqual(["locales", "en-US", "subject"]);
  });

  it("a third-party template that uses any debt variable is rejected", () => {
    const e = loadError({
      ...base,
      audience: "third_party",
      channel: "call",
      locales: {
        "en-US": {
          body: "Please ask {{#if borrower.name}}{{borrower.name}}{{/if}} to call us about {{amount.overdue}}.",
        },
        "zh-CN": { body: "{{#if dpd}}请回电{{/if}}，账号{{account.masked}}" },
      },
    });
    expect(e.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["locales.en-US.body", 'third-party template must not reveal the debt: "amount.overdue" is not allowed'],
      ["locales.zh-CN.body", 'third-party template must not reveal the debt: "dpd" is not allowed'],
      ["locales.zh-CN.body", 'third-party template must not reveal the debt: "account.masked" is not allowed'],
    ]);
  });

  it("schema errors: unknown fields, bad locale keys, defaults for non-text variables, body and sections together", () => {
    const e = loadError({
      ...base,
      chanel: "sms",
      locales: { english: { body: "x" }, "en-US": { body: "x", sections: [{ body: "y" }] } },
    });
    expect(e.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["chanel", "locales.en-US"]));
    const e2 = loadError({
      ...base,
      locales: { english: { body: "x" }, "en-US": { body: "{{dpd}}", defaults: { dpd: "0" } } },
    });
    expect(e2.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["locales.english", 'expected a BCP 47 locale key such as "zh-CN" or "en-US"'],
      ["locales.en-US.defaults.dpd", "only borrower.name and lender.* variables take a locale default"],
    ]);
    expect(loadError({ ...base, locales: {} }).issues[0]!.path).toEqual(["locales"]);
    expect(loadError("not a template").code).toBe("INVALID_TEMPLATE");
  });

  it("returns an immutable template listing the variables it uses", () => {
    const t = loadTemplate({
      ...base,
      locales: { "en-US": { body: "{{dpd}} {{#if lender.name}}{{lender.name}}{{/if}}" } },
    });
    expect(t.variables).toEqual(["dpd", "lender.name"]);
    expect(Object.isFrozen(t)).toBe(true);
    expect(loadTemplate(t)).toBe(t);
  });
});

describe("renderMessage", () => {
  const sms = getTemplate("sms-reminder");
  const email = getTemplate("email-reminder");

  it("appends the opt-out to SMS and e-mail in each locale, once", () => {
    for (const d of [cnDecision, usDecision]) {
      const s = renderMessage(sms, d);
      const e = renderMessage(email, d);
      const optOut =
        d.locale === "zh-CN" ? ["回复TD退订", "请回复“退订”"] : ["Reply STOP to opt out.", "reply UNSUBSCRIBE"];
      expect(s.body.endsWith(optOut[0]!)).toBe(true);
      expect(e.body).toContain(optOut[1]!);
      expect(s.body.split(optOut[0]!).length).toBe(2);
    }
    const custom = renderMessage(sms, usDecision, { optOutText: "Text STOP to end messages." });
    expect(custom.body.endsWith("Text STOP to end messages.")).toBe(true);
    expect(custom.body).not.toContain("Reply STOP");
  });

  it("optOutText by locale (a guardrail profile's texts) picks the rendered language", () => {
    const texts = { "en-US": "Reply STOP to end texts.", zh: "回复T退订" };
    expect(renderMessage(sms, usDecision, { optOutText: texts }).body.endsWith("Reply STOP to end texts.")).toBe(true);
    expect(renderMessage(sms, cnDecision, { optOutText: texts }).body.endsWith("回复T退订")).toBe(true);
    // No text in the language: the template's own, never another language's.
    expect(renderMessage(sms, cnDecision, { optOutText: { "en-US": "Reply STOP" } }).body.endsWith("回复TD退订")).toBe(
      true,
    );
  });

  it("takes locale, zone and borrower name from the account when the decision lacks them", () => {
    const { locale: _l, borrower: _b, ...bare } = cnDecision;
    const account = { locale: "zh-CN", timeZone: "Asia/Shanghai", borrower: { name: "李娜" } };
    const m = renderMessage(sms, { ...bare, asOf: "2026-11-23T20:00:00-05:00" }, { account, deadlineDays: 0 });
    expect(m.locale).toBe("zh-CN");
    expect(m.body).toContain("尊敬的李娜");
    expect(m.body).toContain("2026年11月24日前还款"); // 20:00 in New York is the 24th in Shanghai
    // The decision's own fields win.
    expect(renderMessage(sms, cnDecision, { account }).body).toContain("尊敬的张伟");
  });

  it("a body that places {{optOut}} itself does not get it twice", () => {
    const t = loadTemplate({
      ...base,
      channel: "sms",
      locales: { "en-US": { body: "{{optOut}} Owed {{amount.overdue}}.", optOutText: "STOP=end" } },
    });
    expect(renderMessage(t, usDecision).body).toBe("STOP=end Owed $1,234.50.");
  });

  it("masks the account in every shipped template and never prints the full id", () => {
    expect(maskAccount("6222020200112345678")).toBe("****5678");
    expect(maskAccount("ACC-2024-001234")).toBe("****1234");
    expect(maskAccount("AB12")).toBe("****12");
    expect(maskAccount("7")).toBe("****");
    for (const id of Object.keys(TEMPLATES)) {
      for (const d of [cnDecision, usDecision]) {
        const m = renderMessage(getTemplate(id), d, { lender: d === cnDecision ? cnLender : usLender });
        expect(m.body + (m.subject ?? "")).not.toContain(d.accountId);
        expect(m.body).not.toContain(d.accountId.slice(-8));
      }
    }
  });

  it("third-party message: nothing about the debt, whatever the decision holds", () => {
    const t = getTemplate("third-party-message");
    expect(t.audience).toBe("third_party");
    for (const [d, lender] of [
      [cnDecision, cnLender],
      [usDecision, usLender],
    ] as const) {
      const m = renderMessage(t, d, { lender });
      expect(m.to).toBe("third_party");
      expect(m.body).not.toMatch(/[$¥]|\d[\d,]*\.\d\d|逾期|欠款|还款|overdue|past due|debt|owe|payment|balance/i);
      expect(m.body).not.toContain(d.accountId.slice(-4));
      expect(m.body).toContain(d.borrower!.name!);
    }
  });

  it("locale: option, then the decision's, then facts.locale; nearest template locale, else en-US", () => {
    expect(renderMessage(sms, cnDecision).locale).toBe("zh-CN");
    expect(renderMessage(sms, cnDecision, { locale: "en-US" }).locale).toBe("en-US");
    expect(renderMessage(sms, { ...usDecision, locale: "en-GB" }).locale).toBe("en-GB");
    expect(renderMessage(sms, { ...usDecision, locale: "en-AU" }).locale).toBe("en-US");
    expect(renderMessage(sms, { ...usDecision, locale: "zh-Hant-TW" }).locale).toBe("zh-CN");
    expect(renderMessage(sms, { ...usDecision, locale: "fr-FR" }).locale).toBe("en-US");
    const { locale: _omit, ...noLocale } = cnDecision;
    expect(renderMessage(sms, { ...noLocale, facts: { dpd: 45, locale: "zh-CN" } }).locale).toBe("zh-CN");
    expect(renderMessage(sms, noLocale).locale).toBe("en-US");
    // Formatting follows the chosen template locale: a CNY debt in English.
    expect(renderMessage(sms, cnDecision, { locale: "en-US" }).body).toContain("CN¥2,236.40");
  });

  it("deadline: option, else the template's deadlineDays; the letter date is asOf's date (or in decision.timeZone)", () => {
    expect(renderMessage(sms, usDecision).body).toContain("Please pay by November 30, 2026");
    expect(renderMessage(sms, usDecision, { deadlineDays: 0 }).body).toContain("Please pay by November 23, 2026");
    // 23:30 in New York is already the 24th in UTC; written date wins without a zone.
    const late = { ...usDecision, asOf: "2026-11-23T23:30:00-05:00" };
    expect(renderMessage(sms, late, { deadlineDays: 0 }).body).toContain("November 23, 2026");
    expect(renderMessage(sms, { ...late, timeZone: "Asia/Shanghai" }, { deadlineDays: 0 }).body).toContain(
      "November 24, 2026",
    );
    expect(renderMessage(sms, { ...usDecision, asOf: "2026-12-31" }, { deadlineDays: 1 }).body).toContain(
      "January 1, 2027",
    );
  });

  it("missing or malformed decision data is an ArrearsError naming the field, never an empty field", () => {
    const noTotal = { ...usDecision, amounts: { ...usDecision.amounts!, overdue: { principal: "1.00" } } };
    expect(() => renderMessage(sms, noTotal)).toThrowError(ArrearsError);
    try {
      renderMessage(sms, noTotal);
    } catch (e) {
      expect((e as ArrearsError).code).toBe("INVALID_INPUT");
      expect((e as ArrearsError).issues[0]!.path).toEqual(["decision", "amounts", "overdue", "total"]);
    }
    const badDpd = { ...usDecision, facts: { dpd: Number.NaN } };
    expect(() => renderMessage(sms, badDpd)).toThrow(
      /decision\.facts\.dpd: expected a whole number of days, received NaN/,
    );
    expect(() => renderMessage(sms, { ...usDecision, amounts: { ...usDecision.amounts!, currency: "XXX" } })).toThrow(
      /decision\.amounts\.currency/,
    );
    expect(() => renderMessage(sms, null as unknown as MessageDecision)).toThrowError(ArrearsError);
    // Numbers are accepted as amounts, exactly and without exponent notation.
    const numeric = {
      ...usDecision,
      amounts: { ...usDecision.amounts!, overdue: { total: 1e21 as unknown as string } },
    };
    expect(renderMessage(sms, numeric).body).toContain("$1,000,000,000,000,000,000,000.00");
    const tiny = { ...usDecision, amounts: { ...usDecision.amounts!, overdue: { total: 0.1 as unknown as string } } };
    expect(renderMessage(sms, tiny).body).toContain("$0.10");
    // Fields a template does not use are not required.
    const t = loadTemplate({ ...base, locales: { "en-US": { body: "{{dpd}}" } } });
    expect(renderMessage(t, { accountId: "1", asOf: "2026-11-23", facts: { dpd: 3 } }).body).toBe("3");
  });

  it("bad options are INVALID_OPTIONS with the path", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return [(e as ArrearsError).code, (e as ArrearsError).issues[0]!.path];
      }
      return null;
    };
    expect(code(() => renderMessage(sms, usDecision, { lender: { phnoe: "1" } as never }))).toEqual([
      "INVALID_OPTIONS",
      ["lender", "phnoe"],
    ]);
    expect(code(() => renderMessage(sms, usDecision, { lender: { phone: 5 } as never }))).toEqual([
      "INVALID_OPTIONS",
      ["lender", "phone"],
    ]);
    expect(code(() => renderMessage(sms, usDecision, { deadlineDays: -1 }))).toEqual([
      "INVALID_OPTIONS",
      ["deadlineDays"],
    ]);
    expect(code(() => renderMessage(sms, usDecision, { optOutText: " " }))).toEqual([
      "INVALID_OPTIONS",
      ["optOutText"],
    ]);
  });

  it("offers render when well formed and are left out when not", () => {
    const letter = getTemplate("formal-letter");
    const withOffer = renderMessage(letter, cnDecision, { lender: cnLender }).body;
    expect(withOffer).toContain("第3期：2027年2月9日，¥733.33");
    const broken = {
      ...cnDecision,
      action: { offer: { kind: "installments", installments: [{ dueDate: "nope", amount: "1" }] } },
    };
    const body = renderMessage(letter, broken, { lender: cnLender }).body;
    expect(body).not.toContain("方案：");
    expect(body).toContain("逾期应还金额：¥2,236.40");
    // A waiver of zero is not announced.
    const noWaiver = {
      ...cnDecision,
      action: { offer: { ...(cnDecision.action!.offer as object), waived: { penaltyInterest: "0.00", fees: "0" } } },
    };
    expect(renderMessage(letter, noWaiver).body).not.toContain("减免罚息");
  });

  it("a value ending in a full stop does not get a second one", () => {
    const t = loadTemplate({
      ...base,
      locales: {
        "en-US": {
          body: "From {{lender.name}}. Call {{lender.phone}}.",
          defaults: { "lender.name": "us", "lender.phone": "1" },
        },
      },
    });
    expect(renderMessage(t, usDecision, { lender: { name: "Example Bank, N.A.", phone: "555" } }).body).toBe(
      "From Example Bank, N.A. Call 555.",
    );
  });

  it("conditional lines leave no blank lines behind; zero components are omitted", () => {
    const t = loadTemplate({
      ...base,
      locales: {
        "en-US": {
          body: [
            "Owed {{amount.overdue}}",
            "{{#if amount.penaltyInterest}}",
            "Penalty {{amount.penaltyInterest}}",
            "{{/if}}",
            "{{#if amount.fees}}",
            "Fees {{amount.fees}}",
            "{{/if}}",
            "End",
          ],
        },
      },
    });
    expect(renderMessage(t, usDecision).body).toBe("Owed $1,234.50\nFees $50.00\nEnd");
  });

  it("is deterministic and accepts a full Decision", () => {
    const decision = {
      ...usDecision,
      policy: { id: "p", version: "1" },
      facts: { dpd: 45 },
      scores: {} as Decision["scores"],
      action: {
        type: "send_letter",
        channel: "letter",
        rule: "r",
        earliestAt: usDecision.asOf,
        contact: true,
        party: "borrower",
        params: {},
        offer: usDecision.action!.offer,
      },
      jurisdiction: "US-NY",
      guardrails: [],
      holds: [],
      limitation: null,
      blocked: [],
      allContactsBlocked: false,
      nextContactAt: null,
      trace: [],
    } as Decision;
    const a = JSON.stringify(renderMessage(getTemplate("formal-letter"), decision, { lender: usLender }));
    const b = JSON.stringify(
      renderMessage(TEMPLATES["formal-letter"], structuredClone(decision), { lender: { ...usLender } }),
    );
    expect(a).toBe(b);
  });
});

describe("formatting", () => {
  it("money is formatted exactly from the decimal string", () => {
    expect(formatMoney("1234.5", "CNY", "zh-CN")).toBe("¥1,234.50");
    expect(formatMoney("1234.50", "USD", "en-US")).toBe("$1,234.50");
    expect(formatMoney("12345678901234567.89", "USD", "en-US")).toBe("$12,345,678,901,234,567.89");
    expect(formatMoney("0.1", "USD", "en-US")).toBe("$0.10");
    expect(formatMoney("0", "USD", "en-US")).toBe("$0.00");
    expect(formatMoney("-0.50", "USD", "en-US")).toBe("-$0.50");
    expect(formatMoney("-1234.05", "USD", "en-US")).toBe("-$1,234.05");
    expect(formatMoney("1.005", "USD", "en-US")).toBe("$1.01"); // half away from zero, in decimal
    expect(formatMoney("1500", "JPY", "en-US")).toBe("¥1,500");
    expect(formatMoney("1.2345", "KWD", "en-US")).toBe("KWD\u00a01.235");
    expect(formatMoney("1", "USD", "zh-CN")).toBe("US$1.00");
    expect(() => formatMoney("1e3", "USD", "en-US")).toThrow(ArrearsError);
  });

  it("dates are written as each locale writes them in a letter, whatever the host zone", () => {
    expect(formatDate("2026-11-23", "zh-CN")).toBe("2026年11月23日");
    expect(formatDate("2026-11-23", "en-US")).toBe("November 23, 2026");
    expect(formatDate("2024-02-29", "en-US")).toBe("February 29, 2024");
  });
});
