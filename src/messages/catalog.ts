import arrearsNotice from "../../rules/templates/arrears-notice.json";
import callScript from "../../rules/templates/call-script.json";
import creditReportNotice from "../../rules/templates/credit-report-notice.json";
import debtAdviceSignpost from "../../rules/templates/debt-advice-signpost.json";
import defaultNotice from "../../rules/templates/default-notice.json";
import emailReminder from "../../rules/templates/email-reminder.json";
import emergencyContactMessage from "../../rules/templates/emergency-contact-message.json";
import finalNotice from "../../rules/templates/final-notice.json";
import formalLetter from "../../rules/templates/formal-letter.json";
import hardshipOfferLetter from "../../rules/templates/hardship-offer-letter.json";
import placementNotice from "../../rules/templates/placement-notice.json";
import preDueReminder from "../../rules/templates/pre-due-reminder.json";
import smsReminder from "../../rules/templates/sms-reminder.json";
import thirdPartyMessage from "../../rules/templates/third-party-message.json";
import visitAppointment from "../../rules/templates/visit-appointment.json";
import visitNotice from "../../rules/templates/visit-notice.json";
import visitorBrief from "../../rules/templates/visitor-brief.json";
import { ArrearsError } from "../errors/index.js";
import { deepFreeze } from "../util/index.js";
import { loadTemplate, type MessageTemplate } from "./template.js";

/**
 * The shipped templates as raw JSON, by id (zh-CN, en-US and en-GB each). Load one with
 * {@link getTemplate}, or copy and adapt it and pass it to `loadTemplate`.
 *
 * @example
 * Object.keys(TEMPLATES) // ["call-script", "email-reminder", "formal-letter", …]
 */
export const TEMPLATES: Readonly<Record<string, unknown>> = deepFreeze({
  "arrears-notice": arrearsNotice,
  "call-script": callScript,
  "credit-report-notice": creditReportNotice,
  "debt-advice-signpost": debtAdviceSignpost,
  "default-notice": defaultNotice,
  "email-reminder": emailReminder,
  "emergency-contact-message": emergencyContactMessage,
  "final-notice": finalNotice,
  "formal-letter": formalLetter,
  "hardship-offer-letter": hardshipOfferLetter,
  "placement-notice": placementNotice,
  "pre-due-reminder": preDueReminder,
  "sms-reminder": smsReminder,
  "third-party-message": thirdPartyMessage,
  "visit-appointment": visitAppointment,
  "visit-notice": visitNotice,
  "visitor-brief": visitorBrief,
});

const loaded = new Map<string, MessageTemplate>();

/**
 * A shipped template, loaded and validated (cached after the first call).
 *
 * @throws {ArrearsError} `INVALID_TEMPLATE` for an unknown id.
 *
 * @example
 * renderMessage(getTemplate("sms-reminder"), decision).body
 */
export function getTemplate(id: string): MessageTemplate {
  let t = loaded.get(id);
  if (!t) {
    if (!Object.hasOwn(TEMPLATES, id)) {
      throw new ArrearsError(
        "INVALID_TEMPLATE",
        [{ path: [], message: `unknown template id (shipped: ${Object.keys(TEMPLATES).join(", ")})`, received: id }],
        "getTemplate",
      );
    }
    t = loadTemplate(TEMPLATES[id]);
    loaded.set(id, t);
  }
  return t;
}
