import callScript from "../../rules/templates/call-script.json";
import emailReminder from "../../rules/templates/email-reminder.json";
import formalLetter from "../../rules/templates/formal-letter.json";
import hardshipOfferLetter from "../../rules/templates/hardship-offer-letter.json";
import smsReminder from "../../rules/templates/sms-reminder.json";
import thirdPartyMessage from "../../rules/templates/third-party-message.json";
import visitNotice from "../../rules/templates/visit-notice.json";
import { ArrearsError } from "../errors/index.js";
import { deepFreeze } from "../util/index.js";
import { loadTemplate, type MessageTemplate } from "./template.js";

/**
 * The shipped templates as raw JSON, by id (zh-CN and en-US each). Load one with
 * {@link getTemplate}, or copy and adapt it and pass it to `loadTemplate`.
 *
 * @example
 * Object.keys(TEMPLATES) // ["call-script", "email-reminder", "formal-letter", …]
 */
export const TEMPLATES: Readonly<Record<string, unknown>> = deepFreeze({
  "call-script": callScript,
  "email-reminder": emailReminder,
  "formal-letter": formalLetter,
  "hardship-offer-letter": hardshipOfferLetter,
  "sms-reminder": smsReminder,
  "third-party-message": thirdPartyMessage,
  "visit-notice": visitNotice,
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
