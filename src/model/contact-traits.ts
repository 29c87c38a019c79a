import { CHANNELS, type Channel, CONTACT_OUTCOMES, CONTACT_PURPOSES, type ContactOutcome } from "./schema.js";

/**
 * What a contact means for counting, as bits: derived once per contact from its channel,
 * direction, outcome and purpose (see {@link contactTraits}), so every counter reads one integer.
 *
 * @example
 * (traits & CONTACT_TRAIT.RPC) !== 0; // a conversation with the borrower
 */
export const CONTACT_TRAIT = {
  /** A conversation with the borrower (a right-party contact). */
  RPC: 1,
  /** An outbound call/SMS/e-mail/visit that reached nobody who could discuss the debt. */
  FAILED: 2,
  /** Reached someone other than the borrower. */
  THIRD_PARTY: 4,
  /** A notice of a coming visit that was not returned undelivered. */
  VISIT_NOTICE: 8,
  /** The number or address does not reach the borrower at all (wrong_number, undeliverable). */
  INVALID: 16,
  REFUSED: 32,
  DISPUTE: 64,
  COMPLAINT: 128,
} as const;

/**
 * Outcomes of a conversation with the borrower themself (a right-party contact), in either
 * direction. Inbound contacts also count unless their outcome is `third_party`/`wrong_number`.
 *
 * @example
 * RPC_OUTCOMES.includes("promise_to_pay"); // true
 */
export const RPC_OUTCOMES: readonly ContactOutcome[] = [
  "right_party",
  "promise_to_pay",
  "refused",
  "dispute",
  "hardship_reported",
  "complaint",
];
/**
 * Outcomes of an outbound attempt that reached nobody who could discuss the debt
 * (counted by `consecutiveFailedAttempts`).
 *
 * @example
 * FAILED_OUTCOMES.includes("voicemail"); // true
 */
const FAILED_OUTCOMES: readonly ContactOutcome[] = [
  "no_answer",
  "busy",
  "voicemail",
  "wrong_number",
  "undeliverable",
  "third_party",
];
/**
 * Channels whose failed attempts count toward `consecutiveFailedAttempts` (letters and app
 * messages are not attempts to reach someone live).
 *
 * @example
 * ATTEMPT_CHANNELS; // ["call", "sms", "email", "visit"]
 */
const ATTEMPT_CHANNELS: readonly Channel[] = ["call", "sms", "email", "visit"];

const RPC = new Set<string>(RPC_OUTCOMES);
const FAILED = new Set<string>(FAILED_OUTCOMES);
const ATTEMPT_CH = new Set<string>(ATTEMPT_CHANNELS);

/**
 * The traits of one contact: the single definition every counter and guardrail relies on.
 * @internal
 */
export function contactTraits(channel: string, inbound: boolean, outcome: string, purpose: string | undefined): number {
  let f = 0;
  // Anyone but a third party or a wrong number contacting us is the borrower reaching out.
  if (RPC.has(outcome) || (inbound && outcome !== "third_party" && outcome !== "wrong_number")) f |= CONTACT_TRAIT.RPC;
  else if (!inbound && ATTEMPT_CH.has(channel) && FAILED.has(outcome)) f |= CONTACT_TRAIT.FAILED;
  if (outcome === "third_party") f |= CONTACT_TRAIT.THIRD_PARTY;
  if (outcome === "wrong_number" || outcome === "undeliverable") f |= CONTACT_TRAIT.INVALID;
  if (outcome === "refused") f |= CONTACT_TRAIT.REFUSED;
  else if (outcome === "dispute") f |= CONTACT_TRAIT.DISPUTE;
  else if (outcome === "complaint") f |= CONTACT_TRAIT.COMPLAINT;
  if (purpose === "visit_notice" && !inbound && outcome !== "undeliverable" && outcome !== "wrong_number")
    f |= CONTACT_TRAIT.VISIT_NOTICE;
  return f;
}

// Indices of the enums as small integers: the prepared view stores them (as array columns) and the
// guardrails test them against 32-bit masks, so each enum must stay within 31 members.
for (const [name, list] of [
  ["channels", CHANNELS],
  ["outcomes", CONTACT_OUTCOMES],
  ["purposes (+ none)", [...CONTACT_PURPOSES, "none"]],
] as const) {
  if (list.length > 31) throw new Error(`arrears: too many contact ${name} (${list.length}) for 32-bit masks`);
}

/** Index of a purpose in the prepared view: 0 = none given, 1 + its index in CONTACT_PURPOSES. @internal */
export const purposeCode = (purpose: string | undefined): number =>
  purpose === undefined ? 0 : (CONTACT_PURPOSES as readonly string[]).indexOf(purpose) + 1;

const NO = CONTACT_OUTCOMES.length;
/**
 * {@link contactTraits} for every (channel, outcome, direction, visit-notice purpose) combination,
 * computed from the enums at load: adding a channel or an outcome is one edit to the schema enum.
 * @internal
 */
export const TRAITS_TABLE: Uint16Array = (() => {
  const t = new Uint16Array(CHANNELS.length * NO * 4);
  for (let c = 0; c < CHANNELS.length; c++)
    for (let k = 0; k < NO; k++)
      for (let inbound = 0; inbound < 2; inbound++)
        for (let notice = 0; notice < 2; notice++)
          t[((c * NO + k) * 2 + inbound) * 2 + notice] = contactTraits(
            CHANNELS[c]!,
            inbound === 1,
            CONTACT_OUTCOMES[k]!,
            notice ? "visit_notice" : undefined,
          );
  return t;
})();

/** Table lookup of {@link contactTraits} by enum indices. @internal */
export function traitsOf(channel: number, outcome: number, inbound: number, visitNotice: number): number {
  return TRAITS_TABLE[((channel * NO + outcome) * 2 + inbound) * 2 + visitNotice]!;
}
