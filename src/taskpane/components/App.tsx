import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Link,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { WorkbookActions } from "../actions";
import { Environment } from "../environment";
import { ScanPanel } from "./ScanPanel";
import type { Report, ReportItem } from "../../report";
import { stringsFor } from "../strings";

export interface AppProps {
  environment: Environment;
  /** Puts text on the clipboard; from the host page. */
  copyText: (text: string) => Promise<void>;
  helpUrl: string;
  /** The open workbook's scan, state and clean-up; absent outside Excel. */
  actions?: WorkbookActions | null;
  /** The escalation views "Raise alert" opens; absent where they are not wired. */
  incidentView?: (props: {
    items: ReportItem[];
    report: Report;
    language: Environment["language"];
    onClose: () => void;
  }) => React.JSX.Element;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  formula: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase300,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  row: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function App({
  environment,
  copyText,
  helpUrl,
  actions,
  incidentView: IncidentView,
}: AppProps): React.JSX.Element {
  const styles = useStyles();
  const t = stringsFor(environment.language);
  const [copy, setCopy] = React.useState<"idle" | "copied" | "failed">("idle");
  const [alert, setAlert] = React.useState<{ items: ReportItem[]; report: Report } | null>(null);

  const copyExample = async () => {
    try {
      await copyText(t.example);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  };

  return (
    <main className={styles.root} lang={environment.language}>
      <header className={styles.header}>
        <Title3 as="h1">{t.title}</Title3>
        <Body1>{t.tagline}</Body1>
      </header>

      {actions && alert && IncidentView && (
        <IncidentView
          items={alert.items}
          report={alert.report}
          language={environment.language}
          onClose={() => setAlert(null)}
        />
      )}
      {actions && (
        <div hidden={!!alert}>
          <ScanPanel
            actions={actions}
            language={environment.language}
            customFunctions={environment.customFunctions}
            onRaiseAlert={IncidentView ? (items, report) => setAlert({ items, report }) : undefined}
          />
        </div>
      )}

      {!environment.inExcel && !actions && (
        <MessageBar intent="info">
          <MessageBarBody>{t.outsideExcel}</MessageBarBody>
        </MessageBar>
      )}
      {environment.inExcel && !environment.customFunctions && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.missingCustomFunctions}</MessageBarBody>
        </MessageBar>
      )}
      {environment.inExcel && !environment.annotate && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.missingAnnotate}</MessageBarBody>
        </MessageBar>
      )}

      <Card>
        <CardHeader header={<Subtitle2 as="h2">{t.functionsHeading}</Subtitle2>} description={t.functionsIntro} />
        <div className={styles.row}>
          <code className={styles.formula}>{t.example}</code>
          <Button size="small" onClick={copyExample}>
            {copy === "copied" ? t.copied : t.copy}
          </Button>
        </div>
        {copy === "failed" && <Caption1 role="status">{t.copyFailed}</Caption1>}
        <Caption1>{t.exampleNote}</Caption1>
        <Link href={helpUrl} target="_blank" rel="noopener noreferrer">
          {t.help}
        </Link>
      </Card>

      <section aria-labelledby="status-heading">
        <Subtitle2 as="h2" id="status-heading">
          {t.statusHeading}
        </Subtitle2>
        <ul className={styles.list}>
          {t.statuses.map((s) => (
            <li key={s.code}>
              <strong>{s.label}</strong>
              {t.colon}
              {s.meaning}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
