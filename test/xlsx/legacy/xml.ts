import { SaxesParser, SaxesTagPlain } from "saxes";

export interface XmlHandlers {
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/** A part that is not well-formed XML; the message is one line for the user. */
export class MalformedXmlError extends Error {
  constructor(message: string) {
    super(`malformed XML (${message.split("\n")[0]})`);
    this.name = "MalformedXmlError";
  }
}

/** Streams an XML part through saxes; element names without their namespace prefix. */
export function parseXml(xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false });
  let failure: Error | null = null;
  parser.on("error", (e) => {
    failure ??= e;
  });
  const local = (name: string) => name.slice(name.indexOf(":") + 1);
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag: SaxesTagPlain) =>
      open(local(tag.name), tag.attributes as Record<string, string>)
    );
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(local(tag.name)));
  }
  if (handlers.text) {
    const text = handlers.text;
    parser.on("text", text);
    parser.on("cdata", text);
  }
  const CHUNK = 1 << 20;
  for (let i = 0; i < xml.length && !failure; i += CHUNK) parser.write(xml.slice(i, i + CHUNK));
  if (!failure) parser.close();
  if (failure) throw new MalformedXmlError((failure as Error).message);
}

/** Attribute truthiness as OOXML writes it ("1", "true"). */
export function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}
