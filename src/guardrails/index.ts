export {
  type CheckContactOptions,
  type ContactCheckReason,
  type ContactCheckResult,
  checkContact,
  type PreparedContactCheck,
  prepareContactCheck,
} from "./check.js";
export { type GuardrailProfile, isGuardrailProfile, loadGuardrailProfile, optOutTextFor } from "./load.js";
export { type GuardrailProfileId, getGuardrailProfile, guardrailProfiles } from "./profiles.js";
export {
  type CapRule,
  type ContactFilter,
  type GuardrailProfileInput,
  type GuardrailProfileJson,
  GuardrailProfileSchema,
  type GuardrailTest,
  HOLD_FLAGS,
  type HoldFlag,
  type HoldRule,
  type NoticeRule,
  type Period,
  type QuietPeriodRule,
  type ThirdPartyRule,
  type WindowRule,
} from "./schema.js";
export { runGuardrailProfileTests } from "./tests.js";
