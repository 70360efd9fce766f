const formats = new Map<string, Intl.NumberFormat>();

/**
 * A quantity as people read it: at most three decimals, the locale's digit grouping
 * (12,345.679 t); the report keeps full precision. The one formatter of the summary and the notices.
 */
export function formatQuantity(n: number, lang: "en" | "zh-CN" = "en"): string {
  // Whole numbers, most quantities, grouped here as both locales group them: the first
  // Intl.NumberFormat costs about 8 ms (ICU's locale data), more than a scan's summary takes.
  if (Number.isSafeInteger(n)) return wholeNumber(n);
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

/** 1234567 → "1,234,567" (en-US and zh-CN alike); -0 → "0". */
function wholeNumber(n: number): string {
  const digits = String(Math.abs(n));
  let text = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = text.length; i < digits.length; i += 3) text += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${text}` : text;
}
