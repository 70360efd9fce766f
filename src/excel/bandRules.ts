import { ConditionalRule, RULE_MARKER, WritePlan } from "../annotate";
import { columnName, parseRange } from "../layout";
import { shiftFormula } from "../layout/formulaRefs";
import { ruleChunks } from "./rangeAreas";

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Our label: text we write in a row, in a column left of the rule's. */
interface Label {
  column: number;
  text: string;
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
 * Where the rule's label sits: a row the formula reads (offset from each range's row) and a column
 * left of the rule holding text of ours in every range's row. Of the places that qualify, the one
 * with the fewest different texts (the PAB Watch sheet's sheet-name column, not its item column).
 */
function labelPlace(
  rows: Map<number, Map<number, string>>,
  boxes: Box[],
  formula: string
): { offset: number; column: number; texts: number } | null {
  const anchor = boxes[0];
  let best: { offset: number; column: number; texts: number } | null = null;
  for (const offset of rowOffsets(formula, anchor.top)) {
    const first = rows.get(anchor.top + offset);
    if (!first) continue;
    for (const column of [...first.keys()].sort((a, b) => a - b)) {
      if (column >= anchor.left) continue;
      const texts = new Set<string>();
      const every = boxes.every((b) => {
        const t = rows.get(b.top + offset)?.get(column);
        if (t !== undefined) texts.add(t);
        return t !== undefined;
      });
      if (every && (!best || texts.size < best.texts)) best = { offset, column, texts: texts.size };
    }
  }
  return best;
}

/**
 * The ranges of one label's rows as bands: ranges of the same columns in consecutive rows join,
 * unless a row between them holds the same label but is not one of the rule's (another item's row
 * this rule does not colour): the band stops before it.
 */
function bandsOf(
  boxes: Box[],
  rows: Map<number, Map<number, string>>,
  offset: number,
  label: Label
): Box[] {
  const spans = new Map<string, Box[]>();
  for (const b of boxes) {
    const key = `${b.left},${b.right}`;
    const list = spans.get(key);
    if (list) list.push(b);
    else spans.set(key, [b]);
  }
  const bands: Box[] = [];
  for (const list of spans.values()) {
    const members = new Set(list.map((b) => b.top));
    let band: Box | null = null;
    for (const b of list.slice().sort((x, y) => x.top - y.top)) {
      if (band) {
        let clear = true;
        for (let r = band.bottom + 1; r < b.top && clear; r++)
          if (!members.has(r) && rows.get(r + offset)?.get(label.column) === label.text)
            clear = false;
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
  return bands.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Rules the open workbook gets for these: one per list of ranges Office.js takes at once. */
function rulesAdded(rules: ConditionalRule[]): number {
  return rules.reduce((n, r) => n + ruleChunks(r.ranges).length, 0);
}

/**
 * Fewer, larger rules for the open workbook. A rule over thousands of item rows needs one range per
 * row, and Excel refuses long range lists (office-js #5198), so it would be added in dozens of
 * pieces. Where every row of a rule has text of ours in a row the formula reads (the PAB row's
 * label on the planner's sheet; the sheet's name beside each item on the PAB Watch sheet), the rule
 * becomes one rule per label over the bands of rows, with a term that tests that label: it holds in
 * exactly the rows the plan colours, so no other row is coloured. Where that cannot be shown from the
 * plan's own writes, or it would give more rules, the rule is kept as it is.
 */
export function bandRules(plan: WritePlan): ConditionalRule[] {
  // Our text per sheet, row and column.
  const labels = new Map<string, Map<number, Map<number, string>>>();
  for (const w of plan.writes) {
    if (w.text === undefined) continue;
    let rows = labels.get(w.sheet);
    if (!rows) labels.set(w.sheet, (rows = new Map()));
    let row = rows.get(w.row);
    if (!row) rows.set(w.row, (row = new Map()));
    row.set(w.column, w.text);
  }
  const out: ConditionalRule[] = [];
  for (const rule of plan.rules) {
    const boxes = rule.ranges.map(parseRange);
    const anchor = boxes[0];
    const rows = labels.get(rule.sheet);
    const single = boxes.every((b) => b.top === b.bottom);
    const place = rows && single && boxes.length > 1 ? labelPlace(rows, boxes, rule.formula) : null;
    if (!rows || !place) {
      out.push(rule);
      continue;
    }
    // The rows of each label, in the order the labels first come.
    const groups = new Map<string, Box[]>();
    for (const b of boxes) {
      const text = rows.get(b.top + place.offset)!.get(place.column)!;
      const list = groups.get(text);
      if (list) list.push(b);
      else groups.set(text, [b]);
    }
    // Excel refuses a text constant of over 255 characters in a formula.
    if ([...groups.keys()].some((text) => text.length > 255)) {
      out.push(rule);
      continue;
    }
    const merged: ConditionalRule[] = [];
    for (const [text, members] of groups) {
      const bands = bandsOf(members, rows, place.offset, { column: place.column, text });
      const first = bands[0];
      const test = `$${columnName(place.column)}${first.top + place.offset + 1}="${text.replace(/"/g, '""')}"`;
      const formula = shiftFormula(rule.formula, first.top - anchor.top, first.left - anchor.left);
      merged.push({
        sheet: rule.sheet,
        kind: rule.kind,
        // A function, not a string: "$&" or "$$" in a sheet name are not replacement patterns.
        formula: formula.replace(RULE_MARKER, () => `${RULE_MARKER},${test}`),
        ranges: bands.map(
          (b) => `${columnName(b.left)}${b.top + 1}:${columnName(b.right)}${b.bottom + 1}`
        ),
      });
    }
    // More labels than one can mean more rules (a rule per label): kept as it is then, unless the
    // bands give as few rules and fewer ranges.
    const rules = rulesAdded(merged) - rulesAdded([rule]);
    const ranges = merged.reduce((n, m) => n + m.ranges.length, 0) - rule.ranges.length;
    if (rules > 0 || (rules === 0 && ranges >= 0)) out.push(rule);
    else for (const m of merged) out.push(m);
  }
  return out;
}
