/* global fetch, setTimeout, Response */
import { validateAddress } from "./addresses";

/** A draft in the user's mailbox, made through Microsoft Graph; webLink opens it in Outlook. */
export interface GraphDraft {
  id: string;
  webLink: string;
}

export interface GraphDraftInput {
  subject: string;
  /** The notice's HTML (already escaped by the notice renderer). */
  html: string;
  to: string[];
}

export type GraphErrorKind =
  "unauthorized" | "forbidden" | "throttled" | "network" | "server" | "bad-response";

/** Why Graph made no draft; `kind` lets the pane say what to do next (sign in, ask the admin, wait). */
export class GraphError extends Error {
  constructor(
    readonly kind: GraphErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly retryAfterSeconds: number | null = null
  ) {
    super(message);
    this.name = "GraphError";
  }
}

export interface GraphOptions {
  /** fetch to use (tests, or the browser's). */
  fetch?: typeof fetch;
  baseUrl?: string;
  /** Waits for Retry-After up to this many seconds once, then gives up (default 10). */
  maxWaitSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The token for Mail.ReadWrite; forceRefresh after a 401 (an expired or revoked token). */
export type TokenProvider = (options: { forceRefresh: boolean }) => Promise<string>;

export const GRAPH_BASE = "https://graph.microsoft.com/v1.0";

/** The JSON body of POST /me/messages: a draft with the notice's subject, HTML body and recipients. */
export function draftMessageBody(input: GraphDraftInput): unknown {
  return {
    subject: input.subject.replace(/[\r\n]+/g, " "),
    body: { contentType: "HTML", content: input.html },
    toRecipients: input.to.map((a) => ({ emailAddress: { address: validateAddress(a) } })),
    isDraft: true,
  };
}

function retryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * Creates a draft in the user's Outlook mailbox (POST /me/messages); nothing is sent. A 401 gets a
 * fresh token once; a 429 waits for Retry-After once when it is short; everything else is a
 * GraphError saying what happened.
 */
export async function createGraphDraft(
  input: GraphDraftInput,
  token: TokenProvider,
  options: GraphOptions = {}
): Promise<GraphDraft> {
  const doFetch = options.fetch ?? fetch;
  const body = JSON.stringify(draftMessageBody(input));
  const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const maxWait = options.maxWaitSeconds ?? 10;
  let refreshed = false;
  let waited = false;
  for (;;) {
    const bearer = await token({ forceRefresh: refreshed });
    let res: Response;
    try {
      res = await doFetch(`${options.baseUrl ?? GRAPH_BASE}/me/messages`, {
        method: "POST",
        headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" },
        body,
      });
    } catch (e) {
      throw new GraphError(
        "network",
        `Outlook could not be reached (${(e as Error).message}): check the connection, or use Copy as HTML`
      );
    }
    if (res.status === 201 || res.status === 200) {
      let data: { id?: unknown; webLink?: unknown };
      try {
        data = (await res.json()) as typeof data;
      } catch {
        throw new GraphError("bad-response", "Outlook answered without a draft", res.status);
      }
      const link = typeof data.webLink === "string" ? data.webLink : "";
      if (typeof data.id !== "string" || !/^https:\/\/[^\s]+$/.test(link))
        throw new GraphError(
          "bad-response",
          "Outlook made the draft but gave no link to it",
          res.status
        );
      return { id: data.id, webLink: link };
    }
    if (res.status === 401 && !refreshed) {
      refreshed = true;
      continue;
    }
    if (res.status === 401)
      throw new GraphError(
        "unauthorized",
        "Outlook did not accept the sign-in: sign in again",
        401
      );
    if (res.status === 403)
      throw new GraphError(
        "forbidden",
        "Your organisation does not let PAB Watch create drafts (Mail.ReadWrite): ask your admin, or use Copy as HTML",
        403
      );
    if (res.status === 429) {
      const after = retryAfter(res.headers.get("Retry-After"));
      if (!waited && after !== null && after <= maxWait) {
        waited = true;
        await sleep(after * 1000);
        continue;
      }
      throw new GraphError(
        "throttled",
        `Outlook is busy: try again${after !== null ? ` in ${after} s` : " in a minute"}`,
        429,
        after
      );
    }
    throw new GraphError(
      res.status >= 500 ? "server" : "bad-response",
      `Outlook refused the draft (HTTP ${res.status})`,
      res.status
    );
  }
}
