import type { EditedRange } from "../../excel";
import { PlanRecord, parseA1 } from "../../layout";
import { CellList, columnIndex, parseRange } from "../../layout/address";

const LAST_ROW = 1048575;
const LAST_COLUMN = 16383;

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B5", "B5:C7", "5:7" (whole rows), "B:C" (whole columns) → an area; null for anything else. */
function areaOf(ref: string): Area | null {
  const [from, to = from] = ref.replace(/\$/g, "").split(":");
  if (/^\d+$/.test(from) && /^\d+$/.test(to))
    return { top: Number(from) - 1, bottom: Number(to) - 1, left: 0, right: LAST_COLUMN };
  if (/^[A-Za-z]{1,3}$/.test(from) && /^[A-Za-z]{1,3}$/.test(to))
    return { top: 0, bottom: LAST_ROW, left: columnIndex(from), right: columnIndex(to) };
  try {
    return parseRange(`${from}:${to}`);
  } catch {
    return null;
  }
}

/** "MPS!B5" or "'Spare parts'!B5" → sheet and cell. */
function splitCell(ref: string): { sheet: string; row: number; column: number } | null {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return null;
  const sheet = ref
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  try {
    return { sheet, ...parseA1(ref.slice(bang + 1)) };
  } catch {
    return null;
  }
}

/** The cells a scan read its figures from: item, periods, opening, safety stock, past due, orders, forecast, supply. */
export function planInputCells(records: PlanRecord[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (sheet: string, row: number, column: number) => {
    if (row < 0 || column < 0) return;
    let cells = out.get(sheet.toLowerCase());
    if (!cells) out.set(sheet.toLowerCase(), (cells = new Set()));
    cells.add(`${row},${column}`);
  };
  const addRef = (ref: string | null | undefined) => {
    const c = ref ? splitCell(ref) : null;
    if (c) add(c.sheet, c.row, c.column);
  };
  const addList = (list: CellList) => {
    for (let t = 0; t < list.rows.length; t++) add(list.sheet, list.rows[t], list.columns[t]);
  };
  for (const r of records) {
    if (r.itemPos) add(r.itemPos.sheet, r.itemPos.row, r.itemPos.column);
    addRef(r.opening?.cell);
    addRef(r.safetyStock?.cell);
    addRef(r.pastDue?.cell);
    addList(r.periodAt);
    for (const row of [r.orders, r.forecast, ...r.supply]) if (row) addList(row.at);
  }
  return out;
}

/**
 * Whether any edit touches a figure the scan read (so its projection may have changed); an edit of
 * whole rows or columns (inserted, deleted) on a sheet with figures counts too.
 */
export function editsTouchPlan(edits: EditedRange[], inputs: Map<string, Set<string>>): boolean {
  return edits.some((e) => {
    const cells = inputs.get(e.sheet.toLowerCase());
    if (!cells) return false;
    return e.address.split(",").some((ref) => {
      const area = areaOf(ref.trim());
      if (!area) return true;
      if (area.left === 0 && area.right === LAST_COLUMN) return true;
      if (area.top === 0 && area.bottom === LAST_ROW) return true;
      if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > cells.size) {
        for (const k of cells) {
          const [row, column] = k.split(",").map(Number);
          if (row >= area.top && row <= area.bottom && column >= area.left && column <= area.right)
            return true;
        }
        return false;
      }
      for (let row = area.top; row <= area.bottom; row++)
        for (let column = area.left; column <= area.right; column++)
          if (cells.has(`${row},${column}`)) return true;
      return false;
    });
  });
}
