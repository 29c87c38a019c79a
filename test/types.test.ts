// Type-level tests of the public API (checked by `tsc --noEmit` and vitest's expectTypeOf): the
// types users program against say what the functions do, and typos fail to compile.
import { describe, expectTypeOf, it } from "vitest";
import {
  type Account,
  type AccountInput,
  type ArrearsErrorCode,
  type Decision,
  decide,
  deriveFacts,
  type ExperimentResults,
  experimentResults,
  type Facts,
  type FitResult,
  type FitScorecardOptions,
  fitScorecard,
  formatReport,
  type Policy,
  type PolicyRouter,
  parseAccount,
  type Report,
  type RuleFileKind,
  type ScorecardInput,
  type StabilityStatus,
  safeParseAccount,
  type scorecardStability,
  shippedRuleFile,
} from "../src/index.js";
import type { Balance, Borrower } from "../src/schemas.js";
import { type AccountBuilder, account, type EmbeddedTestReport, runEmbeddedTests } from "../src/testing/index.js";

describe("public types", () => {
  it("parse: unknown in, Account out; safeParse: a discriminated result", () => {
    expectTypeOf(parseAccount).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseAccount).returns.toEqualTypeOf<Account>();
    const r = safeParseAccount({});
    if (r.success) expectTypeOf(r.data).toEqualTypeOf<Account>();
    else expectTypeOf(r.error.code).toEqualTypeOf<ArrearsErrorCode>();
  });

  it("decide takes an account input (typos fail to compile) or a parsed account", () => {
    expectTypeOf(decide).parameter(0).toEqualTypeOf<Policy | PolicyRouter>();
    expectTypeOf<Account>().toMatchTypeOf<Parameters<typeof decide>[1]>();
    expectTypeOf<AccountInput>().toMatchTypeOf<Parameters<typeof decide>[1]>();
    // A misspelt field is not an account input.
    expectTypeOf<{ id: string; product: "installment"; ballance: Balance }>().not.toMatchTypeOf<AccountInput>();
    expectTypeOf(decide).returns.toEqualTypeOf<Decision>();
  });

  it("an `as const` account literal is an AccountInput", () => {
    const literal = {
      id: "A1",
      product: "installment",
      currency: "CNY",
      jurisdiction: "CN",
      openedOn: "2026-01-01",
      timeZone: "Asia/Shanghai",
      dues: [{ dueDate: "2026-10-15", amount: "100.00" }],
    } as const;
    expectTypeOf(literal).toMatchTypeOf<AccountInput>();
  });

  it("a decision is plain, typed JSON", () => {
    expectTypeOf<Decision["accountId"]>().toEqualTypeOf<string>();
    expectTypeOf<Decision["action"]["earliestAt"]>().toEqualTypeOf<string>();
    expectTypeOf<Decision["amounts"]["overdue"]["total"]>().toEqualTypeOf<string>();
    expectTypeOf<Decision["facts"]>().toEqualTypeOf<Facts>();
    expectTypeOf(deriveFacts).returns.toEqualTypeOf<Facts>();
  });

  it("shipped rule files by kind; schema types from arrears/schemas", () => {
    expectTypeOf(shippedRuleFile).parameter(0).toEqualTypeOf<RuleFileKind>();
    expectTypeOf<Borrower["doNotContact"]>().toEqualTypeOf<("call" | "sms" | "email" | "letter" | "visit" | "app")[]>();
  });

  it("testing kit", () => {
    expectTypeOf(account()).toEqualTypeOf<AccountBuilder>();
    expectTypeOf(runEmbeddedTests).returns.toEqualTypeOf<EmbeddedTestReport>();
  });

  it("fitting, monitoring and experiment results", () => {
    expectTypeOf(fitScorecard).returns.toEqualTypeOf<FitResult>();
    expectTypeOf<FitResult["card"]>().toEqualTypeOf<ScorecardInput>();
    expectTypeOf<FitResult["report"]["performance"]["auc"]>().toEqualTypeOf<number>();
    // Options are typed: a wrong trend does not compile (a misspelt key fails at run time, with did-you-mean).
    expectTypeOf<{ id: "x"; target: "y"; characteristics: ["dpd"] }>().toMatchTypeOf<FitScorecardOptions>();
    expectTypeOf<{
      id: "x";
      target: "y";
      characteristics: [{ fact: "dpd"; trend: "upwards" }];
    }>().not.toMatchTypeOf<FitScorecardOptions>();
    expectTypeOf<ReturnType<typeof scorecardStability>["status"]>().toEqualTypeOf<StabilityStatus>();
    expectTypeOf(experimentResults).returns.toEqualTypeOf<ExperimentResults>();
    // Money stays a decimal string.
    expectTypeOf<ExperimentResults["variants"][number]["collected"]>().toEqualTypeOf<string>();
    expectTypeOf(formatReport).parameter(0).toEqualTypeOf<Report>();
    expectTypeOf(formatReport).returns.toEqualTypeOf<string>();
  });
});
