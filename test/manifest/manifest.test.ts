import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expectGolden } from "../support/golden";

const { toProductionUrls } = require("../../scripts/production-urls") as {
  toProductionUrls: (content: string, url: string) => string;
};

const manifestPath = path.resolve(__dirname, "../../manifest.xml");
const xml = fs.readFileSync(manifestPath, "utf8");

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  isArray: (name) =>
    [
      "Host",
      "Runtime",
      "Image",
      "Url",
      "String",
      "ExtensionPoint",
      "Control",
      "Set",
      "Override",
    ].includes(name),
});
const doc = parser.parse(xml) as { OfficeApp: Node };
const app = doc.OfficeApp;

/** Every element (depth first) with its attributes. */
function walk(node: unknown, visit: (name: string, value: Node) => void, name = "OfficeApp"): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit, name));
  if (node === null || typeof node !== "object") return;
  visit(name, node as Node);
  for (const [k, v] of Object.entries(node as Node)) if (!k.startsWith("@")) walk(v, visit, k);
}

function resourceIds(): Set<string> {
  const ids = new Set<string>();
  const resources = ((app.VersionOverrides as Node).Resources as Node) ?? {};
  walk(resources, (_n, v) => {
    if (typeof v["@id"] === "string") ids.add(v["@id"]);
  });
  return ids;
}

function urlOf(id: string): string {
  const urls = (((app.VersionOverrides as Node).Resources as Node).Urls as Node).Url as Node[];
  const found = urls.find((u) => u["@id"] === id);
  if (!found) throw new Error(`no bt:Url ${id}`);
  return found["@DefaultValue"] as string;
}

function workbookHost(): Node {
  const hosts = ((app.VersionOverrides as Node).Hosts as Node).Host as Node[];
  const host = hosts.find((h) => h["@type"] === "Workbook");
  if (!host) throw new Error("no Workbook host in VersionOverrides");
  return host;
}

