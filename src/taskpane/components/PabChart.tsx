import * as React from "react";
import { LineChart, ChartProps, ColorFillBarsProps, LineChartPoints } from "@fluentui/react-charts";
import { tokens } from "@fluentui/react-components";
import { ReportItem } from "../../report";
import { Strings } from "../strings";

export interface PabChartProps {
  item: ReportItem;
  t: Strings;
  width: number;
}

/**
 * PAB per period against safety stock and zero; shortage periods shaded, receipts that must land
 * on time marked. Loaded only when the item view opens (its own webpack chunk).
 */
export default function PabChart({ item, t, width }: PabChartProps): React.JSX.Element {
  const n = item.periods.length;
  const box = React.useRef<HTMLDivElement>(null);
  // The shortage bands are drawn once the chart has its scales (on the first pass it has none yet).
  const [scaled, setScaled] = React.useState(false);
  React.useEffect(() => setScaled(true), []);
  // The chart is one image with a text alternative (and the Drivers table beside it): its points
  // and legend stay for the mouse but leave the tab order, so the keyboard does not walk 36 dots.
  React.useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const quiet = () =>
      el.querySelectorAll<HTMLElement>('[tabindex="0"]').forEach((e) => e.setAttribute("tabindex", "-1"));
    quiet();
    const watch = new MutationObserver(quiet);
    watch.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ["tabindex"] });
    return () => watch.disconnect();
  }, []);
  const x = (i: number) => i + 1;
  const mustLand = new Set(item.receipts.filter((r) => r.slack === 0).map((r) => r.index));
  const pab: LineChartPoints = {
    legend: t.item.legendPab,
    color: tokens.colorBrandForeground1,
    data: item.pab.map((v, i) => ({
      x: x(i),
      y: v,
      xAxisCalloutData: item.periods[i],
      markerColor: mustLand.has(i) ? tokens.colorPaletteDarkOrangeForeground1 : undefined,
    })),
  };
  const lines: LineChartPoints[] = [pab];
  if (item.safetyStock)
    lines.push({
      legend: t.item.legendSafety,
      color: tokens.colorPaletteMarigoldForeground1,
      lineOptions: { strokeDasharray: "6 3" },
      data: item.pab.map((_v, i) => ({ x: x(i), y: item.safetyStock as number })),
    });
  lines.push({
    legend: t.item.legendZero,
    color: tokens.colorNeutralForeground3,
    lineOptions: { strokeDasharray: "2 2" },
    data: item.pab.map((_v, i) => ({ x: x(i), y: 0 })),
  });
  const shortRuns: { startX: number; endX: number }[] = [];
  for (let i = 0; i < n; i++) {
    if (item.pab[i] >= 0) continue;
    const last = shortRuns[shortRuns.length - 1];
    // Half a period either side, kept inside the axis.
    const from = Math.max(x(0), x(i) - 0.5);
    const to = Math.min(x(n - 1), x(i) + 0.5);
    if (last && last.endX >= from) last.endX = to;
    else shortRuns.push({ startX: from, endX: to });
  }
  const fills: ColorFillBarsProps[] = shortRuns.length
    ? [{ legend: t.item.legendShort, color: tokens.colorPaletteRedBackground2, data: shortRuns }]
    : [];
  const data: ChartProps = { chartTitle: t.item.chartName(item.item), lineChartData: lines };
  return (
    <div ref={box}>
    <LineChart
      data={data}
      width={width}
      height={220}
      colorFillBars={scaled ? fills : []}
      // The shaded shortage bands reach from the lowest balance, not from zero.
      yMinValue={Math.min(0, ...item.pab)}
      tickValues={item.pab.map((_v, i) => x(i))}
      xAxisTitle={t.item.columns.period}
      hideTooltip={false}
    />
    </div>
  );
}
