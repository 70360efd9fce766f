import { HyperFormula } from "hyperformula";
import { shiftFormula } from "../layout/formulaRefs";
import { FakeSheet, FakeWorkbookModel } from "../excel/fake/model";
import { registerPabFunctions } from "./pabPlugin";

export interface ShownCell {
  text: string;
  fill?: string;
  color?: string;
  bold?: boolean;
  border?: string;
  /** The name of the PAB Watch record covering this cell, shown on hover. */
  owner?: string;
}

function show(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number")
    return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
  if (typeof v === "object" && "value" in (v as object))
    return String((v as { value: unknown }).value);
  return String(v);
}

/**
 * What Excel would show: every formula evaluated (HyperFormula, a test peer here, never in the
 * add-in) and every conditional-format rule applied, as the sheet's own cells see them.
 */
export function evaluateWorkbook(model: FakeWorkbookModel): Map<string, Map<string, ShownCell>> {
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  const size = (s: FakeSheet) => {
    let rows = 0;
    let cols = 0;
    for (const k of s.cells.keys()) {
      const [r, c] = k.split(",").map(Number);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    return { rows, cols };
  };
  for (const s of model.sheets) {
    const { rows, cols } = size(s);
    const data = Array.from({ length: rows }, () =>
      new Array<string | number | boolean | null>(cols).fill(null)
    );
    for (const [k, c] of s.cells) {
      const [r, col] = k.split(",").map(Number);
      data[r][col] =
        c.formula ??
        (c.value === ""
          ? null
          : typeof c.value === "string" && c.value.startsWith("=")
            ? `'${c.value}`
            : c.value);
    }
    sheets[s.name] = data;
  }
  registerPabFunctions();
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
  const out = new Map<string, Map<string, ShownCell>>();
  for (const s of model.sheets) {
    const id = hf.getSheetId(s.name) as number;
    const values = hf.getSheetValues(id);
    const shown = new Map<string, ShownCell>();
    values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v !== null && v !== "") shown.set(`${r},${c}`, { text: show(v) });
      })
    );
    for (const cf of s.conditionalFormats) {
      const first = cf.ranges[0];
      for (const range of cf.ranges) {
        for (let r = range.top; r <= range.bottom; r++) {
          for (let c = range.left; c <= range.right; c++) {
            const formula = shiftFormula(cf.formula, r - first.top, c - first.left);
            if (hf.calculateFormula(`=${formula}`, id) !== true) continue;
            const cell = shown.get(`${r},${c}`) ?? { text: "" };
            const symbol = /"\s*([▼▽◆])"/.exec(cf.format.numberFormat ?? "")?.[1];
            shown.set(`${r},${c}`, {
              ...cell,
              text:
                symbol && cell.text && !cell.text.endsWith(symbol)
                  ? `${cell.text} ${symbol}`
                  : cell.text,
              fill: cf.format.fill ?? cell.fill,
              color: cf.format.fontColor ?? cell.color,
              bold: cf.format.bold ?? cell.bold,
              border: cf.format.border ?? cell.border,
            });
          }
        }
      }
    }
    for (const n of model.names) {
      if (n.sheet !== s.name) continue;
      for (const range of n.ranges) {
        for (let r = range.top; r <= range.bottom; r++) {
          for (let c = range.left; c <= range.right; c++) {
            const cell = shown.get(`${r},${c}`) ?? { text: "" };
            shown.set(`${r},${c}`, { ...cell, owner: n.name });
          }
        }
      }
    }
    out.set(s.name, shown);
  }
  hf.destroy();
  return out;
}
