/**
 * An incident file's problem (IncidentError's message: the field, then what is wrong with it) said
 * in Chinese for `--lang zh-CN`. The field path and the values stay as the file has them.
 */
const PROBLEMS: [RegExp, (m: string[]) => string][] = [
  [/^must be a date \(YYYY-MM-DD\), not (.*)$/, ([v]) => `必须是日期（YYYY-MM-DD），而不是 ${v}`],
  [
    /^"(.*)" is not a date in the form YYYY-MM-DD( \(or YYYY-MM-DDTHH:MM\))?$/,
    ([v, t]) => `“${v}”不是 YYYY-MM-DD${t ? "（或 YYYY-MM-DDTHH:MM）" : ""} 格式的日期`,
  ],
  [/^"(.*)" is not a date and time \((.*)\)$/, ([v, e]) => `“${v}”不是日期和时间（如 ${e}）`],
  [/^(\S+) does not exist$/, ([d]) => `日期 ${d} 不存在`],
  [/^must be text(?:, not (.*))?$/, ([v]) => `必须是文本${v ? `，而不是 ${v}` : ""}`],
  [/^must be a number(?:, not (.*))?$/, ([v]) => `必须是数字${v ? `，而不是 ${v}` : ""}`],
  [/^(\S+) is negative$/, ([v]) => `${v} 为负数`],
  [/^cannot be negative$/, () => "不能为负数"],
  [/^(\S+) is not a whole number of days$/, ([v]) => `${v} 不是整数天`],
  [
    /^must be true or false(?:, not (.*))?$/,
    ([v]) => `必须是 true 或 false${v ? `，而不是 ${v}` : ""}`,
  ],
  [
    /^must be one of (.*?)(?:, not (.*))?$/,
    ([list, v]) => `必须是以下之一：${list}${v ? `，而不是 ${v}` : ""}`,
  ],
  [/^must be a list(?:, not (.*))?$/, ([v]) => `必须是列表${v ? `，而不是 ${v}` : ""}`],
  [/^must be an object(?:, not (.*))?$/, ([v]) => `必须是对象${v ? `，而不是 ${v}` : ""}`],
  [/^must list at least one item$/, () => "至少要列出一个物料"],
  [/^unknown field \(known: (.*)\)$/, ([known]) => `未知字段（可用字段：${known}）`],
  [/^is missing$/, () => "缺失"],
  [/^(\S+) appears twice$/, ([s]) => `${s} 出现了两次`],
  [/^is before it was drafted$/, () => "早于起草时间"],
  [/^"(.*)" is not a status$/, ([s]) => `“${s}”不是状态`],
  [/^not valid JSON \((.*)\)$/, ([why]) => `不是有效的 JSON（${why}）`],
  [/^the incident must be a JSON object, not (.*)$/, ([v]) => `事件必须是 JSON 对象，而不是 ${v}`],
  [/^only one option can be chosen \((.*)\)$/, ([which]) => `只能选择一种运输方式（${which}）`],
  [
    /^(\S+) (\S+) is before its originalDate (\S+)$/,
    ([field, d, o]) => `${field} ${d} 早于原定日期 ${o}`,
  ],
  [
    /^(\S+) (\S+) is more than its quantity (\S+)$/,
    ([field, q, o]) => `${field} ${q} 大于原数量 ${o}`,
  ],
];

/** Splits "customer.orders[1].newDate: …" or "customer.name must be …" into field and problem. */
function split(message: string): { field: string; problem: string } {
  const colon = /^([\w.[\]]+): (.*)$/.exec(message);
  if (colon) return { field: colon[1], problem: colon[2] };
  const space = /^([\w.[\]]+) (must .*|is missing)$/.exec(message);
  if (space) return { field: space[1], problem: space[2] };
  return { field: "", problem: message };
}

function problemZh(problem: string): string | null {
  for (const [pattern, zh] of PROBLEMS) {
    const m = pattern.exec(problem);
    if (m) return zh(m.slice(1).map((x) => x ?? ""));
  }
  const nested = split(problem);
  if (nested.field) {
    const inner = problemZh(nested.problem);
    if (inner) return `${nested.field}：${inner}`;
  }
  return null;
}

/** The IncidentError message in Chinese; the English one in brackets when its form is not known. */
export function incidentErrorZh(message: string): string {
  const whole = problemZh(message);
  if (whole) return whole;
  const { field, problem } = split(message);
  const zh = problemZh(problem);
  if (field && zh) return `${field}：${zh}`;
  return `内容有误（${message}）`;
}
