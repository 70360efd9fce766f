const formats = new Map<string, Intl.NumberFormat>();

/**
 * A quantity as people read it: at most three decimals, the locale's digit grouping
 * (12,345.679 t); the report keeps full precision. The one formatter of the summary and the notices.
 */
export function formatQuantity(n: number, lang: "en" | "zh-CN" = "en"): string {
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang === "zh-CN" ? "zh-CN" : "en-US", {
      maximumFractionDigits: 3,
      useGrouping: true,
    });
    formats.set(lang, format);
  }
  const text = format.format(n);
  return /^-0(\.0*)?$/.test(text) ? "0" : text;
}
