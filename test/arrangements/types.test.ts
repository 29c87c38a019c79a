// Type-level tests of the arrangements layer's public surface (arrangementStatus, reageEligibility
// and their types, the enumerations and the rule-file schema).
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  ARRANGEMENT_STATES,
  type ArrangementInstallment,
  type ArrangementInstallmentState,
  type ArrangementRecord,
  type ArrangementRules,
  type ArrangementState,
  type ArrangementStatusOptions,
  type ArrangementSummary,
  arrangementStatus,
  loadReageRules,
  REAGE_CHECKS,
  type ReageCheck,
  type ReageCheckResult,
  type ReageEligibility,
  type ReageEligibilityOptions,
  type ReageRules,
  ReageRulesSchema,
  reageEligibility,
  shippedReageRules,
} from "../../src/arrangements/index.js";
import type { PromiseInvalidReason, PromiseValidity, promiseStatus } from "../../src/contacts/index.js";

describe("arrangements: public types", () => {
  it("arrangementStatus: options in, a summary of typed records out", () => {
    expectTypeOf(arrangementStatus).parameter(1).toEqualTypeOf<ArrangementStatusOptions>();
    expectTypeOf(arrangementStatus).returns.toEqualTypeOf<ArrangementSummary>();
    expectTypeOf<ArrangementSummary["current"]>().toEqualTypeOf<ArrangementRecord | null>();
    expectTypeOf<ArrangementSummary["rules"]>().toEqualTypeOf<ArrangementRules>();
    expectTypeOf<ArrangementRecord["status"]>().toEqualTypeOf<ArrangementState>();
    expectTypeOf<ArrangementRecord["installments"]>().toEqualTypeOf<ArrangementInstallment[]>();
    expectTypeOf<ArrangementInstallment["status"]>().toEqualTypeOf<ArrangementInstallmentState>();
    expectTypeOf<(typeof ARRANGEMENT_STATES)[number]>().toEqualTypeOf<ArrangementState>();
    expect(ARRANGEMENT_STATES).toEqual(["on_track", "at_risk", "broken", "completed"]);
  });

  it("reageEligibility: every check typed; the rule-file schema is exported", () => {
    expectTypeOf(reageEligibility).parameter(1).toEqualTypeOf<ReageEligibilityOptions>();
    expectTypeOf(reageEligibility).returns.toEqualTypeOf<ReageEligibility>();
    expectTypeOf<ReageEligibility["checks"]>().toEqualTypeOf<ReageCheckResult[]>();
    expectTypeOf<ReageEligibility["failed"]>().toEqualTypeOf<ReageCheck[]>();
    expectTypeOf(loadReageRules).returns.toEqualTypeOf<ReageRules>();
    expect(REAGE_CHECKS).toContain("frequency");
    expect(ReageRulesSchema.safeParse(shippedReageRules["us-ffiec-open-end"]).success).toBe(true);
  });

  it("promise validity options and reasons", () => {
    expectTypeOf<PromiseValidity>().toMatchTypeOf<Partial<Parameters<typeof promiseStatus>[1]>>();
    expectTypeOf<
      ReturnType<typeof promiseStatus>["promises"][number]["invalidReason"]
    >().toEqualTypeOf<PromiseInvalidReason | null>();
  });
});
