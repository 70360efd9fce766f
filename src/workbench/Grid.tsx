import * as React from "react";
import { a1, columnName } from "../layout/address";
import { ShownCell } from "./evaluate";

export interface GridProps {
  sheets: string[];
  active: string;
  onSelectSheet: (sheet: string) => void;
  cells: Map<string, ShownCell>;
  /** Cells selected in the sheet ("row,column" on the active sheet), as the pane or a click left them. */
  selected: Set<string>;
  /** A click selects a cell; a shift-click extends the selection to it from the last cell clicked (as in Excel). */
  onSelectCell: (row: number, column: number, extend?: boolean) => void;
  /** What the cell holds for editing: its formula, or its value. */
  rawOf: (row: number, column: number) => string;
  onEdit: (row: number, column: number, text: string) => void;
}

/**
 * The workbook as a person sees it: sheet tabs, values, colours; our cells say so on hover. Editable
 * like Excel: double-click a cell or press Enter on it, type, Enter (Escape leaves it as it was).
 */
export function Grid(props: GridProps): React.JSX.Element {
  const { sheets, active, cells, selected } = props;
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
  const [cursor, setCursor] = React.useState<[number, number]>([0, 0]);
  const [editing, setEditing] = React.useState<{ r: number; c: number; text: string } | null>(null);
  const table = React.useRef<HTMLTableElement>(null);

  const focusCell = (r: number, c: number) => {
    setCursor([r, c]);
    props.onSelectCell(r, c);
    requestAnimationFrame(() =>
      table.current?.querySelector<HTMLElement>(`td[data-row="${r}"][data-col="${c}"]`)?.focus()
    );
  };
  const startEdit = (r: number, c: number) => setEditing({ r, c, text: props.rawOf(r, c) });
  const commit = () => {
    if (!editing) return;
    props.onEdit(editing.r, editing.c, editing.text);
    const next: [number, number] = [editing.r + 1, editing.c];
    setEditing(null);
    focusCell(...next);
  };

  const onKey = (e: React.KeyboardEvent, r: number, c: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if (moves[e.key]) {
      e.preventDefault();
      const [dr, dc] = moves[e.key];
      focusCell(Math.min(rows - 1, Math.max(0, r + dr)), Math.min(cols - 1, Math.max(0, c + dc)));
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      startEdit(r, c);
    }
  };

  return (
    <div className="grid">
      <div className="tabs" role="tablist" aria-label="Sheets">
        {sheets.map((s) => (
          <button key={s} role="tab" aria-selected={s === active} className={s === active ? "tab active" : "tab"} onClick={() => props.onSelectSheet(s)}>
            {s}
          </button>
        ))}
      </div>
      <div className="scroll">
        <table aria-label={active} role="grid" ref={table}>
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
                  const isSelected = selected.has(`${r},${c}`);
                  const style: React.CSSProperties = {
                    background: cell?.fill,
                    color: cell?.color,
                    fontWeight: cell?.bold ? 600 : undefined,
                    outline: cell?.border ? `2px solid ${cell.border}` : undefined,
                    outlineOffset: cell?.border ? "-2px" : undefined,
                    textAlign: cell && /^-?[\d.,]+( [▼▽◆])?$/.test(cell.text) ? "right" : "left",
                  };
                  const isEditing = editing?.r === r && editing.c === c;
                  return (
                    <td
                      key={c}
                      data-address={`${prefix}!${a1(r, c)}`}
                      data-row={r}
                      data-col={c}
                      tabIndex={cursor[0] === r && cursor[1] === c ? 0 : -1}
                      aria-selected={isSelected}
                      title={cell?.owner ? `Written by PAB Watch (${cell.owner})` : undefined}
                      className={[cell?.owner ? "owned" : "", isSelected ? "selected" : ""].join(" ").trim() || undefined}
                      style={style}
                      onClick={(e) => {
                        setCursor([r, c]);
                        props.onSelectCell(r, c, e.shiftKey);
                      }}
                      onDoubleClick={() => startEdit(r, c)}
                      onKeyDown={(e) => !isEditing && onKey(e, r, c)}
                    >
                      {isEditing ? (
                        <input
                          className="edit"
                          autoFocus
                          aria-label={`Edit ${prefix}!${a1(r, c)}`}
                          value={editing.text}
                          onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                          onKeyDown={(e) => {
                            if (e.key === "Enter") {
                              e.preventDefault();
                              commit();
                            } else if (e.key === "Escape") {
                              e.preventDefault();
                              setEditing(null);
                              focusCell(r, c);
                            }
                            e.stopPropagation();
                          }}
                          onBlur={() => setEditing(null)}
                        />
                      ) : (
                        (cell?.text ?? "")
                      )}
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
