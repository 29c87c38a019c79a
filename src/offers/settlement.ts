import type { Account } from "../model/account.js";
import { Dec } from "../money/index.js";
import { formatIsoDate } from "../time/index.js";
import {
  DEFAULT_AFFORDABILITY,
  disposableOf,
  envelope,
  lumpSumAffordability,
  type OfferContext,
  type OfferEnvelope,
  type OfferReason,
} from "./context.js";
import { accountOf, amt, asOfDay, balanceFigures, checkDay, minor, mulShare, parseWith } from "./internal.js";
import { type ParsedOfferSpec, type SettlementOptions, SettlementOptionsSchema } from "./schemas.js";

/** One balance component of a settlement. */
interface SettlementLine {
  outstanding: string;
  discount: string;
  payable: string;
}

/** Result of {@link settlementOffer}. */
export interface SettlementOffer {
  kind: "settlement";
  currency: string;
  outstanding: string;
  /** The one-off amount that settles the account. */
  payoff: string;
  /** outstanding − payoff. */
  discount: string;
  /** discount ÷ outstanding, 4 decimals rounded down (so it never shows more than `maxDiscount`). */
  discountRate: string;
  /** The policy's largest discount share, as given. */
  maxDiscount: string;
  /** The lowest acceptable payoff in money (capped at outstanding). */
  floor: string;
  floorBasis: "principal_share" | "amount";
  /** Which bound set the payoff: the largest discount, or the floor. */
  limitedBy: "max_discount" | "floor";
  /** Discount by component: penalty interest first, then fees, interest, principal. */
  breakdown: {
    penaltyInterest: SettlementLine;
    fees: SettlementLine;
    interest: SettlementLine;
    principal: SettlementLine;
  };
  /** Last day (inclusive) the offer may be accepted; null without `asOf`. */
  validUntil: string | null;
}

type Floor = string | number | { share: string | number } | { amount: string | number };

/** @internal settlement on a validated account. */
function settlementOf(
  account: Account,
  maxDiscount: string | number,
  floor: Floor,
  day: number | null,
  validForDays: number,
): SettlementOffer {
  if (day !== null) checkDay(day + validForDays, ["validForDays"], validForDays);
  const b = balanceFigures(account);
  const c = b.currency;
  const o = b.outstanding;
  const maxShare = new Dec(String(maxDiscount));
  // Bounds are rounded in the lender's favour: never more discount, never a lower floor.
  const maxDisc = mulShare(o, maxShare, Dec.ROUND_DOWN);
  let floorMinor: number;
  let floorBasis: SettlementOffer["floorBasis"];
  if (typeof floor === "object" && "amount" in floor) {
    floorMinor = minor(floor.amount, c, ["floor", "amount"]);
    floorBasis = "amount";
  } else {
    const share = typeof floor === "object" ? floor.share : floor;
    floorMinor = mulShare(b.principal, new Dec(String(share)), Dec.ROUND_UP);
    floorBasis = "principal_share";
  }
  if (floorMinor > o) floorMinor = o;
  const byDiscount = o - maxDisc;
  const payoff = byDiscount >= floorMinor ? byDiscount : floorMinor;
  const discount = o - payoff;

  let left = discount;
  const line = (outstanding: number): SettlementLine => {
    const d = left < outstanding ? left : outstanding;
    left -= d;
    return { outstanding: amt(outstanding, c), discount: amt(d, c), payable: amt(outstanding - d, c) };
  };
  const penaltyInterest = line(b.penaltyInterest);
  const fees = line(b.fees);
  const interest = line(b.interest);
  const principal = line(b.principal);

  return {
    kind: "settlement",
    currency: c,
    outstanding: amt(o, c),
    payoff: amt(payoff, c),
    discount: amt(discount, c),
    discountRate: o === 0 ? "0.0000" : new Dec(discount).div(o).toFixed(4, Dec.ROUND_DOWN),
    maxDiscount: maxShare.toString(),
    floor: amt(floorMinor, c),
    floorBasis,
    limitedBy: byDiscount >= floorMinor ? "max_discount" : "floor",
    breakdown: { penaltyInterest, fees, interest, principal },
    validUntil: day === null ? null : formatIsoDate(day + validForDays),
  };
}

