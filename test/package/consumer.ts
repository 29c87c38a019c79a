// A tiny TypeScript consumer of the packed package. test/pack-smoke.mjs copies it into a fresh app
// as consumer.mts and consumer.cts (module node16), consumer-node10.ts (moduleResolution node10,
// module commonjs) and consumer-bundler.ts (module esnext, moduleResolution bundler), and type-checks
// each with strict: true and skipLibCheck: false, so every shipped .d.ts is checked too.
// It must stay valid as both an ES module and a CommonJS module: no top-level await, no import.meta.
import {
  type Account,
  type AmountInput,
  ArrearsError,
  type ArrearsErrorCode,
  addAmounts,
  type Decision,
  decide,
  loadPolicy,
  type Policy,
  parseAccount,
  roundAmount,
  shippedRuleFile,
} from "arrears";
import { createDecisionPool, type DecisionPool, type PolicySource } from "arrears/parallel";
import { AccountSchema, CHANNELS } from "arrears/schemas";
import { type AccountBuilder, account, type PolicyCase, type PolicyTestReport, runPolicyTests } from "arrears/testing";

const policy: Policy = loadPolicy(shippedRuleFile("policies", "us-default"));
const channels: readonly string[] = CHANNELS;
const valid: boolean = AccountSchema.safeParse({}).success;
const builder: AccountBuilder = account().overdue(20).income("3200.00");
const parsed: Account = parseAccount(builder.build());
const decision: Decision = decide(policy, parsed, { asOf: builder.asOfInstant });
const actionType: string = decision.action.type;

const cases: PolicyCase[] = [{ name: "20 days late: a call", given: builder, expect: { action: "call_borrower" } }];
const report: PolicyTestReport = runPolicyTests(policy, cases, { runner: false });

const amount: AmountInput = "1.005";
const rounded: string = roundAmount(amount, "USD");
const sum: string = addAmounts("USD", rounded, 2);

// arrears/parallel: a serialisable policy source, a pool of worker threads (not started here).
const source: PolicySource = { route: ["us-default", { policy: shippedRuleFile("policies", "cn-default") }] };
function startPool(): Promise<DecisionPool> {
  return createDecisionPool(source, { threads: 2 });
}

function errorCode(e: unknown): ArrearsErrorCode | null {
  return e instanceof ArrearsError ? e.code : null;
}

// The types are real, not `any`: a wrong use must be rejected.
// @ts-expect-error accountId is a string
const wrong: number = decision.accountId;

export { actionType, channels, errorCode, report, startPool, sum, valid, wrong };
