import type { Account, AmountsByComponent } from "../model/index.js";
import { addMonthsToDay, formatIsoDate } from "../time/index.js";
import {
  affordabilityRecord,
  DEFAULT_AFFORDABILITY,
  disposableOf,
  envelope,
  type OfferContext,
  type OfferEnvelope,
} from "./context.js";
import { accountOf, amt, balanceFigures, checkDay, parseWith } from "./internal.js";
import {
  type FreezableComponent,
  type ParsedOfferSpec,
  type WaivableComponent,
  type WaiveFeesOptions,
  WaiveFeesOptionsSchema,
} from "./schemas.js";

/** Result of {@link waiveFees}. */
export interface FeeWaiver {
  kind: "fee_waiver";
  currency: string;
  /** The components waived, in the canonical order (penaltyInterest, fees). */
  components: WaivableComponent[];
  waived: { penaltyInterest: string; fees: string; total: string };
  balanceBefore: AmountsByComponent;
  newBalance: AmountsByComponent;
}

/** @internal the waiver in minor units. */
export function waiverMinor(
  b: { penaltyInterest: number; fees: number },
  components: readonly WaivableComponent[],
): { penaltyInterest: number; fees: number } {
  return {
    penaltyInterest: components.includes("penaltyInterest") ? b.penaltyInterest : 0,
    fees: components.includes("fees") ? b.fees : 0,
  };
}

/** @internal */
function feeWaiverOf(account: Account, components: readonly WaivableComponent[]): FeeWaiver {
  const b = balanceFigures(account);
  const c = b.currency;
  const wp = components.includes("penaltyInterest") ? b.penaltyInterest : 0;
  const wf = components.includes("fees") ? b.fees : 0;
  const balance = (p: number, f: number): AmountsByComponent => ({
    principal: amt(b.principal, c),
    interest: amt(b.interest, c),
    penaltyInterest: amt(p, c),
    fees: amt(f, c),
    total: amt(b.principal + b.interest + p + f, c),
  });
  return {
    kind: "fee_waiver",
    currency: c,
    components: (["penaltyInterest", "fees"] as const).filter((k) => components.includes(k)),
    waived: { penaltyInterest: amt(wp, c), fees: amt(wf, c), total: amt(wp + wf, c) },
    balanceBefore: balance(b.penaltyInterest, b.fees),
    newBalance: balance(b.penaltyInterest - wp, b.fees - wf),
  };
}

/**
 * Waives the account's penalty interest and/or fees in full (from `account.balance`) and
 * returns the amounts waived and the balance after the waiver. Principal and contractual
 * interest are never waived here (that is a settlement: see `settlementOffer`).
 *
 * @throws {ArrearsError} `INVALID_OFFER` for bad options, `INVALID_ACCOUNT` for a bad account.
 *
 * @example
 * waiveFees({ account, components: ["penaltyInterest", "fees"] });
 * // with balance {principal: "900.00", interest: "20.00", penaltyInterest: "35.50", fees: "25.00"}:
 * // { kind: "fee_waiver", currency: "USD", components: ["penaltyInterest", "fees"],
 * //   waived: { penaltyInterest: "35.50", fees: "25.00", total: "60.50" },
 * //   newBalance: { principal: "900.00", interest: "20.00", penaltyInterest: "0.00", fees: "0.00", total: "920.00" }, … }
 */
export function waiveFees(options: WaiveFeesOptions): FeeWaiver {
  const o = parseWith(WaiveFeesOptionsSchema, options, "waiveFees options");
  return feeWaiverOf(accountOf(o.account), o.components);
}

/** A fee waiver (and/or freeze) built from a spec. */
export interface FeeWaiverOffer extends FeeWaiver, OfferEnvelope {
  status: "offered" | "not_applicable";
  /** Charges frozen, and for how long (applied by the lender's system), or null. */
  freeze: { components: FreezableComponent[]; from: string; until: string } | null;
}

/** @internal a fee waiver or freeze from a spec. */
export function feeWaiverFromSpec(
  spec: Extract<ParsedOfferSpec, { kind: "fee_waiver" }>,
  ctx: OfferContext,
): FeeWaiverOffer {
  const w = feeWaiverOf(ctx.account, spec.components);
  const nothing = w.waived.total === amt(0, ctx.currency) && spec.freeze.length === 0;
  const status = nothing ? "not_applicable" : "offered";
  const d = disposableOf(ctx, DEFAULT_AFFORDABILITY);
  const until = addMonthsToDay(ctx.day, spec.freezeMonths);
  checkDay(until, ["freezeMonths"], spec.freezeMonths);
  // Object.assign, not `{ ...w, ...envelope(…), status, … }`: a literal that starts with a spread of
  // a fresh object and then adds keys takes a slow path on Node 20 (~2 µs and a map per object).
  // Same keys in the same order.
  const tail: Pick<FeeWaiverOffer, "status" | "freeze"> = {
    status,
    freeze:
      spec.freeze.length === 0
        ? null
        : { components: spec.freeze, from: formatIsoDate(ctx.day), until: formatIsoDate(until) },
  };
  return Object.assign(
    {},
    w,
    envelope(
      ctx,
      status,
      nothing ? [{ code: "nothing_to_waive", message: "no penalty interest or fees to waive" }] : [],
      affordabilityRecord(ctx, d, 0),
      null,
      [],
    ),
    tail,
  );
}
