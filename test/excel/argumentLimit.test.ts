import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

/**
 * Defect 9 of issue 12: JavaScriptCore (Excel on Mac) caps a call at 65,536 arguments, so
 * `push(...writes)` or `Math.min(...rows)` over an array that grows with the workbook throws there
 * while Node, with its larger limit, passes. Two checks: the side-sheet annotate of 1,500 items in a
 * child process whose stack is as strict as JavaScriptCore, and every spread into a call in src/.
 */

const root = path.join(__dirname, "..", "..");

describe("9: no call takes more arguments than JavaScriptCore allows", () => {
  test("a side sheet of 1,500 items × 52 weeks is annotated on a stack where a 65,537-argument call fails", () => {
    // 500 KB of stack: a spread of 65,537 arguments throws RangeError here (the child checks it first).
    const out = execFileSync(
      process.execPath,
      [
        "--stack-size=500",
        "-r",
        "ts-node/register/transpile-only",
        path.join(root, "test", "support", "jscArgumentLimit.ts"),
        "1500",
        "52",
      ],
      { cwd: root, encoding: "utf8", env: { ...process.env, TS_NODE_PROJECT: "tsconfig.json" } }
    );
    const result = JSON.parse(out.trim().split("\n").pop()!);
    expect(result.error).toBeUndefined();
    expect(result.items).toBe(1500);
    expect(result.lastItemCells).toBe(52);
    // More writes than one call could take as arguments: the case that overflowed.
    expect(result.writes).toBeGreaterThan(65_536);
    expect(result.sideSheetCells).toBeGreaterThan(65_536);
  }, 120_000);

  /**
   * Spreads into calls in src/ whose array is bounded by something other than the size of the
   * workbook (a row's columns, an item's periods, a notice's lines), each with its bound. A spread not
   * listed here fails the test: loop instead (`for (const x of xs) out.push(x)`, a reduce for min/max),
   * or add it here with the bound that keeps it under 65,536.
   */
  const BOUNDED: { file: string; in: string; spread: string; bound: string }[] = [
    {
      file: "src/annotate/build.ts",
      in: "lastRowOf",
      spread: "rows",
      bound: "the series rows of one record",
    },
    {
      file: "src/annotate/build.ts",
      in: "annotateLongTable",
      spread: "used",
      bound: "a long table's used columns",
    },
    {
      file: "src/annotate/build.ts",
      in: "annotateSideSheet",
      spread: "r.periods.map(",
      bound: "one item's periods (a row has 16,384 columns)",
    },
    {
      file: "src/annotate/periodsDown.ts",
      in: "annotatePeriodsDown",
      spread: "used",
      bound: "a table's used columns",
    },
    {
      file: "src/excel/fake/context.ts",
      in: "maxRequestBytes",
      spread: "this.requestBytes",
      bound: "the syncs of one batch",
    },
    {
      file: "src/excel/fake/officeJsRequests.ts",
      in: "get",
      spread: "args.map(",
      bound: "the arguments of one Office.js call",
    },
    {
      file: "src/incidents/escalation.ts",
      in: "confirmedShort",
      spread: "short",
      bound: "one item's periods",
    },
    {
      file: "src/incidents/projection.ts",
      in: "snapshotRisk",
      spread: "withoutReceipt",
      bound: "one item's periods",
    },
    {
      file: "src/layout/adapterDiagnostics.ts",
      in: "cellsOf",
      spread: "row.cells",
      bound: "one row's periods",
    },
    {
      file: "src/layout/headerRuns.ts",
      in: "findHeaderRuns",
      spread: "rowRuns(",
      bound: "header runs in one row",
    },
    {
      file: "src/layout/long.ts",
      in: "tableColumnsNotUnderstood",
      spread: "Object.values(h.repeated)",
      bound: "a header's columns",
    },
    {
      file: "src/layout/mappedPeriods.ts",
      in: "withMappedRun",
      spread: "before.map(",
      bound: "header runs in one row",
    },
    {
      file: "src/layout/rowPerPart.ts",
      in: "readRowPerPart",
      spread: "blockColumnList",
      bound: "columns of a sheet",
    },
    {
      file: "src/layout/rowPerPart.ts",
      in: "readRowPerPart",
      spread: "blockColumns",
      bound: "columns of a sheet",
    },
    {
      file: "src/mail/document.ts",
      in: "renderText",
      spread: "b.lines.map(",
      bound: "lines of one notice block",
    },
    {
      file: "src/mail/document.ts",
      in: "renderText",
      spread: "b.items.map(",
      bound: "items of one notice list",
    },
    {
      file: "src/mail/document.ts",
      in: "renderText",
      spread: "cells.map(",
      bound: "rows of one notice table",
    },
    {
      file: "src/mail/groupNotice.ts",
      in: "customerRisk",
      spread: "partHead(",
      bound: "lines of one part's heading",
    },
    {
      file: "src/mail/groupNotice.ts",
      in: "customerRisk",
      spread: "ordersBlocks(c).slice(1)",
      bound: "blocks of one part's orders in a notice",
    },
    {
      file: "src/mail/mime.ts",
      in: "base64",
      spread: "bytes.subarray(i, i + 0x8000)",
      bound: "chunks of 32,768 bytes",
    },
    {
      file: "src/taskpane/components/ItemView.tsx",
      in: "chartAlt",
      spread: "item.pab",
      bound: "one item's periods",
    },
    {
      file: "src/taskpane/components/PabChart.tsx",
      in: "PabChart",
      spread: "item.pab",
      bound: "one item's periods",
    },
    { file: "src/workbench/Grid.tsx", in: "commit", spread: "next", bound: "a cell position" },
    {
      file: "src/workbench/pabPlugin.ts",
      in: "run",
      spread: "cells",
      bound: "a function's arguments",
    },
    {
      file: "src/xlsx/write/logTable.ts",
      in: "applyLogToPackage",
      spread: "ids",
      bound: "tables of a workbook",
    },
    {
      file: "src/xlsx/write/sheetEdit.ts",
      in: "addRules",
      spread: "priorities",
      bound: "rules of one sheet",
    },
    {
      file: "src/xlsx/write/workbookEdit.ts",
      in: "addSheetEntry",
      spread: "ids",
      bound: "sheets of a workbook",
    },
  ];

  function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return sources(p);
      return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
    });
  }

  interface Spread {
    /** The function it is in (named declaration, method, or the variable or property holding it). */
    in: string;
    line: number;
    call: string;
    spread: string;
  }

  function enclosing(node: ts.Node): string {
    for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
      if (
        (ts.isFunctionDeclaration(n) ||
          ts.isMethodDeclaration(n) ||
          ts.isGetAccessorDeclaration(n)) &&
        n.name
      )
        return n.name.getText();
      if (
        (ts.isVariableDeclaration(n) ||
          ts.isPropertyAssignment(n) ||
          ts.isPropertyDeclaration(n)) &&
        n.initializer &&
        (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))
      )
        return n.name.getText();
    }
    return "(top level)";
  }

  /** Spreads into calls (not into array literals, which have no such limit), as "call(...spread)". */
  function spreadCalls(file: string, code: string): Spread[] {
    const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
    const hits: Spread[] = [];
    const visit = (node: ts.Node): void => {
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments)
        for (const arg of node.arguments) {
          if (!ts.isSpreadElement(arg) || ts.isArrayLiteralExpression(arg.expression)) continue;
          hits.push({
            in: enclosing(node),
            line: source.getLineAndCharacterOfPosition(arg.getStart(source)).line + 1,
            call: node.expression.getText(source),
            spread: arg.expression.getText(source).replace(/\s+/g, " "),
          });
        }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return hits;
  }

  const unbounded = (file: string, code: string) =>
    spreadCalls(file, code)
      .filter(
        (h) =>
          !BOUNDED.some(
            (b) =>
              b.file === file &&
              b.in === h.in &&
              (h.spread === b.spread || h.spread.startsWith(b.spread))
          )
      )
      .map((h) => `${file}:${h.line} in ${h.in}: ${h.call}(...${h.spread})`);

  test("every spread into a call in src/ is over an array with a bound well under 65,536", () => {
    const found = sources(path.join(root, "src")).flatMap((file) =>
      unbounded(path.relative(root, file).split(path.sep).join("/"), fs.readFileSync(file, "utf8"))
    );
    expect(found).toEqual([]);
  });

  test("every bounded spread listed still stands in src/ (the list stays true)", () => {
    const stale = BOUNDED.filter((b) => {
      const file = path.join(root, b.file);
      if (!fs.existsSync(file)) return true;
      return !spreadCalls(b.file, fs.readFileSync(file, "utf8")).some(
        (h) => h.in === b.in && (h.spread === b.spread || h.spread.startsWith(b.spread))
      );
    }).map((b) => `${b.file} in ${b.in}: ...${b.spread}`);
    expect(stale).toEqual([]);
  });

  test("the check reports the spreads the defect was about", () => {
    // What annotateSideSheet and annotateLongTable held before the fix (array literals are fine).
    const before = [
      "function annotateSideSheet() { ctx.writes.push(...writes); }",
      "function annotateLongTable() { const top = Math.min(...rows); const all = [...cells]; }",
    ].join("\n");
    expect(unbounded("src/annotate/build.ts", before)).toEqual([
      "src/annotate/build.ts:1 in annotateSideSheet: ctx.writes.push(...writes)",
      "src/annotate/build.ts:2 in annotateLongTable: Math.min(...rows)",
    ]);
  });
});
