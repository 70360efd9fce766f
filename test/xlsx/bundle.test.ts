import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "../..");

/** Every module a source file reaches through its imports: project files by path, packages by name. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [path.join(root, entry)];
  while (todo.length) {
    const file = todo.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(
      /(?:import|export)\s[^"';]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g
    )) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec.startsWith(".")) {
        packages.add(
          spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]
        );
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const found = [".ts", ".tsx", "/index.ts", "/index.tsx", ""]
        .map((x) => base + x)
        .find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
      if (found && /\.tsx?$/.test(found)) todo.push(found);
    }
  }
  return { files, packages };
}

test.each(["src/taskpane/index.tsx", "src/functions/functions.ts"])(
  "the add-in bundle entry %s reaches neither the .xlsx/CSV adapters nor the formula parser",
  (entry) => {
    const { files, packages } = reach(entry);
    expect(files.size).toBeGreaterThan(3);
    const adapters = [...files]
      .map((f) => path.relative(root, f))
      .filter((f) => /^src\/(xlsx|csv)\//.test(f));
    expect(adapters).toEqual([]);
    expect([...packages]).not.toContain("@borgar/fx");
  }
);

test("the command line does reach the formula parser (the check above can see it)", () => {
  const { packages } = reach("src/cli/main.ts");
  expect(packages).toContain("@borgar/fx");
});
