import { SheetSnapshot, WorkbookSnapshot, readPlans } from "../../src/layout";
import { scanSnapshot } from "../../src/report";
import { readXlsxSnapshot } from "../../src/xlsx";
import { handPab, makeParts, materialBalanceSheet } from "../support/layouts";
import { schemaErrors } from "../support/schema";
import { TestCell, TestSheet, buildXlsx } from "../support/xlsxBuilder";

function scan(sheets: TestSheet[], date1904 = false) {
  const snapshot = readXlsxSnapshot(buildXlsx(sheets, { date1904 }), "parts.xlsx");
  return { read: readPlans(snapshot), ...scanSnapshot(snapshot) };
}

const monthCells = (n: number, format = "mmm-yy"): TestCell[] =>
  Array.from({ length: n }, (_, t) => ({
    date: `${2027 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}-01`,
    format,
  }));

describe("row-per-part material balance", () => {
  test("English: every part read once, PAB from stock, receipts and demand, the closing balance audited", () => {
    const parts = makeParts(40, 6);
    // The planner's balance of one part is off by 5: it must be said, at its cell.
    const sheet = materialBalanceSheet(parts, monthCells(6), {
      sheet: "MB",
      part: "Part number",
      description: "Description",
      stock: "Stock",
      safety: "Safety stock",
      receipts: "Receipts (ETA)",
      transit: "In transit",
      demand: "Demand",
      balance: "Closing balance",
    });
    const wrongRow = 2 + 7;
    const cell = sheet.rows[wrongRow][sheet.rows[wrongRow].length - 1] as { f: string; v: number };
    cell.v += 5;
    const { report } = scan([sheet]);
    expect(schemaErrors(report)).toEqual([]);
    expect(report.items.map((i) => i.item)).toEqual(parts.map((p) => p.part));
    parts.forEach((p, i) => {
      const item = report.items[i];
      expect(item).toMatchObject({
        arrangement: "row-per-part",
        layout: "pivot",
        opening: p.stock,
        safetyStock: p.safety,
        orders: p.demand,
        mps: p.receipts.map((x, t) => x + p.transit[t]),
        pab: handPab(p.stock, p.demand, p.receipts, p.transit),
        periods: ["2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06"],
        periodStarts: [
          "2027-01-01",
          "2027-02-01",
          "2027-03-01",
          "2027-04-01",
          "2027-05-01",
          "2027-06-01",
        ],
        flagged: false,
      });
    });
    const differs = report.diagnostics.filter((d) => d.code === "pab-differs");
    expect(differs.map((d) => [d.cell, d.item])).toEqual([[`MB!W${wrongRow + 1}`, parts[7].part]]);
    expect(report.diagnostics.filter((d) => d.code !== "pab-differs")).toEqual([]);
  });

  test("Chinese labels, the 1904 date system, merged group headers", () => {
    const parts = makeParts(12, 8, 11, "物料-");
    const sheet = materialBalanceSheet(parts, monthCells(8, "yyyy年m月"), {
      sheet: "物料平衡",
      part: "物料编码",
      description: "物料名称",
      stock: "库存",
      safety: "安全库存",
      receipts: "预计到货",
      demand: "客户需求",
    });
    sheet.merged = ["E1:L1", "M1:T1"];
    const { report } = scan([sheet], true);
    expect(report.diagnostics).toEqual([]);
    expect(report.items).toHaveLength(12);
    parts.forEach((p, i) =>
      expect(report.items[i]).toMatchObject({
        item: p.part,
        sheet: "物料平衡",
        opening: p.stock,
        orders: p.demand,
        mps: p.receipts,
        pab: handPab(p.stock, p.demand, p.receipts),
        periodStarts: monthCells(8).map((m) => (m as { date: string }).date),
      })
    );
  });

  test("a column of figures with no role is row-not-understood, naming the cell; parts with figures there are flagged", () => {
    const parts = makeParts(5, 4);
    const sheet = materialBalanceSheet(parts, monthCells(4), {
      sheet: "MB",
      part: "Part",
      description: "Description",
      stock: "On hand",
      safety: "SS",
      receipts: "Receipts",
      demand: "Demand",
    });
    // A column without a header after the demand block, figures in two parts.
    sheet.rows.forEach((row, r) => row.push(r === 3 ? 12 : r === 5 ? 7 : null));
    // And a labelled attribute column the PAB does not need: said, not an error.
    sheet.rows[1].push("Lead time");
    sheet.rows.slice(2).forEach((row) => row.push(14));
    const { report } = scan([sheet]);
    const rnu = report.diagnostics.filter((d) => d.code === "row-not-understood");
    expect(rnu.map((d) => [d.severity, d.cell])).toEqual([
      ["warning", "MB!N3"],
      ["error", "MB!M4"],
    ]);
    expect(rnu[0].message).toContain('"Lead time"');
    expect(report.items.map((i) => i.flagged)).toEqual([false, true, false, true, false]);
    expect(report.items[1].pab).toEqual(
      handPab(parts[1].stock, parts[1].demand, parts[1].receipts)
    );
  });

  test("a block of months without a group header is reported, not guessed", () => {
    const parts = makeParts(3, 3);
    const sheet = materialBalanceSheet(parts, monthCells(3), {
      sheet: "MB",
      part: "Item",
      description: "Name",
      stock: "Stock",
      safety: "Safety stock",
      receipts: "Receipts",
      demand: "Demand",
    });
    // A third block of the same months, no group header over it.
    sheet.rows[1].push(...monthCells(3));
    sheet.rows.slice(2).forEach((row) => row.push(5, 0, 5));
    const { report } = scan([sheet]);
    const rnu = report.diagnostics.filter((d) => d.code === "row-not-understood");
    expect(rnu.map((d) => d.cell)).toEqual(["MB!K2"]);
    expect(report.items.every((i) => i.flagged)).toBe(true);
    expect(report.items[0].orders).toEqual(parts[0].demand);
  });

  test("a mapping gives columns their role: a block without a group header read as supply, a stray column ignored", () => {
    const parts = makeParts(3, 3);
    const sheet = materialBalanceSheet(parts, monthCells(3), {
      sheet: "MB",
      part: "Item",
      description: "Name",
      stock: "Stock",
      safety: "Safety stock",
      receipts: "Receipts",
      demand: "Demand",
    });
    const extra = [5, 0, 5];
    sheet.rows[1].push(...monthCells(3), null);
    sheet.rows.slice(2).forEach((row, i) => row.push(...extra, i === 0 ? 9 : null));
    const snapshot = readXlsxSnapshot(buildXlsx([sheet]), "mb.xlsx");
    const mapping = { sheets: { MB: { columns: { K: "mps" as const, N: "ignore" as const } } } };
    const { report } = scanSnapshot(snapshot, { mapping });
    expect(report.diagnostics.filter((d) => d.code === "row-not-understood")).toEqual([]);
    expect(report.items.map((i) => i.flagged)).toEqual([false, false, false]);
    parts.forEach((p, i) => {
      const supply = p.receipts.map((q, t) => q + extra[t]);
      expect(report.items[i].mps).toEqual(supply);
      expect(report.items[i].pab).toEqual(handPab(p.stock, p.demand, supply));
    });
  });

  test("a pivot export (a measure column) is still a pivot", () => {
    const { report } = scan([
      {
        name: "Export",
        rows: [
          ["Item", "On hand", "Measure", "W1", "W2", "W3"],
          ["FG-1", 40, "Customer orders", 10, 20, 30],
          [null, null, "MPS", 0, 30, 0],
        ],
      },
    ]);
    expect(report.items.map((i) => [i.item, i.arrangement, i.pab])).toEqual([
      ["FG-1", "pivot", [30, 40, 10]],
    ]);
  });

  test("read in one pass: the cells visited grow with the parts, not with parts × parts", () => {
    const visits = (count: number) => {
      const sheet = materialBalanceSheet(makeParts(count, 12), monthCells(12), {
        sheet: "MB",
        part: "Part",
        description: "Description",
        stock: "Stock",
        safety: "Safety stock",
        receipts: "Receipts",
        demand: "Demand",
        balance: "Balance",
      });
      const snapshot = readXlsxSnapshot(buildXlsx([sheet]), "big.xlsx");
      let reads = 0;
      const counted: SheetSnapshot = {
        ...snapshot.sheets[0],
        values: snapshot.sheets[0].values.map(
          (row) =>
            new Proxy(row, {
              get(target, key, receiver) {
                if (typeof key === "string" && /^\d+$/.test(key)) reads++;
                return Reflect.get(target, key, receiver);
              },
            })
        ),
      };
      const wb: WorkbookSnapshot = { ...snapshot, sheets: [counted] };
      const read = readPlans(wb);
      expect(read.records).toHaveLength(count);
      return reads;
    };
    const small = visits(100);
    const large = visits(400);
    expect(large / small).toBeLessThan(4.4);
    // Each part's row is visited a few times over (period cells, stock, the empty-row check), no more.
    expect(large / (400 * 30)).toBeLessThan(6);
  });

  test("the README's picture: stock, receipts and demand blocks under group headers, a closing balance", () => {
    const rows: TestCell[][] = [
      [null, null, "Receipts (ETA)", null, null, null, null, null, "Demand"],
      ["Part", "Stock", ...monthCells(6), ...monthCells(6), "Balance"],
      ["C-1000", 140, 0, 100, 0, 0, 100, 0, 77, 65, 50, 4, 0, 28, 116],
      ["C-1001", 89, 0, 100, 0, 0, 100, 0, 77, 25, 21, 52, 87, 25, 2],
    ];
    const { report } = scan([{ name: "Material balance", rows }]);
    expect(report.diagnostics).toEqual([]);
    expect(report.items.map((i) => [i.item, i.pab])).toEqual([
      ["C-1000", handPab(140, [77, 65, 50, 4, 0, 28], [0, 100, 0, 0, 100, 0])],
      ["C-1001", handPab(89, [77, 25, 21, 52, 87, 25], [0, 100, 0, 0, 100, 0])],
    ]);
    expect(report.items.map((i) => i.pab[5])).toEqual([116, 2]);
  });

  test("months without a year run on past December inside a block; each group header starts a block", () => {
    const months = ["Oct", "Nov", "Dec", "Jan", "Feb"];
    const rows: TestCell[][] = [
      [null, null, "到货", null, null, null, null, "需求"],
      ["料号", "库存", ...months, ...months],
      ["M-1", 10, 0, 40, 0, 0, 40, 5, 10, 20, 15, 30],
    ];
    const snapshot = readXlsxSnapshot(buildXlsx([{ name: "S", rows }]), "m.xlsx");
    const { report } = scanSnapshot(snapshot, { startDate: "2026-10-05" });
    expect(report.items[0]).toMatchObject({
      item: "M-1",
      arrangement: "row-per-part",
      periods: months,
      periodStarts: ["2026-10-01", "2026-11-01", "2026-12-01", "2027-01-01", "2027-02-01"],
      orders: [5, 10, 20, 15, 30],
      mps: [0, 40, 0, 0, 40],
      pab: handPab(10, [5, 10, 20, 15, 30], [0, 40, 0, 0, 40]),
    });
    expect(report.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });

  test("a totals row and a repeated header are not parts; a table further right is not this one", () => {
    const parts = makeParts(4, 3);
    const sheet = materialBalanceSheet(parts, monthCells(3), {
      sheet: "MB",
      part: "Part",
      description: "Description",
      stock: "Stock",
      safety: "Safety stock",
      receipts: "Receipts",
      demand: "Demand",
    });
    // A page break repeats the header; the export ends with a total.
    sheet.rows.splice(4, 0, [...sheet.rows[1]]);
    sheet.rows.push(["Total", null, 999, 0, 1, 2, 3, 4, 5, 6]);
    // Three blank columns, then someone's own small table of figures.
    sheet.rows[0].push(null, null, null, null, "Exchange rates");
    sheet.rows[2].push(null, null, null, null, 7.1);
    const { report } = scan([sheet]);
    expect(report.items.map((i) => i.item)).toEqual(parts.map((p) => p.part));
    expect(report.items.map((i) => i.pab)).toEqual(
      parts.map((p) => handPab(p.stock, p.demand, p.receipts))
    );
    expect(report.diagnostics.map((d) => [d.severity, d.code, d.cell])).toEqual([
      ["info", "derived-row", "MB!A8"],
    ]);
  });
});
