// Content security policy of the task pane page. Office.js comes from Microsoft's CDN; Fluent UI
// inserts its styles at run time, hence 'unsafe-inline' for styles only. Scripts: our origin and the CDN.
const OFFICE_CDN = "https://appsforoffice.microsoft.com";
// Only a build with an app registration (PAB_WATCH_CLIENT_ID) talks to Microsoft Graph and signs in.
const GRAPH = "https://graph.microsoft.com";
const LOGIN = "https://login.microsoftonline.com";

function contentSecurityPolicy({ serving, graph = false }) {
  const connect = ["'self'", OFFICE_CDN];
  if (graph) connect.push(GRAPH, LOGIN);
  if (serving) connect.push("wss://localhost:3000");
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: ${OFFICE_CDN}`,
    "font-src 'self' data:",
    `connect-src ${connect.join(" ")}`,
    `frame-src 'self' ${OFFICE_CDN}${graph ? ` ${LOGIN}` : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

module.exports = { contentSecurityPolicy, OFFICE_CDN };
