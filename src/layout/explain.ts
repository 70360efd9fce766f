import { SheetContext } from "./context";
import { HeaderRun } from "./headerRuns";
import { PLAN_ROLES, roleOf } from "./labels";
import { rowLabel } from "./rowLabels";

/** Rows 5, 6, 7, 9 → "rows 5–7, 9". */
function rowList(rows: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    parts.push(j > i ? `${rows[i]}–${rows[j]}` : `${rows[i]}`);
    i = j + 1;
  }
  return `${rows.length > 1 ? "rows" : "row"} ${parts.join(", ")}`;
}

/** A row of bare whole numbers counting up (21 22 23 …) that was not read as periods. */
function numberRows(ctx: SheetContext): { row: number; column: number; values: number[] }[] {
  const out: { row: number; column: number; values: number[] }[] = [];
  for (let r = ctx.sheet.top; r <= ctx.bottom && out.length < 3; r++) {
    let start = -1;
    let values: number[] = [];
    for (let c = ctx.sheet.left; c <= ctx.right + 1; c++) {
      const v = c <= ctx.right ? ctx.value(r, c) : "";
      if (
        typeof v === "number" &&
        Number.isInteger(v) &&
        v > 0 &&
        (!values.length || v > values[values.length - 1])
      ) {
        if (start < 0) start = c;
        values.push(v);
        continue;
      }
      if (values.length >= 3) {
        out.push({ row: r, column: start, values });
        break;
      }
      start = typeof v === "number" && Number.isInteger(v) && v > 0 ? c : -1;
      values = start >= 0 ? [v as number] : [];
    }
  }
  return out;
}

/**
 * What a sheet without a plan holds, in a sentence or two: the header rows it has (and why bare
 * numbers were not taken as periods), the plan labels it found, whether there is an on hand.
 */
export function explainSheet(ctx: SheetContext, runs: HeaderRun[]): string[] {
  const said: string[] = [];
  const sheet = ctx.name;
  for (const run of runs.slice(0, 2)) {
    said.push(
      `${sheet} row ${run.row + 1} holds periods ${run.labels.slice(0, 5).join(", ")}${run.labels.length > 5 ? " …" : ""}, but no row below it carries a plan label (Customer orders, MPS, Gross requirements …).`
    );
  }
  if (!runs.length) {
    for (const n of numberRows(ctx)) {
      said.push(
        `${sheet} row ${n.row + 1} holds ${n.values.slice(0, 5).join(", ")}${n.values.length > 5 ? " …" : ""}: plain numbers are read as periods when rows below carry plan labels.`
      );
    }
  }
  const labelled = new Map<string, number[]>();
  const unknown: number[] = [];
  let onHand = false;
  for (let r = ctx.sheet.top; r <= ctx.bottom; r++) {
    const label = rowLabel(ctx, r, ctx.right + 1);
    if (!label) continue;
    const role = roleOf(label.text);
    if (role === "onHand") onHand = true;
    if (role && PLAN_ROLES.includes(role)) {
      const list = labelled.get(label.text) ?? [];
      list.push(r + 1);
      labelled.set(label.text, list);
    } else if (!role && label.column === ctx.sheet.left) unknown.push(r + 1);
  }
  if (labelled.size) {
    const rows = [...labelled.values()].flat().sort((a, b) => a - b);
    said.push(`${sheet} ${rowList(rows)}: ${[...labelled.keys()].slice(0, 6).join(", ")}.`);
  } else if (unknown.length) {
    said.push(
      `${sheet}: no row label PAB Watch knows (such as Customer orders, MPS, Gross requirements).`
    );
  }
  if (said.length) said.push(onHand ? "" : `${sheet}: no on-hand found.`);
  return said.filter(Boolean);
}
