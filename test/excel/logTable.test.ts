import { ExcelRun, readLogTable, writeLogTable } from "../../src/excel";
import { FakeRequestContext, fakeExcelRun } from "../../src/excel/fake/context";
import { FakeWorkbookModel, modelFromSnapshot } from "../../src/excel/fake/model";
import {
  DEFAULT_TARGETS,
  LOG_COLUMNS,
  LOG_SHEET,
  LOG_TABLE,
  logFigures,
  logHeader,
  logRow,
  logTableRows,
} from "../../src/incidents";
import { XlsxPackage, applyLogToPackage, readXlsxSnapshot } from "../../src/xlsx";
import { buildXlsx } from "../support/xlsxBuilder";
import { classicRows } from "../support/classic";
import { fullCase } from "../support/incidents";

function setup() {
  const bytes = buildXlsx([{ name: "MPS", rows: classicRows() }]);
  const model = modelFromSnapshot(readXlsxSnapshot(bytes, "book.xlsx"));
  const contexts: FakeRequestContext[] = [];
  return { bytes, model, contexts, run: fakeExcelRun(model, contexts) as unknown as ExcelRun };
}

function logOf(model: FakeWorkbookModel): (string | number | boolean)[][] {
  const sheet = model.sheet(LOG_SHEET);
  if (!sheet) throw new Error("no log sheet");
  const used = model.usedRange(sheet)!;
  const out: (string | number | boolean)[][] = [];
  for (let r = 0; r <= used.bottom; r++)
    out.push(LOG_COLUMNS.map((_c, i) => model.cell(sheet, r, i)?.value ?? ""));
  return out;
}

const state = (m: FakeWorkbookModel) =>
  JSON.stringify({
    cells: [...(m.sheet(LOG_SHEET)?.cells ?? [])].sort(),
    names: m.names,
    tables: m.tables,
  });

describe("the root-cause log through Office.js (strict fake)", () => {
  test("one Excel table, the same rows as the .xlsx writer, in few round trips, each row in one block", async () => {
    const { bytes, model, contexts, run } = setup();
    const c = fullCase();
    const rows = [{ key: c.id, cells: logRow(c, "en") }];
    const { plan, syncs } = await writeLogTable(run, logHeader("en"), rows);
    expect(plan.notes).toEqual([]);
    expect(model.tables).toEqual([
      {
        id: expect.any(Number),
        name: LOG_TABLE,
        sheet: LOG_SHEET,
        range: { top: 0, left: 0, bottom: 1, right: 30 },
      },
    ]);
    // The same cells as the .xlsx writer's table.
    const xlsx = readXlsxSnapshot(
      applyLogToPackage(new XlsxPackage(bytes), logHeader("en"), rows).bytes,
      "b"
    );
    const fromFile = modelFromSnapshot(xlsx);
    expect(logOf(model)).toEqual(logOf(fromFile));
    expect(logOf(model)[0]).toEqual(logHeader("en"));
    // Text columns are text-formatted before their values arrive; numbers stay numbers.
    const sheet = model.sheet(LOG_SHEET)!;
    expect(model.cell(sheet, 1, 0)).toEqual({ value: "INC-2027-004", numberFormat: "@" });
    expect(model.cell(sheet, 1, 6)?.value).toBe(13);
    // No log sheet yet: read the names, then write everything in one request.
    expect(syncs).toBe(3);
    expect(contexts.length).toBe(2); // the batch, and turning events back on
    // Hidden names record each row and the header with a fingerprint.
    expect(
      model.names.map((n) => [n.name, n.visible, /^pabw:[0-9a-f]{8}$/.test(n.comment)])
    ).toEqual([
      ["_PABWatchLog.header", false, true],
      ["_PABWatchLog.x_494e432d323032372d303034", false, true],
    ]);
  });

  test("a second write changes nothing; an edited row survives; a new incident is appended and the table grows", async () => {
    const { model, run } = setup();
    const c = fullCase();
    await writeLogTable(run, logHeader("en"), [{ key: c.id, cells: logRow(c, "en") }]);
    const once = state(model);
    expect(
      (await writeLogTable(run, logHeader("en"), [{ key: c.id, cells: logRow(c, "en") }])).syncs
    ).toBe(4);
    expect(state(model)).toBe(once);
    await writeLogTable(run, logHeader("en"), [{ key: c.id, cells: logRow(c, "en") }]);
    expect(state(model)).toBe(once);

    const sheet = model.sheet(LOG_SHEET)!;
    model.setCell(sheet, 1, 28, { value: "checked: no recurrence" });
    const other = { ...fullCase("INC-9"), closedAt: null };
    const changed = { ...c, log: { ...c.log, rootCause: "something else" } };
    const { plan } = await writeLogTable(run, logHeader("en"), [
      { key: c.id, cells: logRow(changed, "en") },
      { key: other.id, cells: logRow(other, "en") },
    ]);
    expect(plan.notes).toEqual([
      `${LOG_SHEET}!A2: the row of INC-2027-004 was edited by hand: kept as it is`,
    ]);
    expect(model.cell(sheet, 1, 28)?.value).toBe("checked: no recurrence");
    expect(model.cell(sheet, 1, 21)?.value).toBe("no crack check at start-up");
    expect(model.cell(sheet, 2, 0)?.value).toBe("INC-9");
    expect(model.tables[0].range).toEqual({ top: 0, left: 0, bottom: 2, right: 30 });
  });

  test("text that looks like a formula stays text", async () => {
    const { model, run } = setup();
    const c = fullCase();
    const evil = { ...c, log: { ...c.log, rootCause: '=HYPERLINK("http://x.example","click")' } };
    await writeLogTable(run, logHeader("zh-CN"), [{ key: c.id, cells: logRow(evil, "zh-CN") }]);
    const cell = model.cell(model.sheet(LOG_SHEET)!, 1, 21);
    expect(cell).toEqual({ value: '=HYPERLINK("http://x.example","click")', numberFormat: "@" });
    expect(logOf(model)[0]).toEqual(logHeader("zh-CN"));
  });
});

