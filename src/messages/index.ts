/**
 * Message templates (rules/templates/*.json) and their renderer: a small, safe template
 * language checked at load time, locale-correct money and dates, masked accounts, opt-outs on
 * electronic messages, and third-party messages that cannot mention the debt.
 */

export { getTemplate, TEMPLATES } from "./catalog.js";
export type { LenderDetails, MessageDecision } from "./context.js";
export { formatDate, maskAccount } from "./format.js";
export type { RenderedMessage, RenderOptions } from "./render.js";
export { renderMessage, runTemplateTests } from "./render.js";
export type { MessageTemplate, MessageTemplateJson, TemplateParam } from "./template.js";
export { loadTemplate, MessageTemplateSchema } from "./template.js";

export { ITEM_VARIABLES, MESSAGE_VARIABLES } from "./variables.js";
