import { readPlans } from "../../src/layout";
import { problemZh } from "../../src/layout/diagnosticsZh";
import { readXlsxSnapshot } from "../../src/xlsx";
import { TestCell, buildXlsx } from "../support/xlsxBuilder";

/** The Chinese of the reader's "no plan found" for a sheet of these rows. */
function noPlanZh(rows: TestCell[][], name = "Plan"): string {
  const { diagnostics } = readPlans(readXlsxSnapshot(buildXlsx([{ name, rows }]), "x.xlsx"));
  const d = diagnostics.find((x) => x.code === "no-plan-found");
  if (!d) throw new Error("a plan was found");
  return problemZh(d);
}

describe("what the reader saw in a sheet without a plan, in Chinese", () => {
  test("periods with no plan label under them, and no on hand", () => {
    const zh = noPlanZh([
      [null, "W1", "W2", "W3"],
      ["Bedarf", 1, 2, 3],
    ]);
    expect(zh).toBe(
      "没有找到计划：PAB Watch 查找期次表头（W1、Week 1、第1周、日期、月份，或下方有计划行的 1 2 3）以及带标签的行（如客户订单、MPS）。" +
        "Plan 第 1 行有期次 W1, W2, W3，但下方没有带计划标签的行（客户订单、MPS、毛需求 …）。" +
        "Plan：没有 PAB Watch 认识的行标签（如客户订单、MPS、毛需求）。" +
        "Plan：没有找到现有库存。"
    );
  });

  test("plan labels without periods; a sheet name with spaces", () => {
    const zh = noPlanZh(
      [
        ["On hand", 5],
        [null, "Sprint A", "Sprint B"],
        ["Customer orders", 1, 2],
        ["MPS", 0, 4],
      ],
      "Weekly plan"
    );
    expect(zh).toContain("Weekly plan 第 1, 3–4 行：On hand, Customer orders, MPS。");
    expect(zh).not.toMatch(/\b(holds|rows?|no on-hand|found)\b/);
  });

  test("a missing sheet", () => {
    const { diagnostics } = readPlans(
      readXlsxSnapshot(buildXlsx([{ name: "MPS", rows: [["x"]] }]), "x.xlsx"),
      { sheets: ["Plan 2"] }
    );
    expect(diagnostics.map(problemZh)).toContain("没有名为“Plan 2”的工作表");
  });
});