describe("the root-cause log read back through Office.js (strict fake)", () => {
  test("no table: null in one round trip; the table's values as edited by hand, rows moved, in two", async () => {
    const { model, contexts, run } = setup();
    expect(await readLogTable(run)).toBeNull();
    expect(contexts.map((c) => c.syncCount)).toEqual([1]);

    const a = fullCase("INC-1");
    const b = fullCase("INC-2");
    await writeLogTable(
      run,
      logHeader("en"),
      [a, b].map((c) => ({ key: c.id, cells: logRow(c, "en") }))
    );
    const sheet = model.sheet(LOG_SHEET)!;
    const category = LOG_COLUMNS.findIndex((c) => c.key === "category");
    // Sorted by hand (INC-2 first), a category typed for INC-1, a row added below, the table grown.
    for (let col = 0; col < LOG_COLUMNS.length; col++) {
      const top = model.cell(sheet, 1, col);
      const next = model.cell(sheet, 2, col);
      model.setCell(sheet, 1, col, next ? { ...next } : { value: "" });
      model.setCell(sheet, 2, col, top ? { ...top } : { value: "" });
    }
    model.setCell(sheet, 2, category, { value: "ｍｅｔｈｏｄ" });
    model.setCell(sheet, 3, 0, { value: "by hand 7" });
    model.setCell(sheet, 3, category, { value: "料" });
    model.tables[0].range = { ...model.tables[0].range, bottom: 3 };
    contexts.length = 0;

    const values = await readLogTable(run);
    expect(contexts.map((c) => c.syncCount)).toEqual([2]);
    expect(values?.length).toBe(4);
    expect(values?.[0]).toEqual(logHeader("en"));
    const rows = logTableRows(values!);
    expect(rows?.map((r) => [r.id, r.category])).toEqual([
      ["INC-2", "Machine"],
      ["INC-1", "ｍｅｔｈｏｄ"],
      ["by hand 7", "料"],
    ]);
    expect(logFigures([a, b], DEFAULT_TARGETS, "2027-03-20T00:00:00Z", rows).byCategory).toEqual([
      { category: "machine", text: null, count: 1 },
      { category: "material", text: null, count: 1 },
      { category: "method", text: null, count: 1 },
    ]);
  });
});

describe("the fake's tables are as strict as Excel", () => {
  test("overlapping tables, a taken name, a header-only table and rows one by one are refused", async () => {
    const { model, run } = setup();
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem("MPS");
      ws.tables.add("MPS!A4:I6", true).name = "Plan";
      await context.sync();
    });
    expect(model.tables.map((t) => t.name)).toEqual(["Plan"]);
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem("MPS").tables.add("MPS!B5:C7", true);
        await context.sync();
      })
    ).rejects.toThrow(/overlaps the table Plan/);
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem("MPS").tables.add("MPS!K1:L3", true).name = "plan";
        await context.sync();
      })
    ).rejects.toThrow(/taken/);
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem("MPS").tables.add("MPS!K10:L10", true);
        await context.sync();
      })
    ).rejects.toThrow(/at least one row/);
    await expect(
      run(async (context) => {
        const t = context.workbook.tables.getItemOrNullObject("Plan") as unknown as {
          rows: unknown;
        };
        return t.rows;
      })
    ).rejects.toThrow(/one block/);
    // As in Excel, what ran before the failing step stays (the table K1:L3 exists, unnamed).
    // Empty header cells get Column1…; inserted rows move the table.
    await run(async (context) => {
      context.workbook.worksheets.getItem("MPS").tables.add("MPS!M1:N2", true);
      await context.sync();
    });
    expect(model.cell(model.sheet("MPS")!, 0, 12)?.value).toBe("Column1");
    model.insertRows("MPS", 0, 2);
    expect(model.tables.find((t) => t.name === "Plan")?.range.top).toBe(5);
  });
});
