import { SheetContext } from "./context";
import { Role, roleOf } from "./labels";

/**
 * A header row of a table: which column holds which role (first occurrence), and repeated roles.
 * Only the planner's cells make a row a header: a cell PAB Watch wrote never counts for that.
 */
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
  let found = 0;
  // Most rows name one role at most (a row label): the first is kept aside until a second comes.
  let firstRole: Role | null = null;
  let firstColumn = -1;
  const left = ctx.sheet.left;
  const owned = !ctx.owned.isEmpty;
  for (let c = left; c <= ctx.right; c++) {
    const v = cells[c - left];
    // Only text can name a role (the same as roleOf(ctx.text(row, c)), without a call per figure).
    if (typeof v !== "string" || v === "") continue;
    const role = roleOf(v.trim());
    if (!role) continue;
    // A header PAB Watch wrote (over its own PAB column) keeps its column in a table of the
    // planner's, but never makes a row a table header.
    if (!owned || !ctx.isOwned(row, c)) found++;
    if (firstRole === null) {
      firstRole = role;
      firstColumn = c;
      continue;
    }
    columns ??= { [firstRole]: firstColumn };
    if (columns[role] === undefined) columns[role] = c;
    else ((repeated ??= {})[role] ??= [columns[role] as number]).push(c);
  }
  return found >= 2 && columns ? { row, columns, repeated: repeated ?? {} } : null;
}

/** The value of an item or site cell as text: codes are often numbers (100234). */
export function keyText(ctx: SheetContext, row: number, column: number | undefined): string {
  if (column === undefined) return "";
  const v = ctx.value(row, column);
  return typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
}
