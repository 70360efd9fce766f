import { formatDate, isoWeek, localToday, rollForward } from "../../src/taskpane/model/dates";
import { qty, periodWithDate } from "../../src/taskpane/model/format";
import { parseLayoutMapping } from "../../src/layout/mappingInput";
import {
  mappingLines,
  parseSelection,
  selectionProblem,
  withSelection,
} from "../../src/taskpane/model/mapping";
import { themeOf } from "../../src/taskpane/theme";
import { stringsFor } from "../../src/taskpane/strings";

describe("dates as planners read them", () => {
  test("ISO weeks, English and Chinese", () => {
    expect(isoWeek("2026-12-07")).toBe(50);
    expect(isoWeek("2027-01-01")).toBe(53);
    expect(isoWeek("2026-11-30")).toBe(49);
    expect(formatDate("2026-11-30", "zh-CN")).toBe("2026年11月30日（第49周）");
    expect(formatDate("2026-11-30", "en")).toBe("30 Nov 2026 (wk 49)");
    expect(formatDate("2026-11-30", "en", false)).toBe("30 Nov 2026");
    expect(periodWithDate("W1", "2026-11-30", "zh-CN")).toBe("W1 · 2026年11月30日（第49周）");
    expect(periodWithDate("W1", null, "en")).toBe("W1");
  });

  test("today is the planner's local date, not UTC's", () => {
    expect(localToday(new Date(2026, 11, 1, 23, 30))).toBe("2026-12-01");
  });

  test("rolling a stale start forward keeps the weekday and lands in the week holding today", () => {
    expect(rollForward("2026-11-30", "2026-12-10")).toBe("2026-12-07");
    expect(rollForward("2026-11-30", "2026-12-03")).toBe("2026-11-30");
  });

  test("quantities grouped, at most three decimals", () => {
    expect(qty(1234.5678, "en")).toBe("1,234.568");
    expect(qty(-6, "zh-CN")).toBe("-6");
  });
});

describe("the mapping the pane saves is the reader's plain data", () => {
  test("rows of figures by row number, single values by cell", () => {
    let m = withSelection(null, "orders", "MPS!B5:I5");
    m = withSelection(m, "supply", "MPS!A6:A7");
    m = withSelection(m, "onHand", "MPS!$B$2");
    m = withSelection(m, "item", "'Weekly plan'!C1");
    expect(m).toEqual({
      sheets: {
        MPS: { rows: { 5: "orders", 6: "mps", 7: "mps" }, cells: { B2: "onHand" } },
        "Weekly plan": { rows: {}, cells: { C1: "item" } },
      },
    });
    expect(mappingLines(m)).toEqual([
      { sheet: "MPS", where: "5:5", role: "orders" },
      { sheet: "MPS", where: "6:6", role: "mps" },
      { sheet: "MPS", where: "7:7", role: "mps" },
      { sheet: "MPS", where: "B2", role: "onHand" },
      { sheet: "Weekly plan", where: "C1", role: "item" },
    ]);
  });

  test("the period header as its range; with periods down a column, figures by column letter", () => {
    let m = withSelection(null, "periods", "Plan!$A$5:$A$16");
    expect(m).toEqual({ sheets: { Plan: { periods: "A5:A16" } } });
    m = withSelection(m, "orders", "Plan!C4:C16");
    m = withSelection(m, "supply", "Plan!D4:E4");
    expect(m?.sheets?.Plan).toEqual({
      periods: "A5:A16",
      rows: {},
      cells: {},
      columns: { C: "orders", D: "mps", E: "mps" },
    });
    // What the pane saves is what `--mapping` takes.
    expect(parseLayoutMapping(JSON.parse(JSON.stringify(m)))).toEqual(m);
    expect(selectionProblem("periods", "Plan!B3:E4")).toBe("not-a-header");
    expect(selectionProblem("periods", "Plan!B3")).toBe("not-a-header");
    expect(withSelection(null, "periods", "Plan!B3:E4")).toBeNull();
    expect(selectionProblem("orders", "Plan!B3:E4")).toBeNull();
    expect(selectionProblem("periods", "B3:E3")).toBe("not-one-sheet");
  });

  test("a selection that is not one area on a named sheet is refused", () => {
    expect(parseSelection("B5:I5")).toBeNull();
    expect(parseSelection("MPS!B5:I5,MPS!B7")).toBeNull();
    expect(withSelection(null, "orders", "=cmd|' /C calc'!A0")).toBeNull();
  });
});

describe("the theme follows Office", () => {
  test("light, dark from Office's body colour, high contrast from forced colours", () => {
    expect(themeOf(undefined)).toBe("light");
    expect(themeOf({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
    expect(themeOf({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(themeOf({ bodyBackgroundColor: "#E6E6E6", isDarkTheme: true })).toBe("dark");
    expect(themeOf({ bodyBackgroundColor: "#FFFFFF" }, true)).toBe("contrast");
  });
});

describe("every string in both languages", () => {
  function shape(v: unknown): unknown {
    if (typeof v === "function") return "fn";
    if (Array.isArray(v)) return v.map(shape);
    if (v && typeof v === "object")
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, shape((v as Record<string, unknown>)[k])])
      );
    return typeof v;
  }
  test("English and Chinese hold the same keys, and Chinese is not English", () => {
    const en = stringsFor("en");
    const zh = stringsFor("zh-CN");
    expect(shape(zh)).toEqual(shape(en));
    const same: string[] = [];
    const walk = (a: unknown, b: unknown, at: string) => {
      if (at.endsWith(".code")) return; // status codes are fixed English words, never translated
      if (typeof a === "string" && a === b && /[a-z]{3}/.test(a) && !/PAB|=|W1/.test(a))
        same.push(at);
      else if (a && typeof a === "object")
        for (const k of Object.keys(a))
          walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
    };
    walk(en, zh, "");
    expect(same).toEqual([]);
  });
});
