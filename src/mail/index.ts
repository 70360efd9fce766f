import { Incident } from "../incidents";
import { renderHtml, renderText } from "./document";
import { NoticeFacts } from "./facts";
import { buildEml } from "./mime";
import { buildMailto } from "./mailto";
import { projectionCsv } from "./csv";
import { composeIncidentNotice } from "./groupNotice";
import { Notice, NoticeKind, NoticeOptions } from "./templates";
import { wordsFor } from "./words";

export { AddressError, parseAddressList, validateAddress } from "./addresses";
export { buildEml, encodeSubject, headerText } from "./mime";
export { buildMailto, MAILTO_LIMIT } from "./mailto";
export { csvCell, projectionCsv } from "./csv";
export { escapeHtml } from "./document";
export { NOTICE_KINDS, NoticeRefused, composeNotice } from "./templates";
export { composeIncidentNotice } from "./groupNotice";
export type { Notice, NoticeKind, NoticeOptions } from "./templates";
export type { BalanceFigures, NoticeFacts } from "./facts";
export { formatQuantity } from "./quantity";
export { wordsFor } from "./words";
export type { Language } from "./words";

/** Everything one notice becomes: what the user reviews, copies or sends. */
export interface NoticeOutputs {
  notice: Notice;
  subject: string;
  text: string;
  html: string;
  im: string;
  csv: string;
  eml: string;
  mailto: string;
}

/** One notice for one item, or for every item of an incident over several (each with its own facts). */
export function draftNotice(
  kind: NoticeKind,
  facts: NoticeFacts | readonly NoticeFacts[],
  to: string[],
  incident: Incident = {},
  lang: "en" | "zh-CN" = "en",
  options: NoticeOptions = {}
): NoticeOutputs {
  const notice = composeIncidentNotice(kind, facts, incident, lang, options);
  const w = wordsFor(lang);
  const style = { lang, fill: w.fill, colon: w.colon };
  const text = renderText(notice.blocks, style);
  const html = renderHtml(notice.blocks, style);
  return {
    notice,
    subject: notice.subject,
    text,
    html,
    im: notice.im,
    csv: projectionCsv(facts, w, notice.audience, incident),
    eml: buildEml({ to, subject: notice.subject, text, html }),
    mailto: buildMailto(to, notice.subject, text, w.cutNote),
  };
}
export { GRAPH_BASE, GraphError, createGraphDraft, draftMessageBody } from "./graph";
export type {
  GraphDraft,
  GraphDraftInput,
  GraphErrorKind,
  GraphOptions,
  TokenProvider,
} from "./graph";
export { GRAPH_SCOPES, buildClientId, graphAvailable, nestedAppTokens } from "./graphAuth";
export {
  CONTACT_ROLES,
  contactsFromCsv,
  contactsFromRows,
  mergeContacts,
  parseCsv,
  sanitizeContacts,
} from "./contacts";
export type { Contact, ContactImport, ContactRole } from "./contacts";
