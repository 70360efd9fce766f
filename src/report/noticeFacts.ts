import { firstShortage, shortageFigures } from "../engine";
import { Diagnostic } from "../layout";
import { ReportItem } from "./report";

/**
 * A report item ready for a notice: the shortage figures recomputed from its balances (so a
 * notice states only what the projection says, whatever produced the report) and what the reader
 * assumed for the item (its error and warning diagnostics).
 */
export function factsForNotice(
  item: ReportItem,
  diagnostics: Diagnostic[] = [],
  describe: (d: Diagnostic) => string = (d) => d.message
): ReportItem & { assumptions: string[] } {
  const planning = shortageFigures(item.pab, item.opening);
  const ordersOnly = item.ordersOnlyPab ?? item.pab;
  const orders = shortageFigures(ordersOnly, item.opening);
  const ref = (s: { index: number; quantity: number } | null) =>
    s && { index: s.index, period: item.periods[s.index], quantity: s.quantity };
  return {
    ...item,
    ordersOnlyPab: ordersOnly,
    firstShortage: ref(planning.firstShortage),
    peakShortage: ref(planning.peakShortage),
    recoveryIndex: planning.recoveryIndex,
    finalRecoveryIndex: planning.finalRecoveryIndex,
    newShortfall: planning.newShortfall,
    madeUp: planning.madeUp,
    endShortfall: planning.endShortfall,
    orderShortage: ref(firstShortage(ordersOnly)),
    orderFigures: {
      backlog: orders.backlog,
      newShortfall: orders.newShortfall,
      madeUp: orders.madeUp,
      finalRecoveryIndex: orders.finalRecoveryIndex,
      endShortfall: orders.endShortfall,
    },
    assumptions: diagnostics
      .filter((d) => d.item === item.item && d.severity !== "info")
      .map(describe),
  };
}
