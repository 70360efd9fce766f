import {
  Theme,
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";

export type ThemeName = "light" | "dark" | "contrast";

interface OfficeThemeLike {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  isDarkTheme?: boolean;
}

function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex ?? "");
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The pane's theme from Office.context.officeTheme (where the host gives one) and the system's
 * forced colours: high contrast when the system forces colours (Windows high contrast reaches the
 * pane's web view that way), dark when Office's body colour is dark, light otherwise.
 */
export function themeOf(officeTheme: OfficeThemeLike | undefined, forcedColors = false): ThemeName {
  if (forcedColors) return "contrast";
  if (!officeTheme) return "light";
  if (officeTheme.isDarkTheme === true) return "dark";
  const l = luminance(officeTheme.bodyBackgroundColor);
  return l !== null && l < 0.2 ? "dark" : "light";
}

export function fluentTheme(name: ThemeName): Theme {
  return name === "dark"
    ? webDarkTheme
    : name === "contrast"
      ? teamsHighContrastTheme
      : webLightTheme;
}