/**
 * A one-off discounted payoff within policy bounds. Outstanding = principal + interest +
 * penalty interest + fees of `account.balance` (a snapshot's `outstanding`, as principal, when
 * the balance is empty).
 *
 * - The discount is as large as allowed: at most `maxDiscount × outstanding` (rounded down to
 *   the minor unit), and the payoff never goes below `floor`.
 * - `floor` is a share of the outstanding **principal** (`"0.5"` or `{share: "0.5"}`, rounded
 *   up) or an absolute `{amount: "500.00"}`; a floor above the outstanding means no discount.
 * - The discount is taken from penalty interest first, then fees, then interest, then principal.
 * - `validUntil` = local date of `asOf` + `validForDays` (default 30); null without `asOf`.
 *
 * So `payoff` always lies between the floor (capped at outstanding) and the outstanding.
 *
 * @throws {ArrearsError} `INVALID_OFFER` for bad options, `INVALID_ACCOUNT` for a bad account.
 *
 * @example
 * // balance {principal: "1000.00", interest: "100.00", penaltyInterest: "50.00", fees: "50.00"}
 * settlementOffer({ account, maxDiscount: "0.4", floor: "0.8", asOf: "2026-11-23" });
 * // { payoff: "800.00", discount: "400.00", discountRate: "0.3333", limitedBy: "floor",
 * //   breakdown: { penaltyInterest: { discount: "50.00", … }, fees: { discount: "50.00", … },
 * //                interest: { discount: "100.00", … }, principal: { discount: "200.00", … } },
 * //   validUntil: "2026-12-23", … }
 */
export function settlementOffer(options: SettlementOptions): SettlementOffer {
  const o = parseWith(SettlementOptionsSchema, options, "settlementOffer options");
  const account = accountOf(o.account);
  const day = o.asOf === undefined ? null : asOfDay(o.asOf, account.timeZone, ["asOf"]);
  return settlementOf(account, o.maxDiscount, o.floor, day, o.validForDays);
}

/** How a settlement offer must be worded (templates read these; the library never presses). */
export interface SettlementWording {
  /** Always false: no urgency, no "one-time only", no suggestion to borrow or sell to pay. */
  pressing: false;
  /** `option` (offered alongside other help) or `reply_to_request` (a written answer to the borrower's own request). */
  presentAs: "option" | "reply_to_request";
  /** `validUntil` says how long the offer stays open, never a deadline to meet. */
  validity: "stays_open_until";
  /** Mention the alternatives (a payment plan, a payment break) alongside. */
  offerAlternatives: true;
}

/** A settlement built from a spec: the offer, its envelope and its wording. */
export interface SettlementOfferBuilt extends SettlementOffer, OfferEnvelope {
  status: "offered";
  approach: "proactive" | "on_request";
  /** Always false (see `wording`). */
  pressing: false;
  wording: SettlementWording;
}

/** @internal a settlement from a spec. */
export function settlementFromSpec(
  spec: Extract<ParsedOfferSpec, { kind: "settlement" }>,
  ctx: OfferContext,
): SettlementOfferBuilt {
  const s = settlementOf(ctx.account, spec.maxDiscount, spec.floor, ctx.day, spec.validForDays);
  const payoff = minor(s.payoff, ctx.currency, ["payoff"]);
  const d = disposableOf(ctx, DEFAULT_AFFORDABILITY);
  const reasons: OfferReason[] =
    spec.approach === "on_request"
      ? [
          {
            code: "on_request_only",
            message: "in answer to the borrower's own request only; never offered proactively",
          },
        ]
      : [];
  // Object.assign, not `{ ...s, ...envelope(…), status, … }`: a literal that starts with a spread of
  // a fresh object and then adds keys takes a slow path on Node 20 (~2 µs and a map per object).
  // Same keys in the same order.
  const tail: Pick<SettlementOfferBuilt, "status" | "approach" | "pressing" | "wording"> = {
    status: "offered",
    approach: spec.approach,
    pressing: false,
    wording: {
      pressing: false,
      presentAs: spec.approach === "on_request" ? "reply_to_request" : "option",
      validity: "stays_open_until",
      offerAlternatives: true,
    },
  };
  return Object.assign(
    {},
    s,
    envelope(ctx, "offered", reasons, lumpSumAffordability(ctx, d, payoff), null, [
      { day: ctx.day + spec.validForDays, amount: payoff, type: "payoff" },
    ]),
    tail,
  );
}
