#!/usr/bin/env node
// The pab-watch command; built into lib/ by `npm run build`.
const path = require("path");
let cli;
try {
  cli = require(path.join(__dirname, "..", "lib", "cli", "main.js"));
} catch (e) {
  if (e.code !== "MODULE_NOT_FOUND") throw e;
  process.stderr.write("pab-watch: not built yet: run npm run build in " + path.resolve(__dirname, "..") + "\n");
  process.exit(2);
}
process.exitCode = cli.main(process.argv.slice(2));
