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

  it('"did you mean" ignores inputs far longer than any name', () => {
    const started = performance.now();
    expect(closest("x".repeat(300_000), ["dpd", "bucket"])).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(50);
    expect(closest("dpdd", ["dpd", "bucket"])).toBe("dpd");
  });
});
