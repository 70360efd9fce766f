import { validateAddress } from "./addresses";
import { headerText } from "./mime";

export const MAILTO_LIMIT = 1800;

/**
 * A mailto: link, each part encoded on its own and the whole kept under 1,800 characters (what
 * Outlook and browsers pass on); a body that does not fit is cut at a line with a pointer to the draft.
 */
export function buildMailto(to: string[], subject: string, body: string, cutNote: string): string {
  const recipients = to.map((a) => encodeURIComponent(validateAddress(a))).join(",");
  const head = `mailto:${recipients}?subject=${encodeURIComponent(headerText(subject))}&body=`;
  const full = head + encodeURIComponent(body);
  if (full.length <= MAILTO_LIMIT) return full;
  const lines = body.split("\n");
  const note = `\n…\n${cutNote}`;
  let kept = "";
  for (const line of lines) {
    const next = kept ? `${kept}\n${line}` : line;
    if ((head + encodeURIComponent(next + note)).length > MAILTO_LIMIT) break;
    kept = next;
  }
  const link = head + encodeURIComponent(kept + note);
  return link.length <= MAILTO_LIMIT ? link : head + encodeURIComponent(note.trim());
}
