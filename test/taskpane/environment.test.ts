import { detectEnvironment, languageOf } from "../../src/taskpane/environment";

function office(supported: Record<string, string>, displayLanguage = "en-US") {
  const rank = (v: string) => v.split(".").map(Number);
  return {
    context: {
      displayLanguage,
      requirements: {
        isSetSupported(name: string, version = "1.1") {
          const have = supported[name];
          if (!have) return false;
          const [a, b] = [rank(have), rank(version)];
          return a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);
        },
      },
    },
  };
}

describe("what the host offers", () => {
  test("outside Excel nothing is available", () => {
    expect(detectEnvironment(undefined, "zh-CN")).toEqual({
      inExcel: false,
      language: "zh-CN",
      customFunctions: false,
      annotate: false,
    });
  });

  test("Microsoft 365 Excel: functions and annotation", () => {
    const env = detectEnvironment(
      office({ SharedRuntime: "1.1", CustomFunctionsRuntime: "1.4", ExcelApi: "1.17" })
    );
    expect(env).toEqual({ inExcel: true, language: "en", customFunctions: true, annotate: true });
  });

  test("Excel 2016 perpetual: no shared runtime, so no functions, and too old to annotate", () => {
    const env = detectEnvironment(office({ ExcelApi: "1.2" }, "zh-CN"));
    expect(env).toEqual({
      inExcel: true,
      language: "zh-CN",
      customFunctions: false,
      annotate: false,
    });
  });

  test.each([
    ["zh-CN", "zh-CN"],
    ["zh-Hans", "zh-CN"],
    ["zh", "zh-CN"],
    ["en-GB", "en"],
    ["de-DE", "en"],
    [undefined, "en"],
  ])("display language %p → %p", (tag, lang) => {
    expect(languageOf(tag)).toBe(lang);
  });
});
