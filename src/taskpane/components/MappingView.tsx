import * as React from "react";
import { Button, Caption1, MessageBar, MessageBarBody, Subtitle1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { Diagnostic, LayoutMapping } from "../../layout";
import { Language } from "../environment";
import { MAPPING_ROLES, MappingRole, ReaderView, diagnosticText, mappingLines } from "../model/mapping";
import { Strings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  roles: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  role: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    paddingBottom: tokens.spacingVerticalXS,
  },
  seen: { overflowWrap: "anywhere", color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export interface MappingViewProps {
  t: Strings;
  lang: Language;
  seen: ReaderView[];
  unplaced: Diagnostic[];
  mapping: LayoutMapping | null;
  nothingRead: boolean;
  message: { intent: "success" | "error"; text: string } | null;
  busy: boolean;
  onUseSelection: (role: MappingRole) => void;
  onScan: () => void;
  onClear: () => void;
  onBack: () => void;
}

/** What the reader took for each role, what it could not place, and the planner's corrections. */
export function MappingView(props: MappingViewProps): React.JSX.Element {
  const { t } = props;
  const m = t.mapping;
  const styles = useStyles();
  const lines = mappingLines(props.mapping);
  const id = React.useId();
  const roleWord = (code: string) =>
    (m.roles as Record<string, string>)[code] ?? m.otherRoles[code] ?? code;
  return (
    <section className={styles.root} role="region" aria-label={m.heading}>
      <div>
        <Button appearance="subtle" onClick={props.onBack}>
          {m.back}
        </Button>
      </div>
      <Subtitle1 as="h2">{m.heading}</Subtitle1>
      {props.nothingRead && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.nothingRead}</MessageBarBody>
        </MessageBar>
      )}
      <Caption1>{m.intro}</Caption1>
      {props.message && (
        <MessageBar intent={props.message.intent} layout="multiline">
          <MessageBarBody>{props.message.text}</MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.roles} aria-label={m.heading}>
        {MAPPING_ROLES.map((role) => (
          <li key={role} className={styles.role}>
            <div>
              <strong id={`${id}-${role}`}>{m.roles[role]}</strong>
              <div className={styles.seen}>
                {props.seen.length
                  ? props.seen.map((s) => `${s.item}: ${s.roles[role] ?? m.notFound}`).join("; ")
                  : m.notFound}
              </div>
            </div>
            <Button size="small" disabled={props.busy} onClick={() => props.onUseSelection(role)} aria-describedby={`${id}-${role}`}>
              {m.useSelection}
            </Button>
          </li>
        ))}
      </ul>
      {props.unplaced.length > 0 && (
        <>
          <Subtitle2 as="h3">{m.notPlaced}</Subtitle2>
          <ul className={styles.list} aria-label={m.notPlaced}>
            {props.unplaced.map((d, i) => (
              <li key={i}>{diagnosticText(d, props.lang)}</li>
            ))}
          </ul>
        </>
      )}
      {lines.length > 0 && (
        <>
          <Subtitle2 as="h3">{m.mapped}</Subtitle2>
          <ul className={styles.list} aria-label={m.mapped}>
            {lines.map((l, i) => (
              <li key={i}>{`${l.sheet}!${l.where} → ${roleWord(l.role)}`}</li>
            ))}
          </ul>
        </>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={props.busy} onClick={props.onScan}>
          {m.saveAndScan}
        </Button>
        {lines.length > 0 && (
          <Button disabled={props.busy} onClick={props.onClear}>
            {m.clear}
          </Button>
        )}
      </div>
    </section>
  );
}
