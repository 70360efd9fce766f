import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const SOFFICE = process.env.SOFFICE_PATH ?? "/usr/bin/soffice";

/** A throwaway LibreOffice profile that recalculates every formula when it loads an .xlsx. */
export function recalculatingProfile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pab-lo-profile-"));
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
  );
  return dir;
}

/** Opens each file in headless LibreOffice (recalculating on load) and saves it as `format` in outDir. */
export function libreOfficeConvert(
  files: string[],
  format: "xlsx" | "pdf",
  outDir: string,
  keepProfile?: string
): void {
  if (!fs.existsSync(SOFFICE)) {
    throw new Error(
      `${SOFFICE} is missing: install Debian's libreoffice-calc (bash .ci/run does) or set SOFFICE_PATH`
    );
  }
  const profile = keepProfile ?? recalculatingProfile();
  try {
    const r = spawnSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        format,
        "--outdir",
        outDir,
        ...files,
      ],
      { encoding: "utf8", timeout: 240_000 }
    );
    if (r.status !== 0) throw new Error(`LibreOffice failed (${r.status}): ${r.stderr}`);
    for (const f of files) {
      const out = path.join(outDir, `${path.basename(f, path.extname(f))}.${format}`);
      if (!fs.existsSync(out))
        throw new Error(`LibreOffice wrote no ${out}: ${r.stdout} ${r.stderr}`);
    }
  } finally {
    if (!keepProfile) fs.rmSync(profile, { recursive: true, force: true });
  }
}
