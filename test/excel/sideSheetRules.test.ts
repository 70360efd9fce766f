import { RULE_MARKER, RULE_STYLES, RuleKind, buildWritePlan } from "../../src/annotate";
import { ExcelRun, applyWritePlan, readWorkbookSnapshot, removeAnnotations } from "../../src/excel";
import { fakeExcelRun } from "../../src/excel/fake/context";
import { FakeWorkbookModel, ruleFormulaAt } from "../../src/excel/fake/model";
import { SUMMARY_SHEET } from "../../src/layout";
import { columnIndex } from "../../src/layout/address";
import { Finding, scanSnapshot } from "../../src/report";
import { TemplateCache, evaluate, parseFormula } from "../../src/xlsx/formulas/expression";
import { Scalar, scalarOf } from "../../src/xlsx/formulas/values";
import { addStackedGrid, stackedGrid } from "../support/stackedGrid";

/**
 * Formulas evaluated over the fake's cells by PAB Watch's own formula calculator: the PAB Watch
 * sheet's formulas (over the planner's cells) and each rule's formula as it reads at a cell.
 */
function calculator(model: FakeWorkbookModel) {
  const sheets = model.sheets;
  const bounds = sheets.map((s, index) => {
    let bottom = 0;
    let right = 0;
    for (const [r, c] of s.cells.cells()) {
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return { index, bottom, right };
  });
  const lookup = {
    sheet: (name: string) => {
      const i = sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
      return i < 0 ? null : bounds[i];
    },
  };
  const templates: TemplateCache = new Map();
  const memo = new Map<string, Scalar>();
  const formulaValue = (sheet: number, row: number, column: number, formula: string): Scalar => {
    const parsed = parseFormula(
      formula.replace(/^=/, ""),
      bounds[sheet],
      lookup,
      { row, column },
      templates
    );
    return scalarOf(evaluate(parsed.ast, { parsed, cell }));
  };
  function cell(sheet: number, row: number, column: number): Scalar {
    const key = `${sheet},${row},${column}`;
    if (memo.has(key)) return memo.get(key)!;
    const c = model.cell(sheets[sheet], row, column);
    const v: Scalar =
      c?.formula !== undefined
        ? formulaValue(sheet, row, column, c.formula)
        : c === undefined || c.value === ""
          ? null
          : (c.value as Scalar);
    memo.set(key, v);
    return v;
  }
  const index = (name: string) => sheets.findIndex((s) => s.name === name);
  return {
    value: (sheet: string, row: number, column: number) => cell(index(sheet), row, column),
    holds: (sheet: string, row: number, column: number, formula: string) =>
      formulaValue(index(sheet), row, column, formula) === true,
  };
}

const KIND_OF_FILL = new Map(
  (Object.keys(RULE_STYLES) as RuleKind[]).map((k) => [`#${RULE_STYLES[k].fill}`, k])
);

async function sideSheetScan(model: FakeWorkbookModel, sideSheet = true) {
  const run = fakeExcelRun(model) as unknown as ExcelRun;
  const snapshot = await readWorkbookSnapshot(run, "w.xlsx");
  const { findings } = scanSnapshot(snapshot);
  const plan = buildWritePlan(snapshot, findings, { sideSheet });
  await applyWritePlan(run, plan, { snapshot });
  return { run, findings, plan };
}

const ours = (model: FakeWorkbookModel, sheet: string) =>
  model.sheet(sheet)!.conditionalFormats.filter((cf) => cf.formula.includes(RULE_MARKER));

/**
 * Every cell our rules cover on the PAB Watch sheet, evaluated: a PAB cell shows "short" exactly
 * where the projection is below 0 and "below safety stock" exactly where it is 0 or more and below
 * the item's safety stock (and the cell's formula gives the projection); no other cell is coloured.
 */
function expectColoursOfTheProjection(
  model: FakeWorkbookModel,
  findings: Finding[],
  pabCells: string[][]
) {
  const calc = calculator(model);
  const shown = new Map<string, Set<RuleKind>>();
  for (const cf of ours(model, SUMMARY_SHEET)) {
    const kind = KIND_OF_FILL.get(cf.format.fill ?? "")!;
    expect(kind).toBeDefined();
    for (const r of cf.ranges)
      for (let row = r.top; row <= r.bottom; row++)
        for (let column = r.left; column <= r.right; column++) {
          if (!calc.holds(SUMMARY_SHEET, row, column, ruleFormulaAt(cf, row, column))) continue;
          const key = `${row},${column}`;
          shown.set(key, (shown.get(key) ?? new Set()).add(kind));
        }
  }
  let coloured = 0;
  findings.forEach((f, i) => {
    expect(pabCells[i]).toHaveLength(f.plan.pab.length);
    if (!pabCells[i][0].startsWith(`'${SUMMARY_SHEET}'!`)) return;
    const ss = f.record.safetyStock?.value ?? 0;
    pabCells[i].forEach((ref, t) => {
      const m = /^'PAB Watch'!([A-Z]+)(\d+)$/.exec(ref)!;
      const row = Number(m[2]) - 1;
      const column = columnIndex(m[1]);
      const pab = f.plan.pab[t];
      expect([ref, calc.value(SUMMARY_SHEET, row, column)]).toEqual([ref, pab]);
      const want: RuleKind[] = pab < 0 ? ["short"] : ss > 0 && pab < ss ? ["low"] : [];
      const key = `${row},${column}`;
      expect([f.record.item, ref, [...(shown.get(key) ?? [])]]).toEqual([f.record.item, ref, want]);
      if (want.length) coloured++;
      shown.delete(key);
    });
  });
  // Nothing else on the sheet is coloured (headers, safety stock, the summary).
  expect([...shown.keys()]).toEqual([]);
  return coloured;
}

describe("side sheet: the colours as rules over bands of the PAB Watch sheet", () => {
  test("1,000 items on two sheets: a rule per kind and sheet, each item's cells coloured by its own projection, Remove takes them all", async () => {
    const model = stackedGrid(700, 8);
    // The later half numbers its weeks: their header row ("1" … "8", text) sits inside the band of
    // MPS's rows, where only the label test keeps it from reading as "below safety stock".
    const mps = model.sheet("MPS")!;
    for (let i = 350; i < 700; i++)
      for (let t = 0; t < 8; t++) model.setCell(mps, i * 7 + 3, 1 + t, { value: t + 1 });
    addStackedGrid(model, "Plan 2", 300, 8);
    const { run, findings, plan } = await sideSheetScan(model);
    expect(findings).toHaveLength(1000);
    expect(ours(model, "MPS")).toEqual([]);
    expect(ours(model, "Plan 2")).toEqual([]);
    const rules = ours(model, SUMMARY_SHEET);
    expect(rules.length).toBeLessThanOrEqual(4);
    expect(expectColoursOfTheProjection(model, findings, plan.pabCells)).toBeGreaterThan(1000);

    // Each item's safety stock beside its PAB, as a reference to the planner's cell.
    const side = model.sheet(SUMMARY_SHEET)!;
    const first = /(\d+)$/.exec(plan.pabCells[0][0])![1];
    expect(model.cell(side, Number(first) - 1, 10)?.formula).toBe("=MPS!$B$3");

    await removeAnnotations(run);
    for (const s of model.sheets) expect([s.name, ours(model, s.name)]).toEqual([s.name, []]);
  });

  test.each(["Cost $$", "Plan$&Co", "Q$'1"])(
    "a sheet named %s: its items coloured by a rule whose label test names the sheet as it is",
    async (name) => {
      // Numbered weeks in half the items: their header rows sit in the band, so the rules test the
      // label (the sheet's name) of each row.
      const model = stackedGrid(40, 8);
      const mps = model.sheet("MPS")!;
      for (let i = 20; i < 40; i++)
        for (let t = 0; t < 8; t++) model.setCell(mps, i * 7 + 3, 1 + t, { value: t + 1 });
      model.sheets[0].name = name;
      const { findings, plan } = await sideSheetScan(model);
      expect(findings).toHaveLength(40);
      const tests = ours(model, SUMMARY_SHEET).map((cf) => cf.formula);
      expect(tests.some((f) => f.includes(`="${name}"`))).toBe(true);
      expect(expectColoursOfTheProjection(model, findings, plan.pabCells)).toBeGreaterThan(0);
    }
  );

  test("portable: the items whose sheet has no room for their PAB are coloured on the PAB Watch sheet by the same bands", async () => {
    // A note in the free row under every third item: its PAB goes on the PAB Watch sheet.
    const model = stackedGrid(900, 8);
    const mps = model.sheet("MPS")!;
    for (let i = 0; i < 900; i += 3) model.setCell(mps, i * 7 + 6, 0, { value: "Note: check" });
    const { findings, plan } = await sideSheetScan(model, false);
    const aside = plan.pabCells.filter((c) => c[0].startsWith(`'${SUMMARY_SHEET}'!`));
    expect(aside).toHaveLength(300);
    expect(ours(model, SUMMARY_SHEET).length).toBeLessThanOrEqual(2);
    expect(ours(model, "MPS").length).toBeLessThanOrEqual(3);
    expect(expectColoursOfTheProjection(model, findings, plan.pabCells)).toBeGreaterThan(300);
  });

  test("items past the first chunk of a rule's ranges are coloured by their own cells", async () => {
    // Every other item plans one week more and every fifth has no safety stock, so the bands are
    // one row each and a rule's ranges come in several chunks, each anchored at its own first range.
    const model = stackedGrid(1400, 8);
    const mps = model.sheet("MPS")!;
    for (let i = 0; i < 1400; i++) {
      if (i % 2) {
        model.setCell(mps, i * 7 + 3, 9, { value: "W9" });
        model.setCell(mps, i * 7 + 4, 9, { value: 12 });
        model.setCell(mps, i * 7 + 5, 9, { value: 0 });
      }
      if (i % 5 === 4) model.setCell(mps, i * 7 + 2, 1, { value: 0 });
    }
    const { findings, plan } = await sideSheetScan(model);
    expect(findings).toHaveLength(1400);
    const rules = ours(model, SUMMARY_SHEET);
    const short = rules.filter((cf) => cf.format.fill === `#${RULE_STYLES.short.fill}`);
    // Two spans (8 and 9 weeks), each in more than one chunk.
    expect(short.length).toBeGreaterThan(2);
    expect(expectColoursOfTheProjection(model, findings, plan.pabCells)).toBeGreaterThan(1000);
  });
});
