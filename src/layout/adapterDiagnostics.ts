import { parseA1 } from "./address";
import { Diagnostic } from "./diagnostics";
import { PlanRecord } from "./record";

const LISTED_PER_SHEET = 10;

/** Every cell a record was read from: its item, periods, figures and rows. */
function cellsOf(r: PlanRecord): string[] {
  const cells: string[] = [...r.periodCells];
  if (r.itemCell) cells.push(r.itemCell);
  for (const f of [r.opening, r.safetyStock, r.pastDue]) if (f) cells.push(f.cell);
  for (const row of [r.orders, r.forecast, ...r.supply, r.plannerPab?.row ?? null]) {
    if (row) cells.push(row.labelCell, ...row.cells);
  }
  return cells;
}

interface Box {
  record: PlanRecord;
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const split = (cell: string) => {
  const bang = cell.lastIndexOf("!");
  return { sheet: cell.slice(0, bang), ...parseA1(cell.slice(bang + 1)) };
};

/** The rectangle a record was read from (its item and figures included). */
function boxOf(record: PlanRecord, cells: string[]): Box | null {
  if (!cells.length) return null;
  const first = split(cells[0]);
  const box: Box = {
    record,
    sheet: first.sheet,
    top: first.row,
    left: first.column,
    bottom: first.row,
    right: first.column,
  };
  for (const c of cells) {
    const { row, column } = split(c);
    box.top = Math.min(box.top, row);
    box.bottom = Math.max(box.bottom, row);
    box.left = Math.min(box.left, column);
    box.right = Math.max(box.right, column);
  }
  return box;
}

/** A cell inside a plan's rectangle but not read (an on-hand that had no value): that plan's. */
function within(boxes: Box[], cell: string): PlanRecord | undefined {
  const { sheet, row, column } = split(cell);
  let best: Box | undefined;
  const area = (b: Box) => (b.bottom - b.top + 1) * (b.right - b.left + 1);
  for (const b of boxes) {
    if (b.sheet !== sheet || row < b.top || row > b.bottom || column < b.left || column > b.right)
      continue;
    if (!best || area(b) < area(best)) best = b;
  }
  return best?.record;
}

/**
 * Cell diagnostics from the adapter (a formula it could not calculate) placed against the items
 * read from those cells: the item is named and flagged. One outside every plan read stays a
 * warning (it may be why a plan was not found); past ten on a sheet they are counted in one line.
 */
export function attributeAdapterDiagnostics(
  records: PlanRecord[],
  diagnostics: Diagnostic[]
): Diagnostic[] {
  if (!diagnostics.some((d) => d.severity === "error" && d.cell)) return diagnostics;
  const owner = new Map<string, PlanRecord>();
  const boxes: Box[] = [];
  for (const r of records) {
    const cells = cellsOf(r);
    for (const c of cells) if (!owner.has(c)) owner.set(c, r);
    const box = boxOf(r, cells);
    if (box) boxes.push(box);
  }
  const out: Diagnostic[] = [];
  const outside = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const r = d.cell ? (owner.get(d.cell) ?? within(boxes, d.cell)) : undefined;
    if (r) {
      out.push({ ...d, item: r.item });
      if (d.severity === "error") r.flagged = true;
    } else if (d.severity === "error" && d.cell) {
      const key = `${d.code}\u0000${d.cell.slice(0, d.cell.lastIndexOf("!"))}`;
      const list = outside.get(key) ?? [];
      list.push(d);
      outside.set(key, list);
    } else out.push(d);
  }
  for (const list of outside.values()) {
    for (const d of list.slice(0, LISTED_PER_SHEET))
      out.push({ ...d, severity: "warning", message: `${d.message} (outside the plans read)` });
    const rest = list.length - LISTED_PER_SHEET;
    if (rest > 0) {
      const sheet = list[0].cell?.slice(0, list[0].cell.lastIndexOf("!"));
      out.push({
        severity: "warning",
        code: list[0].code,
        cell: list[LISTED_PER_SHEET].cell,
        item: null,
        message: `${rest} more cell${rest === 1 ? "" : "s"} like these on ${sheet}, from ${list[LISTED_PER_SHEET].cell} (outside the plans read)`,
      });
    }
  }
  return out;
}
