import { tokens } from "@fluentui/react-components";
import { Status } from "../../engine";

/** The same symbols as the sheet's number formats: a status reads without colour. */
export const STATUS_ICON: Record<Status, string> = {
  stockout: "▼",
  "at-risk": "◆",
  low: "▽",
  ok: "✓",
};

/** Theme tokens, so light, dark and high contrast each get colours that read on their background. */
export function statusColor(status: Status): string {
  switch (status) {
    case "stockout":
      return tokens.colorPaletteRedForeground1;
    case "at-risk":
      return tokens.colorPaletteDarkOrangeForeground1;
    case "low":
      return tokens.colorPaletteMarigoldForeground1;
    default:
      return tokens.colorPaletteGreenForeground1;
  }
}
