export {
  GuardrailProfileSchema,
  HOLD_FLAGS,
  type GuardrailProfileInput,
  type GuardrailProfileJson,
  type HoldFlag,
  type WindowRule,
  type CapRule,
  type QuietPeriodRule,
  type HoldRule,
  type NoticeRule,
  type ThirdPartyRule,
  type ContactFilter,
  type Period,
  type GuardrailTest,
} from "./schema.js";
export { loadGuardrailProfile, isGuardrailProfile, optOutTextFor, type GuardrailProfile } from "./load.js";
export {
  checkContact,
  prepareContactCheck,
  type CheckContactOptions,
  type ContactCheckResult,
  type ContactCheckReason,
  type PreparedContactCheck,
} from "./check.js";
export { guardrailProfiles, getGuardrailProfile, type GuardrailProfileId } from "./profiles.js";
export { runGuardrailProfileTests, type GuardrailTestResult } from "./tests.js";
