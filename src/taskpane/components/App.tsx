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
  Switch,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { WorkbookActions } from "../actions";
import { Environment, Language } from "../environment";
import { IncidentView } from "../incidentSlot";
import { stringsFor } from "../strings";
import { ChartLoader } from "./ItemView";
import { Pane } from "./Pane";

export interface AppProps {
  environment: Environment;
  /** Puts text on the clipboard; from the host page. */
  copyText: (text: string) => Promise<void>;
  helpUrl: string;
  /** The open workbook's scan, state and clean-up; absent outside Excel. */
  actions?: WorkbookActions | null;
  /** The escalation views, opened by "Raise alert" in the item view. */
  incidentView?: IncidentView;
  /** The chart's chunk (default: the real one; tests pass their own). */
  loadChart?: ChartLoader;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    // Messages carry cell addresses, file names and Chinese without spaces: they wrap at 320 px.
    "& .fui-MessageBarBody": { overflowWrap: "anywhere", minWidth: 0 },
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
  titleRow: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function App({
  environment,
  copyText,
  helpUrl,
  actions,
  incidentView,
  loadChart,
}: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [language, setLanguage] = React.useState<Language>(environment.language);
  const t = stringsFor(language);
  const [copy, setCopy] = React.useState<"idle" | "copied" | "failed">("idle");
  const [home, setHome] = React.useState(true);

  const copyExample = async () => {
    try {
      await copyText(t.example);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  };

  return (
    <main className={styles.root} lang={language}>
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <Title3 as="h1">{t.title}</Title3>
          {home && (
            <Switch
              label={`${t.language}: ${t.languageName}`}
              aria-label={t.language}
              checked={language === "zh-CN"}
              onChange={(_e, d) => setLanguage(d.checked ? "zh-CN" : "en")}
            />
          )}
        </div>
        {home && <Body1>{t.tagline}</Body1>}
      </header>

      {actions && (
        <Pane
          actions={actions}
          language={language}
          customFunctions={environment.customFunctions}
          incidentView={incidentView}
          loadChart={loadChart}
          onHomeChange={setHome}
        />
      )}

      {!environment.inExcel && !actions && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.outsideExcel}</MessageBarBody>
        </MessageBar>
      )}
      {environment.inExcel && !environment.customFunctions && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.missingCustomFunctions}</MessageBarBody>
        </MessageBar>
      )}
      {environment.inExcel && !environment.annotate && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.missingAnnotate}</MessageBarBody>
        </MessageBar>
      )}

      {home && (
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
      )}

      {home && (
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
      )}
    </main>
  );
}
