// #10 items 3 and 6: rendering was quadratic in a long name (a 100 KB name made one decide take
// 44 s); 3,000 nested {{#if}} overflowed the stack; "did you mean" took 4 s on a 300 KB name.
import { describe, expect, it } from "vitest";
import { closest } from "../../src/errors/suggest.js";
import { loadTemplate, renderMessage } from "../../src/index.js";
import { getTemplate } from "../../src/messages/index.js";
import { thrownArrearsError } from "../helpers.js";
import { cnDecision } from "../messages/fixtures.js";

describe("message rendering stays linear and bounded", () => {
  it("a hand-made decision with a 100 KB name of spaces renders fast", () => {
    const name = `${" ".repeat(100_000)}x${" ".repeat(100_000)}`;
    const started = performance.now();
    const m = renderMessage(getTemplate("formal-letter"), { ...cnDecision, borrower: { name } });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(m.body.length).toBeGreaterThan(0);
  });

  it("deeply nested {{#if}} blocks are a template error, not a stack overflow", () => {
    const body = "{{#if borrower.name}}".repeat(500) + "x" + "{{/if}}".repeat(500);
    const e = thrownArrearsError(() =>
      loadTemplate({
        schemaVersion: 1,
        id: "deep",
        version: "1.0.0",
        description: "deep",
        channel: "letter",
        audience: "borrower",
        locales: { "en-US": { body } },
      }),
    );
    expect(e.code).toBe("INVALID_TEMPLATE");
    expect(e.message).toContain("nested deeper than 16");
  });

  it("a template text over the size limit is refused", () => {
    const e = thrownArrearsError(() =>
      loadTemplate({
        schemaVersion: 1,
        id: "huge",
        version: "1.0.0",
        description: "huge",
        channel: "letter",
        audience: "borrower",
        locales: { "en-US": { body: "x".repeat(20_001) } },
      }),
    );
    expect(e.issues[0]!.path.join(".")).toBe("locales.en-US.body");
  });

  // Fuzz case templates:7172 (seed 20261129): the call script with a section duplicated into
  // 10,005 sections took 250 s to render its embedded tests, because reading the last character
  // of the text built so far flattened the whole string at every text node.
  it("a letter of 200 long sections with values between them renders in linear time", () => {
    const section = { heading: "H", body: "{{borrower.name}}. Text. ".repeat(15) };
    const t = loadTemplate({
      schemaVersion: 1,
      id: "long",
      version: "1.0.0",
      description: "long",
      channel: "letter",
      audience: "borrower",
      locales: {
        "en-US": { sections: Array.from({ length: 200 }, () => section), defaults: { "borrower.name": "Customer" } },
      },
    });
    const name = "N".repeat(200);
    const started = performance.now();
    const m = renderMessage(t, { ...cnDecision, borrower: { name } }, { locale: "en-US" });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(m.body.split(name).length - 1).toBe(200 * 15);
  });

  it("sections, locales, the text of one locale and embedded tests have limits", () => {
    const base = {
      schemaVersion: 1,
      id: "many",
      version: "1.0.0",
      description: "many",
      channel: "letter",
      audience: "borrower",
    } as const;
    const sections = thrownArrearsError(() =>
      loadTemplate({ ...base, locales: { "en-US": { sections: Array.from({ length: 201 }, () => ({ body: "x" })) } } }),
    );
    expect(sections.issues[0]!.path.join(".")).toBe("locales.en-US.sections");
    const text = thrownArrearsError(() =>
      loadTemplate({
        ...base,
        locales: { "en-US": { sections: Array.from({ length: 10 }, () => ({ body: "x".repeat(15_000) })) } },
      }),
    );
    expect(text.message).toContain("at most 100000 characters of text in one locale");
    const locales = thrownArrearsError(() =>
      loadTemplate({
        ...base,
        locales: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`en-X${i}`, { body: "x" }])),
      }),
    );
    expect(locales.message).toContain("at most 100 locales");
    const tests = thrownArrearsError(() =>
      loadTemplate({
        ...base,
        locales: { "en-US": { body: "x" } },
        tests: Array.from({ length: 1_001 }, (_, i) => ({ name: `t${i}`, decision: {}, expect: {} })),
      }),
    );
    expect(tests.issues[0]!.path.join(".")).toBe("tests");
  });

  it('"did you mean" ignores inputs far longer than any name', () => {
    const started = performance.now();
    expect(closest("x".repeat(300_000), ["dpd", "bucket"])).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(50);
    expect(closest("dpdd", ["dpd", "bucket"])).toBe("dpd");
  });
});
