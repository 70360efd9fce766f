import { parseIncident, parseIncidentText } from "../../src/incidents";
import { incidentErrorZh } from "../../src/cli/incidentErrorZh";

/** The Chinese of what parseIncident says about a file, for the file given. */
function zhOf(data: unknown): string {
  try {
    if (typeof data === "string") parseIncidentText(data);
    else parseIncident(data);
  } catch (e) {
    return incidentErrorZh((e as Error).message);
  }
  throw new Error("the incident was accepted");
}

describe("an incident file's problem in Chinese (pab-watch log and draft under --lang zh-CN)", () => {
  test.each([
    [{ id: 5 }, "id：必须是文本，而不是 5"],
    [
      { review: { detectedOn: "2026-13-01" } },
      /^review\.detectedOn：(“2026-13-01”不是|日期 2026-13-01 不存在)/,
    ],
    [{ review: { detectedOn: "2026-02-30" } }, "review.detectedOn：日期 2026-02-30 不存在"],
    [{ colour: "red" }, /^colour：未知字段（可用字段：/],
    [
      { cause: { category: "weather" } },
      /^cause\.category：必须是以下之一：man, machine, .*，而不是 "weather"$/,
    ],
    ["{ id: ", /^不是有效的 JSON（/],
    [[1], /^事件必须是 JSON 对象，而不是/],
  ])("%j", (data, expected) => {
    const zh = zhOf(data);
    if (typeof expected === "string") expect(zh).toBe(expected);
    else expect(zh).toMatch(expected);
    expect(zh).not.toMatch(/\b(must|is not|unknown field|not valid)\b/);
  });

  test("a message of a form it does not know keeps the English, in brackets, after a Chinese lead", () => {
    expect(incidentErrorZh("something new went wrong")).toBe(
      "内容有误（something new went wrong）"
    );
  });
});
