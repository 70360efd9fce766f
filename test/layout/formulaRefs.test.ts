import fc from "fast-check";
import { columnIndex, columnName } from "../../src/layout/address";
import { insertRowsInFormula, relativeForm, shiftFormula } from "../../src/layout/formulaRefs";

/** The reference mapper as it was first written (regular expressions): the oracle for the one-pass scanner. */
const REF = /(^|[^A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;
function mapRefsByRegex(
  formula: string,
  f: (column: number, row: number, colAbs: string, rowAbs: string) => string
): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            REF,
            (_m, pre: string, colAbs: string, col: string, rowAbs: string, row: string) =>
              `${pre}${f(columnIndex(col), Number(row) - 1, colAbs, rowAbs)}`
          )
    )
    .join("");
}

const oracle = {
  shift: (formula: string, rows: number, columns: number) =>
    !rows && !columns
      ? formula
      : mapRefsByRegex(
          formula,
          (c, r, colAbs, rowAbs) =>
            `${colAbs}${columnName(colAbs ? c : c + columns)}${rowAbs}${rowAbs ? r + 1 : r + rows + 1}`
        ),
  relative: (formula: string, row: number, column: number) =>
    mapRefsByRegex(formula, (c, r) => `R[${r - row}]C[${c - column}]`),
  insert: (formula: string, at: number, count: number) =>
    mapRefsByRegex(
      formula,
      (c, r, colAbs, rowAbs) =>
        `${colAbs}${columnName(c)}${rowAbs}${r >= at ? r + count + 1 : r + 1}`
    ),
};

/** Formulas made of the characters that matter around references: letters, digits, $, quotes, dots, brackets. */
const formula = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "A",
        "B",
        "Z",
        "AB",
        "XFD",
        "ABCD",
        "a",
        "x",
        "1",
        "7",
        "42",
        "0",
        "$",
        '"',
        '""',
        ".",
        "_",
        "(",
        ")",
        ":",
        "!",
        "'",
        " ",
        "+",
        "-",
        ",",
        "&",
        "SUM(",
        "LOG10(",
        "Sheet1!",
        "'My sheet'!"
      ),
      fc.stringMatching(/^\$?[A-Z]{1,3}\$?[0-9]{1,7}$/)
    ),
    { maxLength: 24 }
  )
  .map((parts) => parts.join(""));

describe("cell references in formulas: one pass gives what the regular expressions gave", () => {
  test("shifting a shared formula", () => {
    fc.assert(
      fc.property(
        formula,
        fc.integer({ min: -5, max: 40 }),
        fc.integer({ min: -3, max: 30 }),
        (f, r, c) => {
          expect(shiftFormula(f, r, c)).toBe(oracle.shift(f, r, c));
        }
      ),
      { numRuns: 3000 }
    );
  });

  test("references relative to a cell", () => {
    fc.assert(
      fc.property(formula, fc.nat(100), fc.nat(60), (f, r, c) => {
        expect(relativeForm(f, r, c)).toBe(oracle.relative(f, r, c));
      }),
      { numRuns: 3000 }
    );
  });

  test("rows inserted", () => {
    fc.assert(
      fc.property(formula, fc.nat(50), fc.integer({ min: 1, max: 9 }), (f, at, n) => {
        expect(insertRowsInFormula(f, at, n)).toBe(oracle.insert(f, at, n));
      }),
      { numRuns: 3000 }
    );
  });

  test.each([
    ['IF(A1="B2",LOG10(A1),Sheet2!A1)', 'IF(R[0]C[0]="B2",LOG10(R[0]C[0]),Sheet2!R[0]C[0])'],
    ['"unclosed A1', '"unclosed R[0]C[0]'],
    ['"a""b"&C3&"x""', '"a""b"&R[2]C[2]&"x""'],
    ["ABCD1+A1.B2+_A1+A1(", "ABCD1+R[0]C[0].B2+_A1+A1("],
    ["$$A1+A$$1", "$R[0]C[0]+A$$1"],
  ])("%s", (f, expected) => {
    expect(relativeForm(f, 0, 0)).toBe(expected);
    expect(relativeForm(f, 0, 0)).toBe(oracle.relative(f, 0, 0));
  });
});
