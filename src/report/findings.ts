import { Plan, computePlan } from "../engine";
import { Diagnostic, PlanRecord, mpsOf } from "../layout";
import { packedMap } from "../engine/arrays";

/** One item: what the sheet says and what the engine projects from it. */
export interface Finding {
  record: PlanRecord;
  plan: Plan;
}

export interface FindingOptions {
  /** Demand time fence in periods (default 0). */
  fence?: number;
}

/** Runs the engine over every record; the planner's own PAB row is checked against the projection. */
export function computeFindings(
  records: PlanRecord[],
  options: FindingOptions = {}
): { findings: Finding[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const findings: Finding[] = [];
  for (const record of records) {
    const n = record.periods.length;
    const plan = computePlan({
      onHand: record.opening?.value ?? 0,
      orders: record.orders?.values ?? packedMap(record.periods, () => 0),
      mps: mpsOf(record),
      forecast: record.forecast?.values ?? null,
      fence: Math.min(options.fence ?? 0, n),
      safetyStock: Math.max(0, record.safetyStock?.value ?? 0),
      pastDue: record.pastDue?.value ?? 0,
    });
    for (const w of plan.warnings) {
      if (w.code === "opening-backlog" && record.opening) continue; // the reader already said so, naming the cell
      diagnostics.push({
        severity: "warning",
        code: "negative-opening",
        cell: record.opening?.cell ?? null,
        item: record.item,
        message: w.message,
      });
    }
    const own = record.plannerPab;
    if (own) {
      own.values.forEach((v, t) => {
        if (v === null || Math.abs(v - plan.pab[t]) < 1e-6) return;
        const cell = own.row.cells[t] || null;
        diagnostics.push({
          severity: "warning",
          code: "pab-differs",
          cell,
          item: record.item,
          message: `${cell ?? record.item}: the sheet's PAB for ${record.periods[t]} is ${v}, the projection gives ${plan.pab[t]}`,
        });
      });
    }
    const begin = record.plannerBeginning;
    if (begin) {
      // Beginning inventory of period t is the balance at the end of t−1 (period 1: the opening).
      begin.values.forEach((v, t) => {
        const want = t === 0 ? plan.onHand : plan.pab[t - 1];
        if (v === null || Math.abs(v - want) < 1e-6) return;
        const cell = begin.row.cells[t] || null;
        diagnostics.push({
          severity: "warning",
          code: "pab-differs",
          cell,
          item: record.item,
          message: `${cell ?? record.item}: the sheet's beginning inventory for ${record.periods[t]} is ${v}; ${t === 0 ? `the opening is ${want}` : `the projection ends ${record.periods[t - 1]} with ${want}`}`,
        });
      });
    }
    for (const check of record.plannerChecks ?? []) {
      const expected = plan.pab[check.period];
      if (expected === undefined || Math.abs(check.value - expected) < 1e-6) continue;
      diagnostics.push({
        severity: "warning",
        code: "pab-differs",
        cell: check.cell,
        item: record.item,
        message: `${check.cell}: "${check.label}" shows ${check.value}, the projection gives ${expected} at the end of ${record.periods[check.period]}`,
      });
    }
    findings.push({ record, plan });
  }
  return { findings, diagnostics };
}
