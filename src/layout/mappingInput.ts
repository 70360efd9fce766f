import { a1, columnIndex, columnName, parseA1, parseRange } from "./address";
import { LayoutMapping } from "./context";
import { Role, SERIES_ROLES } from "./labels";
import { WorkbookSnapshot, bottomRow, cellAt, rightColumn } from "./snapshot";

type SheetMapping = NonNullable<LayoutMapping["sheets"]>[string];

/**
 * A mapping entry that cannot be used; `entry` is its path in the file (sheets.MPS.rows.7). The
 * problem is said in English (`message`) and in Chinese (`zh`), for `--lang zh-CN`.
 */
export class MappingError extends Error {
  readonly zh: string;
  constructor(
    readonly entry: string,
    problem: string,
    problemZh: string
  ) {
    super(`${entry}: ${problem}`);
    this.zh = `${entry}：${problemZh}`;
    this.name = "MappingError";
  }
}

/** Roles a whole row can be given: the figures per period. */
const ROW_ROLES: readonly (Role | "ignore")[] = [...SERIES_ROLES, "ignore"];
/** Roles one cell can be given: the figures and names read as label/value pairs. */
const CELL_ROLES: readonly Role[] = ["item", "site", "onHand", "safetyStock", "pastDue"];
const MAX_ROW = 1_048_576;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const quote = (key: string) => (/^[\w.-]+$/.test(key) ? key : JSON.stringify(key));

function objectAt(v: unknown, entry: string): Record<string, unknown> {
  if (!isObject(v))
    throw new MappingError(entry, "must be an object ({ … })", "必须是对象（{ … }）");
  return v;
}

function roleAt<T extends string>(v: unknown, entry: string, allowed: readonly T[]): T {
  if (typeof v !== "string" || !allowed.includes(v as T))
    throw new MappingError(
      entry,
      `${JSON.stringify(v)} is not one of ${allowed.join(", ")}`,
      `${JSON.stringify(v)} 不是以下用途之一：${allowed.join(", ")}`
    );
  return v as T;
}

/** Each field of a sheet's mapping with its check; a field added to LayoutMapping needs one here. */
const SHEET_FIELDS: {
  [K in keyof Required<SheetMapping>]: (v: unknown, entry: string) => SheetMapping[K];
} = {
  rows: (v, entry) => {
    const rows: Record<number, Role | "ignore"> = {};
    for (const [key, role] of Object.entries(objectAt(v, entry))) {
      const at = `${entry}.${quote(key)}`;
      const row = Number(key);
      if (!/^\d+$/.test(key) || row < 1 || row > MAX_ROW)
        throw new MappingError(
          at,
          "a row is its number as Excel shows it (1, 2, 3 …)",
          "行须写成 Excel 显示的行号（1、2、3 …）"
        );
      rows[row] = roleAt(role, at, ROW_ROLES);
    }
    return rows;
  },
  columns: (v, entry) => {
    const columns: Record<string, Role | "ignore"> = {};
    for (const [key, role] of Object.entries(objectAt(v, entry))) {
      const at = `${entry}.${quote(key)}`;
      if (!/^[A-Za-z]{1,3}$/.test(key) || columnIndex(key) > 16383)
        throw new MappingError(
          at,
          "a column is its letter as Excel shows it (A, B, … XFD)",
          "列须写成 Excel 显示的列字母（A、B … XFD）"
        );
      columns[key.toUpperCase()] = roleAt(role, at, ROW_ROLES);
    }
    return columns;
  },
  cells: (v, entry) => {
    const cells: Record<string, Role> = {};
    for (const [key, role] of Object.entries(objectAt(v, entry))) {
      const at = `${entry}.${quote(key)}`;
      if (!/^[A-Za-z]{1,3}[1-9]\d*$/.test(key) || parseA1(key).column > 16383)
        throw new MappingError(
          at,
          "a cell is its A1 address (B2, D5 …)",
          "单元格须写成 A1 地址（B2、D5 …）"
        );
      cells[key.toUpperCase()] = roleAt(role, at, CELL_ROLES);
    }
    return cells;
  },
  periods: (v, entry) => {
    const m =
      typeof v === "string"
        ? /^[A-Za-z]{1,3}[1-9]\d*(:[A-Za-z]{1,3}[1-9]\d*)?$/.exec(v.trim())
        : null;
    const said = JSON.stringify(v);
    if (!m)
      throw new MappingError(
        entry,
        `${said} is not a period header: give its cells in one row or one column ("B3:I3", "A5:A16")`,
        `${said} 不是期间表头：请写出同一行或同一列的单元格区域（"B3:I3"、"A5:A16"）`
      );
    const range = parseRange(m[0].toUpperCase());
    if (range.right > 16383 || range.bottom >= MAX_ROW)
      throw new MappingError(
        entry,
        `${said} is outside a sheet (A1 … XFD1048576)`,
        `${said} 超出了工作表范围（A1 … XFD1048576）`
      );
    if (range.top !== range.bottom && range.left !== range.right)
      throw new MappingError(
        entry,
        `${said} covers several rows and columns; the period header is one row or one column`,
        `${said} 跨越多行多列；期间表头只能是一行或一列`
      );
    if (range.top === range.bottom && range.left === range.right)
      throw new MappingError(
        entry,
        `${said} is one cell; the period header needs a cell per period`,
        `${said} 只有一个单元格；期间表头须每期一个单元格`
      );
    return `${a1(range.top, range.left)}:${a1(range.bottom, range.right)}`;
  },
};

