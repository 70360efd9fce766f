import { ConditionalRule, RULE_MARKER, WritePlan } from "../annotate";
import { columnName, parseRange } from "../layout";
import { shiftFormula } from "../layout/formulaRefs";

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const REF = /(^|[^A-Za-z0-9_.$])\$?[A-Z]{1,3}(\d+)(?![A-Za-z0-9_(])/g;

/** Rows a rule formula reads, as offsets from its anchor row (relative row references only). */
function rowOffsets(formula: string, anchorRow: number): number[] {
  const out = new Set<number>();
  for (const part of formula.split(/"(?:[^"]|"")*"/)) {
    for (const m of part.matchAll(REF)) {
      if (m[0].includes(`$${m[2]}`)) continue;
      out.add(Number(m[2]) - 1 - anchorRow);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * Fewer, larger rules for the open workbook. A rule over thousands of item rows needs one range per
 * row, and Excel refuses long range lists (office-js #5198), so it would be added in dozens of
 * pieces. Where every row of a rule has our own label in a row the formula reads (the PAB row), the
 * rule becomes one rule over the band of rows, with a term that tests that label: it holds in exactly
 * the rows the plan colours, so no other row is coloured. Where that cannot be shown from the plan's
 * own writes, the rule is kept as it is.
 */
export function bandRules(plan: WritePlan): ConditionalRule[] {
  // Our labels per sheet and row: text we write left of the rule's columns.
  const labels = new Map<string, Map<number, { column: number; text: string }>>();
  for (const w of plan.writes) {
    if (w.text === undefined) continue;
    let rows = labels.get(w.sheet);
    if (!rows) labels.set(w.sheet, (rows = new Map()));
    const had = rows.get(w.row);
    if (!had || w.column < had.column) rows.set(w.row, { column: w.column, text: w.text });
  }
  const out: ConditionalRule[] = [];
  for (const rule of plan.rules) {
    const boxes = rule.ranges.map(parseRange);
    const anchor = boxes[0];
    const rows = labels.get(rule.sheet);
    const spans = new Map<string, Box[]>();
    for (const b of boxes) {
      const key = `${b.left},${b.right}`;
      const list = spans.get(key);
      if (list) list.push(b);
      else spans.set(key, [b]);
    }
    const single = boxes.every((b) => b.top === b.bottom);
    // The row holding our label, the same label in the same column, for every range of the rule.
    const offset = rows
      ? rowOffsets(rule.formula, anchor.top).find((d) => {
          const first = rows.get(anchor.top + d);
          return (
            first &&
            first.column < anchor.left &&
            boxes.every((b) => {
              const l = rows.get(b.top + d);
              return l && l.column === first.column && l.text === first.text;
            })
          );
        })
      : undefined;
    if (!rows || !single || offset === undefined || boxes.length < 2) {
      out.push(rule);
      continue;
    }
    const label = rows.get(anchor.top + offset)!;
    const bands: Box[] = [];
    for (const list of spans.values()) {
      const members = new Set(list.map((b) => b.top));
      let band: Box | null = null;
      for (const b of list.slice().sort((x, y) => x.top - y.top)) {
        if (band) {
          // A row between the band and this one whose label row holds our label is another item's
          // row this rule does not colour: the band stops before it.
          let clear = true;
          for (let r = band.bottom + 1; r < b.top && clear; r++) {
            const l = rows.get(r + offset);
            if (!members.has(r) && l && l.column === label.column && l.text === label.text)
              clear = false;
          }
          if (clear) {
            band.bottom = b.top;
            continue;
          }
          bands.push(band);
        }
        band = { ...b };
      }
      if (band) bands.push(band);
    }
    bands.sort((a, b) => a.top - b.top || a.left - b.left);
    const first = bands[0];
    const test = `$${columnName(label.column)}${first.top + offset + 1}="${label.text.replace(/"/g, '""')}"`;
    const formula = shiftFormula(rule.formula, first.top - anchor.top, first.left - anchor.left);
    out.push({
      sheet: rule.sheet,
      kind: rule.kind,
      formula: formula.replace(RULE_MARKER, `${RULE_MARKER},${test}`),
      ranges: bands.map(
        (b) => `${columnName(b.left)}${b.top + 1}:${columnName(b.right)}${b.bottom + 1}`
      ),
    });
  }
  return out;
}
