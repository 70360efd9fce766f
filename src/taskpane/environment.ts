/** What the host offers, as far as the pane needs to know; read once at start and passed down as props. */
export interface Environment {
  /** Running inside Excel (false: a plain browser page). */
  inExcel: boolean;
  /** "en" or "zh-CN", from Excel's display language. */
  language: Language;
  /** Custom functions need the shared runtime (Excel on Windows, Mac and the web). */
  customFunctions: boolean;
  /** ExcelApi 1.13 (range areas, conditional formats, merged areas): needed to annotate the sheet. */
  annotate: boolean;
}

export type Language = "en" | "zh-CN";

export function languageOf(tag: string | undefined): Language {
  return tag && /^zh\b|^zh-(cn|hans|sg)/i.test(tag) ? "zh-CN" : "en";
}

interface OfficeLike {
  context?: {
    displayLanguage?: string;
    requirements?: { isSetSupported(name: string, version?: string): boolean };
  };
}

/** Reads the host's capabilities with isSetSupported; outside Excel, everything is off. */
export function detectEnvironment(
  office: OfficeLike | undefined,
  browserLanguage?: string
): Environment {
  const requirements = office?.context?.requirements;
  if (!requirements) {
    return {
      inExcel: false,
      language: languageOf(browserLanguage),
      customFunctions: false,
      annotate: false,
    };
  }
  return {
    inExcel: true,
    language: languageOf(office?.context?.displayLanguage ?? browserLanguage),
    customFunctions:
      requirements.isSetSupported("SharedRuntime", "1.1") &&
      requirements.isSetSupported("CustomFunctionsRuntime", "1.1"),
    annotate: requirements.isSetSupported("ExcelApi", "1.13"),
  };
}
