import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { NoticeOutputs, buildEml, buildMailto, parseAddressList, wordsFor } from "../../../mail";
import { IncidentStrings } from "../../incidentStrings";
import { HandoffSupport, works } from "../../incidentFlow";

export interface DraftHandoffs {
  writeHtml(html: string, text: string): Promise<void>;
  writeText(text: string): Promise<void>;
  download(name: string, content: string, type: string): void;
  openUrl(url: string): void;
  /** Makes an Outlook draft and gives its link; absent where Graph is not available. */
  graphDraft: ((input: { subject: string; html: string; to: string[] }) => Promise<{ webLink: string }>) | null;
}

export interface DraftViewProps {
  title: string;
  outputs: NoticeOutputs;
  to: string;
  onToChange: (to: string) => void;
  fileName: string;
  handoffs: HandoffSupport[];
  actions: DraftHandoffs;
  sentAt: string | null;
  onMarkSent: () => void;
  t: IncidentStrings;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  preview: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

/** One notice ready to hand off: every way that works here, and "Mark as sent" once the user sent it. */
export function DraftView(props: DraftViewProps): React.JSX.Element {
  const { outputs, t, actions } = props;
  const styles = useStyles();
  const [message, setMessage] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);

  const recipients = (): string[] | null => {
    try {
      return parseAddressList(props.to);
    } catch (e) {
      setMessage(t.draft.badAddress((e as Error).message));
      return null;
    }
  };
  const copy = async (what: "html" | "text" | "im") => {
    try {
      if (what === "html") await actions.writeHtml(outputs.html, outputs.text);
      else await actions.writeText(what === "text" ? outputs.text : outputs.im);
      setMessage(t.draft.copied);
    } catch {
      setMessage(t.draft.copyFailed);
    }
  };
  const download = () => {
    const to = recipients();
    if (!to) return;
    actions.download(
      props.fileName,
      buildEml({ to, subject: outputs.subject, text: outputs.text, html: outputs.html }),
      "message/rfc822"
    );
    setMessage(t.draft.downloaded(props.fileName));
  };
  const mailto = () => {
    const to = recipients();
    if (!to) return;
    actions.openUrl(buildMailto(to, outputs.subject, outputs.text, wordsFor(outputs.notice.lang).cutNote));
  };
  const outlook = async () => {
    const to = recipients();
    if (!to || !actions.graphDraft) return;
    setBusy(true);
    try {
      const draft = await actions.graphDraft({ subject: outputs.subject, html: outputs.html, to });
      actions.openUrl(draft.webLink);
      setMessage(t.draft.opened);
    } catch (e) {
      setMessage(t.draft.graphFailed((e as Error).message));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-label={props.title}>
      <Subtitle2 as="h3">{props.title}</Subtitle2>
      <Field label={t.draft.to}>
        <Input value={props.to} onChange={(_e, d) => props.onToChange(d.value)} />
      </Field>
      <Caption1>
        {t.draft.subject}: {outputs.subject}
      </Caption1>
      {outputs.notice.warnings.map((w) => (
        <Caption1 key={w}>
          {t.warning}: {w}
        </Caption1>
      ))}
      <div className={styles.buttons}>
        <Button onClick={() => copy("html")}>{t.draft.copyHtml}</Button>
        <Button onClick={() => copy("text")}>{t.draft.copyText}</Button>
        <Button onClick={() => copy("im")}>{t.draft.copyIm}</Button>
        {works(props.handoffs, "eml") && <Button onClick={download}>{t.draft.downloadEml}</Button>}
        {works(props.handoffs, "graph") && actions.graphDraft && (
          <Button onClick={outlook} disabled={busy}>
            {t.draft.openOutlook}
          </Button>
        )}
        {works(props.handoffs, "mailto") && <Button onClick={mailto}>{t.draft.emailLink}</Button>}
        <Button appearance="primary" onClick={props.onMarkSent} disabled={props.sentAt !== null}>
          {t.draft.markSent}
        </Button>
      </div>
      <div role="status">{message}</div>
      <Textarea
        aria-label={t.draft.copyText}
        className={styles.preview}
        readOnly
        resize="vertical"
        rows={8}
        value={outputs.text}
      />
    </section>
  );
}
