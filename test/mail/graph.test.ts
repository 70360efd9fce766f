import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import {
  GRAPH_BASE,
  GraphError,
  createGraphDraft,
  draftNotice,
  graphAvailable,
  nestedAppTokens,
} from "../../src/mail";
import { classicItem } from "../support/notices";

const URL = `${GRAPH_BASE}/me/messages`;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const outputs = draftNotice("internal", classicItem(), ["boss@example.com"], {}, "en");
const input = {
  subject: outputs.subject,
  html: outputs.html,
  to: ["boss@example.com", "qa@example.com"],
};

function tokens() {
  const asked: boolean[] = [];
  return {
    asked,
    provider: async ({ forceRefresh }: { forceRefresh: boolean }) => {
      asked.push(forceRefresh);
      return forceRefresh ? "fresh-token" : "old-token";
    },
  };
}

describe("Outlook drafts through Microsoft Graph (msw)", () => {
  test("201: POST /me/messages with the notice as an HTML draft; the draft's webLink comes back", async () => {
    const seen: { auth: string | null; type: string | null; body: any }[] = [];
    server.use(
      http.post(URL, async ({ request }) => {
        seen.push({
          auth: request.headers.get("authorization"),
          type: request.headers.get("content-type"),
          body: await request.json(),
        });
        return HttpResponse.json(
          {
            id: "AAMk-1",
            webLink:
              "https://outlook.office365.com/owa/?ItemID=AAMk-1&exvsurl=1&viewmodel=ReadMessageItem",
          },
          { status: 201 }
        );
      })
    );
    const t = tokens();
    const draft = await createGraphDraft(input, t.provider);
    expect(draft).toEqual({
      id: "AAMk-1",
      webLink:
        "https://outlook.office365.com/owa/?ItemID=AAMk-1&exvsurl=1&viewmodel=ReadMessageItem",
    });
    expect(seen).toHaveLength(1);
    expect(seen[0].auth).toBe("Bearer old-token");
    expect(seen[0].type).toBe("application/json");
    expect(seen[0].body).toEqual({
      subject: outputs.subject,
      body: { contentType: "HTML", content: outputs.html },
      toRecipients: [
        { emailAddress: { address: "boss@example.com" } },
        { emailAddress: { address: "qa@example.com" } },
      ],
      isDraft: true,
    });
    expect(seen[0].body.subject).toContain("FG-1001");
    expect(seen[0].body.body.content).toContain("<html");
  });

  test("401: one fresh token, then the draft; a second 401 says to sign in again", async () => {
    let calls = 0;
    server.use(
      http.post(URL, ({ request }) => {
        calls++;
        return request.headers.get("authorization") === "Bearer fresh-token"
          ? HttpResponse.json(
              { id: "x", webLink: "https://outlook.office.com/mail/drafts/id/x" },
              { status: 201 }
            )
          : new HttpResponse(null, { status: 401 });
      })
    );
    const t = tokens();
    expect((await createGraphDraft(input, t.provider)).id).toBe("x");
    expect(t.asked).toEqual([false, true]);
    expect(calls).toBe(2);

    server.use(http.post(URL, () => new HttpResponse(null, { status: 401 })));
    const err = await createGraphDraft(input, tokens().provider).catch((e) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect(err).toMatchObject({ kind: "unauthorized", status: 401 });
  });

  test("403: the organisation does not allow it; the message says what to do", async () => {
    server.use(
      http.post(URL, () =>
        HttpResponse.json(
          { error: { code: "ErrorAccessDenied", message: "Access is denied." } },
          { status: 403 }
        )
      )
    );
    const err = await createGraphDraft(input, tokens().provider).catch((e) => e);
    expect(err).toMatchObject({ kind: "forbidden", status: 403 });
    expect(err.message).toMatch(/ask your admin, or use Copy as HTML/);
  });

  test("429 with Retry-After: waits once when short, then drafts; a long wait is reported with its seconds", async () => {
    let calls = 0;
    server.use(
      http.post(URL, () => {
        calls++;
        return calls === 1
          ? new HttpResponse(null, { status: 429, headers: { "Retry-After": "2" } })
          : HttpResponse.json(
              { id: "y", webLink: "https://outlook.office.com/mail/y" },
              { status: 201 }
            );
      })
    );
    const slept: number[] = [];
    const sleep = async (ms: number) => void slept.push(ms);
    expect((await createGraphDraft(input, tokens().provider, { sleep })).id).toBe("y");
    expect(slept).toEqual([2000]);

    server.use(
      http.post(
        URL,
        () => new HttpResponse(null, { status: 429, headers: { "Retry-After": "120" } })
      )
    );
    const err = await createGraphDraft(input, tokens().provider, { sleep }).catch((e) => e);
    expect(err).toMatchObject({ kind: "throttled", status: 429, retryAfterSeconds: 120 });
    expect(err.message).toBe("Outlook is busy: try again in 120 s");
    expect(slept).toEqual([2000]);
  });

  test("network failure and a 201 without a usable link are errors, never a silent success", async () => {
    server.use(http.post(URL, () => HttpResponse.error()));
    expect(await createGraphDraft(input, tokens().provider).catch((e) => e)).toMatchObject({
      kind: "network",
    });
    server.use(
      http.post(URL, () =>
        HttpResponse.json({ id: "z", webLink: "javascript:alert(1)" }, { status: 201 })
      )
    );
    expect(await createGraphDraft(input, tokens().provider).catch((e) => e)).toMatchObject({
      kind: "bad-response",
    });
    server.use(http.post(URL, () => new HttpResponse("oops", { status: 503 })));
    expect(await createGraphDraft(input, tokens().provider).catch((e) => e)).toMatchObject({
      kind: "server",
      status: 503,
    });
  });

  test("an invalid recipient never reaches Graph", async () => {
    let calls = 0;
    server.use(http.post(URL, () => void calls++));
    await expect(
      createGraphDraft(
        { ...input, to: ["boss@example.com\r\nBcc: x@evil.example"] },
        tokens().provider
      )
    ).rejects.toThrow(/line break/);
    expect(calls).toBe(0);
  });
});

describe("when Open in Outlook is offered", () => {
  const host = (sets: Record<string, boolean>) => ({
    isSetSupported: (name: string) => !!sets[name],
  });
  const id = "0b6f4a3c-1d2e-4f5a-9b8c-7d6e5f4a3b2c";
  test("only with a client id from the build and the NestedAppAuth requirement set", () => {
    expect(graphAvailable(id, host({ NestedAppAuth: true }))).toBe(true);
    expect(graphAvailable(null, host({ NestedAppAuth: true }))).toBe(false);
    expect(graphAvailable("", host({ NestedAppAuth: true }))).toBe(false);
    expect(graphAvailable("not-a-guid", host({ NestedAppAuth: true }))).toBe(false);
    expect(graphAvailable(id, host({}))).toBe(false);
    expect(graphAvailable(id, null)).toBe(false);
  });

  test("tokens: silent first, a popup when the user must consent; msal loaded once, on first use", async () => {
    class InteractionRequiredAuthError extends Error {}
    const calls: string[] = [];
    let loads = 0;
    let silentFails = true;
    const fakeMsal = {
      InteractionRequiredAuthError,
      createNestablePublicClientApplication: async (config: { auth: { clientId: string } }) => {
        calls.push(`create ${config.auth.clientId}`);
        return {
          acquireTokenSilent: async (r: { scopes: string[]; forceRefresh: boolean }) => {
            calls.push(`silent ${r.scopes.join(" ")} ${r.forceRefresh}`);
            if (silentFails) throw new InteractionRequiredAuthError("consent");
            return { accessToken: "silent-token" };
          },
          acquireTokenPopup: async (r: { scopes: string[] }) => {
            calls.push(`popup ${r.scopes.join(" ")}`);
            return { accessToken: "popup-token" };
          },
        };
      },
    };
    const provider = nestedAppTokens(id, async () => {
      loads++;
      return fakeMsal as never;
    });
    expect(loads).toBe(0);
    expect(await provider({ forceRefresh: false })).toBe("popup-token");
    silentFails = false;
    expect(await provider({ forceRefresh: true })).toBe("silent-token");
    expect(loads).toBe(1);
    expect(calls).toEqual([
      `create ${id}`,
      "silent Mail.ReadWrite false",
      "popup Mail.ReadWrite",
      "silent Mail.ReadWrite true",
    ]);
  });
});
