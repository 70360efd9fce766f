import { SheetContext } from "./context";
import { Role, roleOf } from "./labels";

/** A header row of a table: which column holds which role (first occurrence), and repeated roles. */
export interface TableHeader {
  row: number;
  columns: Partial<Record<Role, number>>;
  repeated: Partial<Record<Role, number[]>>;
}

export function tableHeaderAt(ctx: SheetContext, row: number): TableHeader | null {
  const cells = ctx.sheet.values[row - ctx.sheet.top];
  if (!cells) return null;
  let columns: Partial<Record<Role, number>> | null = null;
  let repeated: Partial<Record<Role, number[]>> | null = null;
  // Most rows name one role at most (a row label): the first is kept aside until a second comes.
  let firstRole: Role | null = null;
  let firstColumn = -1;
  const left = ctx.sheet.left;
  for (let c = left; c <= ctx.right; c++) {
    const v = cells[c - left];
    // Only text can name a role (the same as roleOf(ctx.text(row, c)), without a call per figure).
    if (typeof v !== "string" || v === "") continue;
    const role = roleOf(v.trim());
    if (!role) continue;
    if (firstRole === null) {
      firstRole = role;
      firstColumn = c;
      continue;
    }
    columns ??= { [firstRole]: firstColumn };
    if (columns[role] === undefined) columns[role] = c;
    else ((repeated ??= {})[role] ??= [columns[role] as number]).push(c);
  }
  return columns ? { row, columns, repeated: repeated ?? {} } : null;
}

/** The value of an item or site cell as text: codes are often numbers (100234). */
export function keyText(ctx: SheetContext, row: number, column: number | undefined): string {
  if (column === undefined) return "";
  const v = ctx.value(row, column);
  return typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
}
