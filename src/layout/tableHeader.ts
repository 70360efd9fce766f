import { SheetContext } from "./context";
import { Role, roleOf } from "./labels";

/** A header row of a table: which column holds which role (first occurrence), and repeated roles. */
export interface TableHeader {
  row: number;
  columns: Partial<Record<Role, number>>;
  repeated: Partial<Record<Role, number[]>>;
}

export function tableHeaderAt(ctx: SheetContext, row: number): TableHeader | null {
  const columns: Partial<Record<Role, number>> = {};
  const repeated: Partial<Record<Role, number[]>> = {};
  let found = 0;
  for (let c = ctx.sheet.left; c <= ctx.right; c++) {
    const role = roleOf(ctx.text(row, c));
    if (!role) continue;
    found++;
    if (columns[role] === undefined) columns[role] = c;
    else (repeated[role] ??= [columns[role] as number]).push(c);
  }
  return found >= 2 ? { row, columns, repeated } : null;
}

/** The value of an item or site cell as text: codes are often numbers (100234). */
export function keyText(ctx: SheetContext, row: number, column: number | undefined): string {
  if (column === undefined) return "";
  const v = ctx.value(row, column);
  return typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
}
