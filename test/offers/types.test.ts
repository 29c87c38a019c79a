// Type-level tests of the offer engine's public surface: every kind's result shares one envelope,
// and the spec vocabulary's enumerations are exported.
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type AffordabilityReason,
  type ArrangementInput,
  buildOffer,
  type Offer,
  type OfferAffordability,
  type OfferEnvelope,
  type OfferReason,
  type OfferSpec,
  type OfferStatus,
  offerToArrangement,
  type PlanOption,
  type PlanSelection,
  type ScheduleLine,
  type SettlementWording,
} from "../../src/offers/index.js";
import { FREEZABLE_COMPONENTS, FreezableComponentSchema, OFFER_KINDS } from "../../src/rules/params.js";

describe("offers: public types", () => {
  it("every offer carries the envelope", () => {
    expectTypeOf(buildOffer).returns.toEqualTypeOf<Offer>();
    expectTypeOf<Offer>().toMatchTypeOf<OfferEnvelope>();
    expectTypeOf<Offer["status"]>().toEqualTypeOf<OfferStatus>();
    expectTypeOf<Offer["schedule"]>().toEqualTypeOf<ScheduleLine[]>();
    expectTypeOf<Offer["reasons"]>().toEqualTypeOf<OfferReason[]>();
    expectTypeOf<Offer["affordability"]>().toEqualTypeOf<OfferAffordability>();
    expectTypeOf<OfferAffordability["reason"]>().toEqualTypeOf<AffordabilityReason>();
    expectTypeOf<Extract<Offer, { kind: "settlement" }>["wording"]>().toEqualTypeOf<SettlementWording>();
    expectTypeOf<Extract<Offer, { kind: "installments"; status: "offered" }>["options"]>().toEqualTypeOf<
      PlanOption[]
    >();
    expectTypeOf<
      Extract<Offer, { kind: "installments"; status: "offered" }>["selection"]
    >().toMatchTypeOf<PlanSelection>();
    expectTypeOf(offerToArrangement).returns.toEqualTypeOf<ArrangementInput>();
  });

  it("the spec vocabulary: every kind, freezable components; as-const specs fit", () => {
    expect(OFFER_KINDS).toEqual([
      "installments",
      "term_extension",
      "reduced_payment",
      "payment_holiday",
      "deferral",
      "fee_waiver",
      "settlement",
    ]);
    expect(FREEZABLE_COMPONENTS.every((c) => FreezableComponentSchema.safeParse(c).success)).toBe(true);
    const spec = { kind: "installments", counts: [3, 6, 12], waive: ["fees"] } as const;
    expectTypeOf(spec).toMatchTypeOf<OfferSpec>();
    expectTypeOf<(typeof OFFER_KINDS)[number]>().toEqualTypeOf<OfferSpec["kind"]>();
  });
});
