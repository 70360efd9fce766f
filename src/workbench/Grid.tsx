/* global requestAnimationFrame, HTMLDivElement, HTMLTableElement, HTMLElement */
import * as React from "react";
import { CellRange, a1, columnName } from "../layout/address";
import { CellWindow, ShownCell } from "./evaluate";

export interface GridProps {
  sheets: string[];
  active: string;
  onSelectSheet: (sheet: string) => void;
  /** Rows and columns the sheet spans (its used range and a little more). */
  rows: number;
  columns: number;
  /** What the cells of a window show ("row,column" keys); only the window on screen is asked for. */
  shownIn: (window: CellWindow) => Map<string, ShownCell>;
  /** The cells selected on the active sheet, as the pane or a click left them. */
  selection: CellRange[];
  /** A click selects a cell; a shift-click extends the selection to it from the last cell clicked (as in Excel). */
  onSelectCell: (row: number, column: number, extend?: boolean) => void;
  /** What the cell holds for editing: its formula, or its value. */
  rawOf: (row: number, column: number) => string;
  onEdit: (row: number, column: number, text: string) => void;
}

/** Sizes in pixels; fixed, so the rows and columns on screen follow from the scroll position alone. */
export const ROW_HEIGHT = 24;
export const COLUMN_WIDTH = 88;
/** Column A is wider: that is where planners keep the row labels ("Customer orders"). */
const FIRST_COLUMN_WIDTH = 132;
const columnX = (c: number) => (c === 0 ? 0 : FIRST_COLUMN_WIDTH + (c - 1) * COLUMN_WIDTH);
const columnAt = (x: number) =>
  x < FIRST_COLUMN_WIDTH ? 0 : 1 + Math.floor((x - FIRST_COLUMN_WIDTH) / COLUMN_WIDTH);
const widthOf = (c: number) => (c === 0 ? FIRST_COLUMN_WIDTH : COLUMN_WIDTH);
const HEADER_WIDTH = 52;
/** Rows and columns rendered beyond the visible ones, so a short scroll shows no blank. */
const OVERSCAN = 8;
/** Columns are fewer and wider: a plan's weeks are mostly all in the page. */
const COLUMN_OVERSCAN = 16;

const within = (ranges: CellRange[], r: number, c: number) =>
  ranges.some((x) => r >= x.top && r <= x.bottom && c >= x.left && c <= x.right);

/**
 * The workbook as a person sees it: sheet tabs, values, colours; our cells say so on hover. Editable
 * like Excel: double-click a cell or press Enter on it, type, Enter (Escape leaves it as it was).
 * Only the rows and columns on screen are in the page (a 5,000-item plan is 35,000 rows), and only
 * they are evaluated.
 */