/**
 * A mapping read from a file (plain JSON data) checked field by field into a LayoutMapping:
 * `{ "sheets": { "MPS": { "rows": { "7": "orders", "9": "ignore" }, "cells": { "B2": "onHand" } } } }`;
 * `columns` ({ "D": "orders" }) does the same for tables whose series run down the sheet;
 * `periods` ("B3:I3", or "A5:A16" down a column) names the period header.
 * Throws MappingError naming the first entry that is wrong.
 */
export function parseLayoutMapping(data: unknown): LayoutMapping {
  const top = objectAt(data, "the mapping");
  const sheets: NonNullable<LayoutMapping["sheets"]> = {};
  for (const key of Object.keys(top)) {
    if (key !== "sheets")
      throw new MappingError(
        quote(key),
        'unknown entry (the mapping holds "sheets")',
        '未知条目（映射只包含 "sheets"）'
      );
  }
  for (const [name, value] of Object.entries(objectAt(top.sheets ?? {}, "sheets"))) {
    const entry = `sheets.${quote(name)}`;
    const fields = objectAt(value, entry);
    const sheet: SheetMapping = {};
    for (const [field, v] of Object.entries(fields)) {
      const check = SHEET_FIELDS[field as keyof SheetMapping];
      if (!check)
        throw new MappingError(
          `${entry}.${quote(field)}`,
          `unknown entry (a sheet's mapping holds ${Object.keys(SHEET_FIELDS).join(", ")})`,
          `未知条目（工作表的映射可包含 ${Object.keys(SHEET_FIELDS).join(", ")}）`
        );
      (sheet as Record<string, unknown>)[field] = check(v, `${entry}.${field}`);
    }
    sheets[name] = sheet;
  }
  return { sheets };
}

/**
 * A mapping checked against the workbook it is for: every sheet it names exists, every row it
 * maps is within the sheet, every cell it maps holds something. Throws MappingError.
 */
export function checkMappingFits(mapping: LayoutMapping, workbook: WorkbookSnapshot): void {
  for (const [name, sheetMapping] of Object.entries(mapping.sheets ?? {})) {
    const entry = `sheets.${quote(name)}`;
    const sheet = workbook.sheets.find((s) => s.name === name);
    if (!sheet)
      throw new MappingError(
        entry,
        `there is no sheet "${name}" (sheets: ${workbook.sheets.map((s) => s.name).join(", ")})`,
        `没有名为“${name}”的工作表（工作表：${workbook.sheets.map((s) => s.name).join("、")}）`
      );
    const last = bottomRow(sheet) + 1;
    for (const key of Object.keys(sheetMapping.rows ?? {})) {
      if (Number(key) > last)
        throw new MappingError(
          `${entry}.rows.${key}`,
          `row ${key} is below the last row of ${name} (${last})`,
          `第 ${key} 行在“${name}”的最后一行（第 ${last} 行）之下`
        );
    }
    const right = rightColumn(sheet);
    for (const key of Object.keys(sheetMapping.columns ?? {})) {
      if (columnIndex(key) > right)
        throw new MappingError(
          `${entry}.columns.${key}`,
          `column ${key} is right of the last column of ${name} (${columnName(right)})`,
          `${key} 列在“${name}”的最后一列（${columnName(right)} 列）右侧`
        );
    }
    if (sheetMapping.periods) {
      const r = parseRange(sheetMapping.periods);
      if (r.bottom + 1 > last)
        throw new MappingError(
          `${entry}.periods`,
          `row ${r.bottom + 1} is below the last row of ${name} (${last})`,
          `第 ${r.bottom + 1} 行在“${name}”的最后一行（第 ${last} 行）之下`
        );
      if (r.right > right)
        throw new MappingError(
          `${entry}.periods`,
          `column ${columnName(r.right)} is right of the last column of ${name} (${columnName(right)})`,
          `${columnName(r.right)} 列在“${name}”的最后一列（${columnName(right)} 列）右侧`
        );
    }
    for (const address of Object.keys(sheetMapping.cells ?? {})) {
      const { row, column } = parseA1(address);
      const v = cellAt(sheet, row, column);
      if (v === "" || (typeof v === "string" && !v.trim()))
        throw new MappingError(
          `${entry}.cells.${address}`,
          `${name}!${address} is empty`,
          `${name}!${address} 是空单元格`
        );
    }
  }
}
