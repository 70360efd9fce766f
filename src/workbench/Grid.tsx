import * as React from "react";
import { a1, columnName } from "../layout/address";
import { ShownCell } from "./evaluate";

export interface GridProps {
  sheets: string[];
  active: string;
  onSelect: (sheet: string) => void;
  cells: Map<string, ShownCell>;
}

/** The workbook as a person sees it: sheet tabs, values, colours; our cells say so on hover. */
export function Grid({ sheets, active, onSelect, cells }: GridProps): React.JSX.Element {
  let rows = 0;
  let cols = 0;
  for (const k of cells.keys()) {
    const [r, c] = k.split(",").map(Number);
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, c + 1);
  }
  rows = Math.max(rows + 1, 10);
  cols = Math.max(cols + 1, 6);
  const prefix = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(active) ? active : `'${active}'`;
  return (
    <div className="grid">
      <div className="tabs" role="tablist" aria-label="Sheets">
        {sheets.map((s) => (
          <button key={s} role="tab" aria-selected={s === active} className={s === active ? "tab active" : "tab"} onClick={() => onSelect(s)}>
            {s}
          </button>
        ))}
      </div>
      <div className="scroll">
        <table aria-label={active}>
          <thead>
            <tr>
              <th />
              {Array.from({ length: cols }, (_x, c) => (
                <th key={c}>{columnName(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_x, r) => (
              <tr key={r}>
                <th>{r + 1}</th>
                {Array.from({ length: cols }, (_y, c) => {
                  const cell = cells.get(`${r},${c}`);
                  const style: React.CSSProperties = {
                    background: cell?.fill,
                    color: cell?.color,
                    fontWeight: cell?.bold ? 600 : undefined,
                    outline: cell?.border ? `2px solid ${cell.border}` : undefined,
                    outlineOffset: cell?.border ? "-2px" : undefined,
                    textAlign: cell && /^-?[\d.,]+( [▼▽◆])?$/.test(cell.text) ? "right" : "left",
                  };
                  return (
                    <td
                      key={c}
                      data-address={`${prefix}!${a1(r, c)}`}
                      title={cell?.owner ? `Written by PAB Watch (${cell.owner})` : undefined}
                      className={cell?.owner ? "owned" : undefined}
                      style={style}
                    >
                      {cell?.text ?? ""}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