export function Grid(props: GridProps): React.JSX.Element {
  const { sheets, active, selection } = props;
  const rows = Math.max(props.rows + 1, 10);
  const cols = Math.max(props.columns + 1, 6);
  const prefix = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(active) ? active : `'${active}'`;
  const [cursor, setCursor] = React.useState<[number, number]>([0, 0]);
  const [editing, setEditing] = React.useState<{ r: number; c: number; text: string } | null>(null);
  const scroller = React.useRef<HTMLDivElement>(null);
  const table = React.useRef<HTMLTableElement>(null);
  const [view, setView] = React.useState({ top: 0, left: 0, height: 900, width: 1400 });

  const measure = React.useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const next = {
      top: el.scrollTop,
      left: el.scrollLeft,
      height: el.clientHeight || 900,
      width: el.clientWidth || 1400,
    };
    setView((v) =>
      v.top === next.top && v.left === next.left && v.height === next.height && v.width === next.width
        ? v
        : next
    );
  }, []);
  React.useLayoutEffect(measure, [measure]);
  React.useEffect(() => {
    const w = scroller.current?.ownerDocument.defaultView;
    w?.addEventListener("resize", measure);
    return () => w?.removeEventListener("resize", measure);
  }, [measure]);

  const firstRow = Math.max(0, Math.min(rows - 1, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN));
  const lastRow = Math.min(rows - 1, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const firstCol = Math.max(0, Math.min(cols - 1, columnAt(view.left) - COLUMN_OVERSCAN));
  const lastCol = Math.min(cols - 1, columnAt(view.left + view.width) + COLUMN_OVERSCAN);
  const window = React.useMemo(
    () => ({ top: firstRow, left: firstCol, bottom: lastRow, right: lastCol }),
    [firstRow, firstCol, lastRow, lastCol]
  );
  const { shownIn } = props;
  const cells = React.useMemo(() => shownIn(window), [shownIn, window]);

  /**
   * Scrolls so the area is on screen, as Excel does when something selects cells: not at all when it
   * is already, else with its top a little below the header row (its left edge, if it is off to the side).
   */
  const reveal = React.useCallback(
    (area: CellRange) => {
      const el = scroller.current;
      if (!el) return;
      const top = area.top * ROW_HEIGHT;
      const bottom = (area.bottom + 1) * ROW_HEIGHT;
      const left = columnX(area.left);
      const right = columnX(area.right) + widthOf(area.right);
      const height = el.clientHeight - ROW_HEIGHT;
      const width = el.clientWidth - HEADER_WIDTH;
      const one = area.top === area.bottom && area.left === area.right;
      if (top < el.scrollTop || bottom > el.scrollTop + height)
        // One cell (the keyboard's): just far enough. An area: its top near the top of the view.
        el.scrollTop = one && top >= el.scrollTop ? bottom - height : Math.max(0, top - (one ? 0 : 4 * ROW_HEIGHT));
      // Across: an area only needs its left edge in view (an item's 52 weeks are wider than the screen).
      const end = one ? right : Math.min(right, left + COLUMN_WIDTH);
      if (left < el.scrollLeft) el.scrollLeft = Math.max(0, one ? left : left - FIRST_COLUMN_WIDTH);
      else if (end > el.scrollLeft + width) el.scrollLeft = end - width;
      measure();
    },
    [measure]
  );

  // The pane selected cells off screen (an item's rows): bring them into view.
  const box = selection.length
    ? selection.reduce((a, r) => ({
        top: Math.min(a.top, r.top),
        left: Math.min(a.left, r.left),
        bottom: Math.max(a.bottom, r.bottom),
        right: Math.max(a.right, r.right),
      }))
    : null;
  React.useEffect(() => {
    if (box) reveal(box);
  }, [box?.top, box?.left, box?.bottom, box?.right, active, reveal]);

  const focusCell = (r: number, c: number) => {
    setCursor([r, c]);
    props.onSelectCell(r, c);
    reveal({ top: r, left: c, bottom: r, right: c });
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

  const windowCols: number[] = [];
  for (let c = firstCol; c <= lastCol; c++) windowCols.push(c);
  const windowRows: number[] = [];
  for (let r = firstRow; r <= lastRow; r++) windowRows.push(r);
  const leftPad = columnX(firstCol);
  const rightPad = columnX(cols) - columnX(lastCol + 1);

  return (
    <div className="grid">
      <div className="tabs" role="tablist" aria-label="Sheets">
        {sheets.map((s) => (
          <button key={s} role="tab" aria-selected={s === active} className={s === active ? "tab active" : "tab"} onClick={() => props.onSelectSheet(s)}>
            {s}
          </button>
        ))}
      </div>
      <div className="scroll" ref={scroller} onScroll={measure}>
        <table
          aria-label={active}
          role="grid"
          aria-rowcount={rows + 1}
          aria-colcount={cols + 1}
          ref={table}
          style={{ width: HEADER_WIDTH + columnX(cols) }}
        >
          <colgroup>
            <col style={{ width: HEADER_WIDTH }} />
            <col style={{ width: leftPad }} />
            {windowCols.map((c) => (
              <col key={c} style={{ width: widthOf(c) }} />
            ))}
            <col style={{ width: rightPad }} />
          </colgroup>
          <thead>
            <tr>
              <th />
              <th className="pad" aria-hidden="true" />
              {windowCols.map((c) => (
                <th key={c}>{columnName(c)}</th>
              ))}
              <th className="pad" aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {firstRow > 0 && (
              <tr className="pad" aria-hidden="true" style={{ height: firstRow * ROW_HEIGHT }}>
                <td className="pad" colSpan={windowCols.length + 3} />
              </tr>
            )}
            {windowRows.map((r) => (
              <tr key={r} aria-rowindex={r + 2}>
                <th>{r + 1}</th>
                <td className="pad" aria-hidden="true" />
                {windowCols.map((c) => {
                  const cell = cells.get(`${r},${c}`);
                  const isSelected = within(selection, r, c);
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
                      aria-colindex={c + 2}
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
                <td className="pad" aria-hidden="true" />
              </tr>
            ))}
            {lastRow < rows - 1 && (
              <tr className="pad" aria-hidden="true" style={{ height: (rows - 1 - lastRow) * ROW_HEIGHT }}>
                <td className="pad" colSpan={windowCols.length + 3} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
