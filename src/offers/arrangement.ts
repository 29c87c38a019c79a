import * as z from "zod";
import type { ArrangementSchema } from "../model/index.js";
import { parseIsoDate } from "../time/index.js";
import type { Offer } from "./build.js";
import { fail, parseWith } from "./internal.js";

// What offerToArrangement reads of an offer (from buildOffer) and of its options, as copies.
const AgreedOfferSchema = z.object({
  status: z.string(),
  kind: z.enum([
    "installments",
    "term_extension",
    "reduced_payment",
    "payment_holiday",
    "deferral",
    "settlement",
    "fee_waiver",
  ]),
  schedule: z.array(z.object({ dueDate: z.string(), amount: z.string() })).max(10_000),
  waiverCondition: z.string().optional(),
  waived: z.object({ penaltyInterest: z.string(), fees: z.string() }).optional(),
});
const AgreementOptionsSchema = z.strictObject({ id: z.string().min(1).max(200), agreedOn: z.string() });

/** An arrangement as `account.arrangements` takes it. */
export type ArrangementInput = z.input<typeof ArrangementSchema>;

const KIND: Record<Exclude<Offer["kind"], "fee_waiver">, ArrangementInput["kind"]> = {
  installments: "installment_plan",
  term_extension: "installment_plan",
  reduced_payment: "reduced_payment",
  payment_holiday: "payment_holiday",
  deferral: "deferral",
  settlement: "settlement",
};

/**
 * The arrangement to record on the account (`account.arrangements`) once the borrower agrees
 * to an offer: its schedule is the offer's `schedule`, and a waiver granted `on_completion`
 * becomes the arrangement's `conditionalWaiver`. From then on `arrangementStatus` and the
 * arrangement facts track it to the end.
 *
 * @throws {ArrearsError} `INVALID_OFFER` for an offer that was not made (`status` other than
 * `offered`), a fee waiver (nothing to track), or an agreement dated after the first payment.
 *
 * @example
 * const offer = buildOffer(spec, account, { asOf: "2026-11-23" });
 * const plan = offerToArrangement(offer, { id: "plan-2026-11", agreedOn: "2026-11-25" });
 * // { id: "plan-2026-11", kind: "installment_plan", agreedOn: "2026-11-25",
 * //   schedule: [{ dueDate: "2026-12-20", amount: "1666.67" }, …], conditionalWaiver: { penaltyInterest: "150.00" } }
 */
export function offerToArrangement(input: Offer, agreement: { id: string; agreedOn: string }): ArrangementInput {
  const offer = parseWith(AgreedOfferSchema, input, "offer");
  const options = parseWith(AgreementOptionsSchema, agreement, "offerToArrangement options");
  if (offer.status !== "offered") fail(["status"], "only an offer that was made can be agreed", offer.status);
  if (offer.kind === "fee_waiver") fail(["kind"], "a fee waiver has no payments to track", offer.kind);
  const agreed = parseIsoDate(options.agreedOn);
  if (Number.isNaN(agreed)) fail(["agreedOn"], "expected an ISO date", options.agreedOn);
  const first = offer.schedule[0];
  if (first !== undefined && parseIsoDate(first.dueDate) < agreed)
    fail(["agreedOn"], `after the first payment date ${first.dueDate}: rebuild the offer`, options.agreedOn);
  const out: ArrangementInput = {
    id: options.id,
    kind: KIND[offer.kind],
    agreedOn: options.agreedOn,
    schedule: offer.schedule.map((l) => ({ dueDate: l.dueDate, amount: l.amount })),
  };
  if (offer.waiverCondition === "on_completion" && offer.waived !== undefined) {
    const w = offer.waived;
    const waiver: { penaltyInterest?: string; fees?: string } = {};
    if (Number(w.penaltyInterest) > 0) waiver.penaltyInterest = w.penaltyInterest;
    if (Number(w.fees) > 0) waiver.fees = w.fees;
    if (waiver.penaltyInterest !== undefined || waiver.fees !== undefined) out.conditionalWaiver = waiver;
  }
  return out;
}
