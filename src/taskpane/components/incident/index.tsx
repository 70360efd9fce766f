import * as React from "react";
import { Report, ReportItem } from "../../../report";
import { Language } from "../../environment";
import { IncidentDeps, IncidentPanel } from "./IncidentPanel";

export type { IncidentDeps } from "./IncidentPanel";

/** The props the pane's item view hands over when "Raise alert" is pressed. */
export interface RaisedAlert {
  items: ReportItem[];
  report: Report;
  language: Language;
  onClose: () => void;
}

/** The incident view for the pane's slot, bound to where it runs (Office.js, or the workbench's fake). */
export function makeIncidentView(deps: IncidentDeps): (props: RaisedAlert) => React.JSX.Element {
  return function IncidentView(props: RaisedAlert) {
    return <IncidentPanel {...props} deps={deps} />;
  };
}
