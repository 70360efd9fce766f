#!/usr/bin/env node
// npm start: sideload into Excel desktop where it exists; elsewhere serve the add-in and say how to open it.
// PAB_WATCH_TARGET=desktop|web|serve overrides the choice.
const fs = require("fs");
const path = require("path");
const { spawn } = require("child_process");

const root = path.resolve(__dirname, "..");
const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

function excelDesktopInstalled() {
  if (process.platform === "darwin") return fs.existsSync("/Applications/Microsoft Excel.app");
  if (process.platform !== "win32") return false;
  const roots = [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]].filter(Boolean);
  return roots.some((r) =>
    ["Microsoft Office\\root\\Office16\\EXCEL.EXE", "Microsoft Office\\Office16\\EXCEL.EXE"].some((p) =>
      fs.existsSync(path.join(r, p))
    )
  );
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 0));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
}

function serve() {
  console.log(
    [
      "",
      "PAB Watch: no Excel desktop on this machine, so the add-in is served for Excel on the web,",
      "and the workbench shows it at work without Excel.",
      "",
      `  Workbench:   https://localhost:${port}/workbench.html?sample=classic-example`,
      "               (any .xlsx: Open workbook… or drop it on the page; the other samples by name)",
      `  Task pane:   https://localhost:${port}/taskpane.html`,
      `  Functions:   https://localhost:${port}/functions.json`,
      `  Help:        https://localhost:${port}/help.html`,
      "",
      "  To use it in Excel on the web (with this server running):",
      "    1. Open a workbook in Excel on the web (OneDrive or SharePoint).",
      "    2. Home → Add-ins → More Add-ins → Upload My Add-in, and pick manifest.xml from this folder.",
      "    3. The PAB Watch button appears on the Home tab; =PAB.BALANCE(...) works in any cell.",
      "  Or let the tools do it: npm run start:web -- --document <workbook URL>",
      "",
      "  Stop with Ctrl+C (or npm stop).",
      "",
    ].join("\n")
  );
  run(bin("webpack"), ["serve", "--mode", "development", "--no-open"]);
}

const target = process.env.PAB_WATCH_TARGET || (excelDesktopInstalled() ? "desktop" : "serve");
if (target === "desktop" || target === "web") {
  run(bin("office-addin-debugging"), ["start", "manifest.xml", target, ...process.argv.slice(2)]);
} else {
  serve();
}
