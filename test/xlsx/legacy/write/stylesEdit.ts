import { RULE_STYLES, RuleKind } from "../../../../src/annotate/writePlan";
import { escapeXml } from "./xmlText";

function dxf(kind: RuleKind, numFmtId: number): string {
  const st = RULE_STYLES[kind];
  const font = `<font>${st.bold ? "<b/>" : ""}<color rgb="FF${st.font}"/></font>`;
  const fmt = `<numFmt numFmtId="${numFmtId}" formatCode="${escapeXml(st.numberFormat)}"/>`;
  const fill = st.fill
    ? `<fill><patternFill patternType="solid"><bgColor rgb="FF${st.fill}"/></patternFill></fill>`
    : "";
  const side = (s: string) => `<${s} style="thin"><color rgb="FF${st.border}"/></${s}>`;
  const border = st.border
    ? `<border>${["left", "right", "top", "bottom"].map(side).join("")}</border>`
    : "";
  return `<dxf>${font}${fmt}${fill}${border}</dxf>`;
}

const FORMAT_IDS: Record<RuleKind, number> = { short: 901, low: 902, receipt: 903 };

/** Finds an element among a list's children (exact XML) or appends it; returns its index and the new list XML. */
function findOrAppend(
  styles: string,
  list: string,
  child: string,
  element: string,
  insertBefore: string[]
): { xml: string; index: number } {
  const re = new RegExp(`<${list}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${list}>)`);
  const m = re.exec(styles);
  if (!m) {
    const block = `<${list} count="1">${element}</${list}>`;
    for (const name of insertBefore) {
      const at = styles.search(new RegExp(`<${name}[\\s/>]`));
      if (at >= 0) return { xml: styles.slice(0, at) + block + styles.slice(at), index: 0 };
    }
    const close = styles.lastIndexOf("</styleSheet>");
    return { xml: styles.slice(0, close) + block + styles.slice(close), index: 0 };
  }
  const inner = m[1] ?? "";
  const children: string[] =
    inner.match(new RegExp(`<${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</${child}>)`, "g")) ?? [];
  const existing = children.indexOf(element);
  if (existing >= 0) return { xml: styles, index: existing };
  const block = `<${list} count="${children.length + 1}">${inner}${element}</${list}>`;
  return { xml: styles.replace(m[0], block), index: children.length };
}

export interface OurStyles {
  xml: string;
  dxfIds: Record<RuleKind, number>;
  /** Cell style indexes for the summary sheet. */
  title: number;
  header: number;
}

/** Adds the rule formats and the summary's bold styles, reusing them when an earlier run added them. */
export function ensureStyles(styles: string): OurStyles {
  let xml = styles;
  const dxfIds = {} as Record<RuleKind, number>;
  for (const kind of ["short", "low", "receipt"] as RuleKind[]) {
    const r = findOrAppend(xml, "dxfs", "dxf", dxf(kind, FORMAT_IDS[kind]), [
      "tableStyles",
      "colors",
      "extLst",
    ]);
    xml = r.xml;
    dxfIds[kind] = r.index;
  }
  const font = (size: number) =>
    `<font><b/><sz val="${size}"/><name val="Calibri"/><family val="2"/></font>`;
  const titleFont = findOrAppend(xml, "fonts", "font", font(14), ["fills"]);
  xml = titleFont.xml;
  const headerFont = findOrAppend(xml, "fonts", "font", font(11), ["fills"]);
  xml = headerFont.xml;
  const xf = (fontId: number, wrap: boolean) =>
    `<xf numFmtId="0" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyFont="1"${
      wrap ? ' applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>' : "/>"
    }`;
  const title = findOrAppend(xml, "cellXfs", "xf", xf(titleFont.index, false), ["cellStyles"]);
  xml = title.xml;
  const header = findOrAppend(xml, "cellXfs", "xf", xf(headerFont.index, true), ["cellStyles"]);
  xml = header.xml;
  return { xml, dxfIds, title: title.index, header: header.index };
}
