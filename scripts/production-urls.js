// The manifest and functions.json name the dev server; a production build names the real host.
const DEV_URL = "https://localhost:3000/";

function toProductionUrls(content, productionUrl) {
  const url = productionUrl.endsWith("/") ? productionUrl : `${productionUrl}/`;
  if (!/^https:\/\/[^\s"'<>]+\/$/.test(url)) throw new Error(`PAB_WATCH_URL must be an https URL, not ${productionUrl}`);
  return content.toString().split(DEV_URL).join(url);
}

module.exports = { DEV_URL, toProductionUrls };
