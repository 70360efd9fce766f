import { TokenProvider } from "./graph";

/** The scope a draft needs: create a message in the user's own mailbox (nothing is sent). */
export const GRAPH_SCOPES = ["Mail.ReadWrite"];

interface Requirements {
  isSetSupported(name: string, version?: string): boolean;
}

/**
 * Whether "Open in Outlook" can be offered: the deployment gave an app registration
 * (PAB_WATCH_CLIENT_ID at build time, never a workbook's) and the host supports nested app
 * authentication.
 */
export function graphAvailable(
  clientId: string | null | undefined,
  requirements: Requirements | null | undefined
): boolean {
  if (
    !clientId ||
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(clientId)
  )
    return false;
  try {
    return !!requirements?.isSetSupported("NestedAppAuth", "1.1");
  } catch {
    return false;
  }
}

/** What the msal module offers us; loaded on first use so it stays out of the pane's first screen. */
type Msal = typeof import("@azure/msal-browser");

/**
 * Tokens through nested app authentication (MSAL's nestable client): silent first, a popup when the
 * user must consent or sign in. msal-browser is imported on first use only.
 */
export function nestedAppTokens(
  clientId: string,
  load: () => Promise<Msal> = () => import(/* webpackChunkName: "msal" */ "@azure/msal-browser")
): TokenProvider {
  let app: Promise<{
    msal: Msal;
    pca: import("@azure/msal-browser").IPublicClientApplication;
  }> | null = null;
  return async ({ forceRefresh }) => {
    app ??= load().then(async (msal) => ({
      msal,
      pca: await msal.createNestablePublicClientApplication({
        auth: { clientId, authority: "https://login.microsoftonline.com/common" },
      }),
    }));
    const { msal, pca } = await app;
    const request = { scopes: GRAPH_SCOPES, forceRefresh };
    try {
      return (await pca.acquireTokenSilent(request)).accessToken;
    } catch (e) {
      if (!(e instanceof msal.InteractionRequiredAuthError)) throw e;
      return (await pca.acquireTokenPopup({ scopes: GRAPH_SCOPES })).accessToken;
    }
  };
}

/** The client id the build was given (webpack's DefinePlugin puts it in place of process.env…); null when none. */
export function buildClientId(): string | null {
  // eslint-disable-next-line no-undef
  const id = process.env.PAB_WATCH_CLIENT_ID;
  return id ? id : null;
}
