import * as React from "react";
import type { IncidentDeps, RaisedAlert } from "./components/incident";

/**
 * The incident views for the pane's Raise alert slot, loaded when an alert is first raised: they
 * and the notice templates stay out of the pane's first screen.
 */
export function lazyIncidentView(deps: IncidentDeps): (props: RaisedAlert) => React.JSX.Element {
  const View = React.lazy(() =>
    import(/* webpackChunkName: "incident" */ "./components/incident").then((m) => ({
      default: m.makeIncidentView(deps),
    }))
  );
  return function IncidentSlot(props: RaisedAlert) {
    return (
      <React.Suspense fallback={<div role="status">…</div>}>
        <View {...props} />
      </React.Suspense>
    );
  };
}
