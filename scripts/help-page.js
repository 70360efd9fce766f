// help.html: the README rendered, so the =PAB functions' help links (#pab-balance, …) land on their reference.
const { marked } = require("marked");

function helpPageHtml(readme) {
  const body = marked.parse(readme, { async: false });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'">
<title>PAB Watch help</title>
<style>
body { font-family: "Segoe UI", system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #242424; }
code, pre { font-family: Consolas, monospace; background: #f3f3f3; }
pre { padding: .75rem; overflow-x: auto; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d1d1d1; padding: .25rem .5rem; text-align: left; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

module.exports = { helpPageHtml };
