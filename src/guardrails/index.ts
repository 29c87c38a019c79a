export {
  type CheckContactOptions,
  type ContactCheckReason,
  type ContactCheckResult,
  checkContact,
  prepareContactCheck,
} from "./check.js";
export { covers } from "./jurisdiction.js";
export { type GuardrailProfile, isGuardrailProfile, loadGuardrailProfile, optOutTextFor } from "./load.js";
export { getGuardrailProfile, guardrailProfiles } from "./profiles.js";
export {
  type GuardrailProfileInput,
  GuardrailProfileSchema,
  HOLD_FLAGS,
} from "./schema.js";
export { runGuardrailProfileTests } from "./tests.js";
