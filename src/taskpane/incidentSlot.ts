import type * as React from "react";
import { PlanRecord } from "../layout";
import { Report, ReportItem } from "../report";
import { WorkbookActions } from "./actions";
import { Language } from "./environment";

/**
 * Where the escalation views plug in: "Raise alert" in the item view hands them the items (one,
 * or several hit by one cause), and they render in the pane in place of the item view.
 */
export interface IncidentViewProps {
  items: ReportItem[];
  /** The whole last scan, and the plan records (cells) behind its items, same order. */
  report: Report;
  records?: PlanRecord[];
  language: Language;
  /** The pane's workbook actions (select cells, settings), for views that want them. */
  actions?: WorkbookActions;
  /** Back to where Raise alert was pressed. */
  onClose: () => void;
}

export type IncidentView = React.ComponentType<IncidentViewProps>;
