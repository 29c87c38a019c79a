import cn2026 from "../../rules/guardrails/cn-2026.json";
import ukConc from "../../rules/guardrails/uk-conc.json";
import usMa940cmr from "../../rules/guardrails/us-ma-940cmr.json";
import usRegF from "../../rules/guardrails/us-reg-f.json";
import { ArrearsError } from "../errors/index.js";
import { deepFreeze } from "../util/index.js";
import { type GuardrailProfile, loadGuardrailProfile } from "./load.js";

/** Ids of the guardrail profiles shipped in `rules/guardrails/`. */
export type GuardrailProfileId = "us-reg-f" | "us-ma-940cmr" | "cn-2026" | "uk-conc";

/**
 * The shipped guardrail profiles as raw JSON (pass one to {@link loadGuardrailProfile} or
 * straight to `checkContact`). Copy and edit one to make your own policy.
 *
 * @example
 * guardrailProfiles["us-reg-f"].version; // "2.0.0"
 */
// Deep-frozen: the shipped files are shared by every caller and compiled once; no code may edit them.
export const guardrailProfiles: Readonly<Record<GuardrailProfileId, unknown>> = deepFreeze({
  "us-reg-f": usRegF as unknown,
  "us-ma-940cmr": usMa940cmr as unknown,
  "cn-2026": cn2026 as unknown,
  "uk-conc": ukConc as unknown,
});

const compiled = new Map<GuardrailProfileId, GuardrailProfile>();

/**
 * A shipped profile, compiled once and shared.
 *
 * @throws {ArrearsError} `INVALID_INPUT` for an unknown id.
 *
 * @example
 * const profile = getGuardrailProfile("cn-2026");
 * checkContact(profile, account, { channel: "call", at: "2026-11-23T22:30:00+08:00" }).allowed; // false
 */
export function getGuardrailProfile(id: GuardrailProfileId): GuardrailProfile {
  let p = compiled.get(id);
  if (!p) {
    if (!Object.hasOwn(guardrailProfiles, id))
      throw new ArrearsError(
        "INVALID_INPUT",
        [
          {
            path: ["id"],
            message: `unknown guardrail profile (known: ${Object.keys(guardrailProfiles).join(", ")})`,
            received: id,
          },
        ],
        "getGuardrailProfile",
      );
    p = loadGuardrailProfile(guardrailProfiles[id]);
    compiled.set(id, p);
  }
  return p;
}