describe("manifest.xml, checked offline", () => {
  test("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  test("a fixed add-in id, a four-part version, ReadWriteDocument, Excel only", () => {
    expect(app.Id).toBe("74967f41-137b-4753-9835-6d3646b9ec0f");
    expect(String(app.Version)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(app.Permissions).toBe("ReadWriteDocument");
    expect(((app.Hosts as Node).Host as Node[]).map((h) => h["@Name"])).toEqual(["Workbook"]);
  });

  test("the version matches package.json", () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8"));
    expect(String(app.Version)).toBe(`${pkg.version}.0`);
  });

  test("every resid resolves to a resource", () => {
    const ids = resourceIds();
    const missing: string[] = [];
    walk(app.VersionOverrides, (name, v) => {
      const resid = v["@resid"];
      if (typeof resid === "string" && !ids.has(resid)) missing.push(`${name} → ${resid}`);
    });
    expect(missing).toEqual([]);
  });

  test("the shared runtime is consistent: Runtime, Page, FunctionFile and the button all use the task pane URL", () => {
    const host = workbookHost();
    const runtimes = (host.Runtimes as Node).Runtime as Node[];
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]["@lifetime"]).toBe("long");
    const runtimeId = runtimes[0]["@resid"] as string;
    expect(urlOf(runtimeId)).toMatch(/\/taskpane\.html$/);

    const cf = ((host.AllFormFactors as Node).ExtensionPoint as Node[]).find(
      (e) => e["@type"] === "CustomFunctions"
    ) as Node;
    expect(cf).toBeDefined();
    expect(((cf.Page as Node).SourceLocation as Node)["@resid"]).toBe(runtimeId);
    expect(urlOf(((cf.Script as Node).SourceLocation as Node)["@resid"] as string)).toMatch(
      /\/functions\.js$/
    );
    expect(urlOf(((cf.Metadata as Node).SourceLocation as Node)["@resid"] as string)).toMatch(
      /\/functions\.json$/
    );

    const desktop = host.DesktopFormFactor as Node;
    expect((desktop.FunctionFile as Node)["@resid"]).toBe(runtimeId);

    const actions: Node[] = [];
    walk(desktop, (name, v) => {
      if (name === "Action") actions.push(v);
    });
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) {
      expect(a["@type"]).toBe("ShowTaskpane");
      expect((a.SourceLocation as Node)["@resid"]).toBe(runtimeId);
    }
    expect(((app.DefaultSettings as Node).SourceLocation as Node)["@DefaultValue"]).toBe(
      urlOf(runtimeId)
    );
  });

  test("the functions' namespace is PAB and the shared runtime is required", () => {
    const strings = (((app.VersionOverrides as Node).Resources as Node).ShortStrings as Node)
      .String as Node[];
    expect(strings.find((s) => s["@id"] === "Functions.Namespace")?.["@DefaultValue"]).toBe("PAB");
  });

  test("the manifest and the pane agree: old Excel loads the pane, which says the functions need Microsoft 365", () => {
    // Base requirements gate the whole add-in: the shared runtime there would hide it on Excel
    // 2016/2019, where the pane's "no custom functions" banner is meant to show.
    const base = ((app.Requirements as Node | undefined)?.Sets as Node | undefined)?.Set as
      Node[] | undefined;
    expect((base ?? []).map((s) => s["@Name"])).not.toContain("SharedRuntime");
    // The shared runtime, the ribbon button and the functions come with the VersionOverrides,
    // which only hosts with the shared runtime apply.
    const overrides = (((app.VersionOverrides as Node).Requirements as Node).Sets as Node)
      .Set as Node[];
    expect(overrides.map((s) => s["@Name"])).toContain("SharedRuntime");
    const { detectEnvironment } =
      require("../../src/taskpane/environment") as typeof import("../../src/taskpane/environment");
    const old = {
      context: { requirements: { isSetSupported: (name: string) => name === "ExcelApi" } },
    };
    expect(detectEnvironment(old).customFunctions).toBe(false);
    expect(detectEnvironment(old).inExcel).toBe(true);
  });

  test("a ribbon button on the Home tab opens the task pane", () => {
    const tab =
      (((workbookHost().DesktopFormFactor as Node).ExtensionPoint as Node[])[0]
        .OfficeTab as Node) ?? {};
    expect(tab["@id"]).toBe("TabHome");
    expect(((tab.Group as Node).Control as Node[])[0]["@type"]).toBe("Button");
  });

  test("icons exist in assets/ at every size the manifest names", () => {
    const urls: string[] = [];
    walk(app, (_n, v) => {
      for (const key of ["@DefaultValue"]) {
        const u = v[key];
        if (typeof u === "string" && /\/assets\/.+\.png$/.test(u)) urls.push(u);
      }
    });
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const u of urls) {
      const file = path.resolve(__dirname, "../..", new URL(u).pathname.slice(1));
      expect(fs.existsSync(file)).toBe(true);
      const size = Number(/icon-(\d+)\.png$/.exec(u)?.[1]);
      const png = fs.readFileSync(file);
      expect(png.readUInt32BE(16)).toBe(size);
    }
  });

  test("zh-CN overrides for the strings a user sees", () => {
    const overrides: string[] = [];
    walk(app, (name, v) => {
      if (name === "Override" && v["@Locale"] === "zh-CN") overrides.push(String(v["@Value"]));
    });
    expect(overrides.length).toBeGreaterThanOrEqual(5);
  });

  test("all URLs are HTTPS on one origin, so a production build can replace it", () => {
    const urls: string[] = [];
    walk(app, (_n, v) => {
      const u = v["@DefaultValue"];
      if (typeof u === "string" && /^https?:/.test(u)) urls.push(u);
    });
    expect(new Set(urls.map((u) => new URL(u).origin))).toEqual(
      new Set(["https://localhost:3000"])
    );
  });

  test("a production build points every URL at the production host (golden)", () => {
    const production = toProductionUrls(xml, "https://pab-watch.example.com/");
    expect(production).not.toContain("localhost");
    expectGolden("manifest.production.xml", production);
  });

  test("a production URL that is not https is refused", () => {
    expect(() => toProductionUrls(xml, "http://pab-watch.example.com/")).toThrow(/https/);
  });
});
