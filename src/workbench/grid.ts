/**
 * A small editable spreadsheet view over the in-memory workbook: sheet tabs, a name box and
 * formula bar, column letters and row numbers, merged cells, and the current selection. Just
 * enough Excel to try the pane without Excel. Cell text is set with textContent only.
 */
import { h, replace } from "../pane/dom";

export interface GridCell {
  /** What Excel would show in the cell. */
  display: string;
  /** What the formula bar shows (formula or raw value). */
  input: string;
  /** Input cells of the template are unlocked; labels and formulas are locked. */
  locked: boolean;
  bold?: boolean;
  fill?: string | null;
  /** Text colour of a true conditional format ("#RRGGBB"). */
  color?: string;
  align?: "left" | "center" | "right";
  wrap?: boolean;
}

export interface GridMerge {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface GridSelection {
  sheet: string;
  /** Zero-based inclusive rectangles. */
  ranges: Array<{ row: number; col: number; rowCount: number; colCount: number }>;
}

/** What the grid needs from the workbook (implemented over the Excel fake in source.ts). */
export interface GridSource {
  sheetNames(): string[];
  activeSheet(): string | null;
  activate(sheet: string): void;
  size(sheet: string): { rows: number; cols: number };
  cell(sheet: string, row: number, col: number): GridCell;
  merges(sheet: string): GridMerge[];
  /** Width in pixels, or null for the default. */
  columnWidth(sheet: string, col: number): number | null;
  /** Hidden helper columns (the template's check and marker columns) are not drawn. */
  hiddenColumn(sheet: string, col: number): boolean;
  /** Type into a cell like a user (fires the workbook's change events). */
  enter(sheet: string, row: number, col: number, text: string): void;
  selection(): GridSelection | null;
  select(sheet: string, row: number, col: number): void;
  /** Cell-edit mode as Excel has it: on while typing in a cell, off on Enter, Tab, Esc or another cell. */
  editing?(on: boolean): void;
  /** Called after anything changed (values, sheets, selection); returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** One frame at 60 Hz: the grid is drawn at most this often while changes keep coming. */
const FRAME_MS = 16;

/** The row-number column (workbench.css .rowhead-col). */
const ROWHEAD_PX = 36;

export function columnName(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function address(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

export function rangeAddress(r: { row: number; col: number; rowCount: number; colCount: number }): string {
  const a = address(r.row, r.col);
  return r.rowCount === 1 && r.colCount === 1 ? a : `${a}:${address(r.row + r.rowCount - 1, r.col + r.colCount - 1)}`;
}

const MIN_ROWS = 30;
const MIN_COLS = 10;
/**
 * Rows and columns drawn at first; more are drawn as the view scrolls near the edge (and always
 * enough to show the cursor and the selection). The registers run to row 502 and helper columns
 * to CU: drawing all of them on every change made each keystroke there take seconds.
 */
const WINDOW_ROWS = 60;
const WINDOW_COLS = 26;
const GROW_ROWS = 100;
const GROW_COLS = 26;

export function mountGrid(root: HTMLElement, source: GridSource): { refresh(): void } {
  const nameBox = h("output", { class: "name-box", id: "name-box", attrs: { "aria-label": "名称框" } });
  const formula = h("input", { class: "formula-input", id: "formula-input", type: "text", attrs: { "aria-label": "编辑栏", autocomplete: "off", spellcheck: "false" } });
  const fx = h("span", { class: "fx", attrs: { "aria-hidden": "true" } }, "fx");
  const bar = h("div", { class: "formula-bar" }, nameBox, fx, formula);
  const scroller = h("div", { class: "grid-scroller", tabIndex: -1 });
  const tabs = h("div", { class: "sheet-tabs", role: "tablist", attrs: { "aria-label": "工作表" } });
  replace(root, bar, scroller, tabs);

  let cursor = { row: 0, col: 0 };
  /** How far the current sheet is drawn (grows with scrolling; reset when the sheet changes). */
  let drawn = { sheet: null as string | null, rows: WINDOW_ROWS, cols: WINDOW_COLS };

  function active(): string | null {
    return source.activeSheet();
  }

  function commit(move: { dr: number; dc: number } | null): void {
    source.editing?.(false);
    const sheet = active();
    if (!sheet) return;
    source.enter(sheet, cursor.row, cursor.col, formula.value);
    if (move) {
      cursor = { row: Math.max(0, cursor.row + move.dr), col: Math.max(0, cursor.col + move.dc) };
      source.select(sheet, cursor.row, cursor.col);
    }
    refresh();
    focusCell();
  }

  formula.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      ev.preventDefault();
      commit({ dr: ev.shiftKey ? -1 : 1, dc: 0 });
    } else if (ev.key === "Tab") {
      ev.preventDefault();
      commit({ dr: 0, dc: ev.shiftKey ? -1 : 1 });
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      source.editing?.(false);
      refresh();
      focusCell();
    }
  });

  function focusCell(): void {
    scroller.querySelector<HTMLElement>(`td[data-row="${cursor.row}"][data-col="${cursor.col}"]`)?.focus({ preventScroll: false });
  }

  // Typing in the formula bar is Excel's cell-edit mode (focus moving to the pane does not end it).
  formula.addEventListener("input", () => source.editing?.(true));

  function pick(row: number, col: number): void {
    source.editing?.(false);
    const sheet = active();
    if (!sheet) return;
    cursor = { row, col };
    source.select(sheet, row, col);
  }

  scroller.addEventListener("click", (ev) => {
    const td = (ev.target as HTMLElement).closest("td[data-row]");
    if (!td) return;
    pick(Number(td.getAttribute("data-row")), Number(td.getAttribute("data-col")));
  });
  scroller.addEventListener("dblclick", () => {
    formula.focus();
    formula.select();
  });
  scroller.addEventListener("keydown", (ev) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Enter: [1, 0], Tab: [0, 1] };
    const m = moves[ev.key];
    if (m) {
      ev.preventDefault();
      pick(Math.max(0, cursor.row + m[0]), Math.max(0, cursor.col + m[1]));
      focusCell();
    } else if (ev.key === "F2") {
      ev.preventDefault();
      formula.focus();
    } else if (ev.key === "Delete" || ev.key === "Backspace") {
      ev.preventDefault();
      formula.value = "";
      commit(null);
    } else if (ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      // Typing on a cell starts editing it, as in Excel.
      ev.preventDefault();
      formula.value = ev.key;
      formula.focus();
    }
  });

  function renderTabs(): void {
    const current = active();
    replace(
      tabs,
      ...source.sheetNames().map((name) =>
        h(
          "button",
          {
            type: "button",
            class: `sheet-tab${name === current ? " active" : ""}`,
            role: "tab",
            attrs: { "aria-selected": name === current ? "true" : "false", "data-sheet": name },
            on: {
              click: () => {
                source.activate(name);
                cursor = { row: 0, col: 0 };
              },
            },
          },
          name,
        ),
      ),
    );
  }

  function selectedSet(sheet: string): Set<string> {
    const sel = source.selection();
    const set = new Set<string>();
    if (!sel || sel.sheet !== sheet) return set;
    for (const r of sel.ranges) for (let i = 0; i < r.rowCount; i++) for (let j = 0; j < r.colCount; j++) set.add(`${r.row + i}:${r.col + j}`);
    return set;
  }

  function renderGrid(): void {
    const sheet = active();
    if (!sheet) {
      replace(scroller, h("p", { class: "grid-empty" }, "没有工作表。"));
      return;
    }
    const size = source.size(sheet);
    if (drawn.sheet !== sheet) drawn = { sheet, rows: WINDOW_ROWS, cols: WINDOW_COLS };
    const sel = source.selection();
    let needRow = cursor.row;
    let needCol = cursor.col;
    for (const r of sel && sel.sheet === sheet ? sel.ranges : []) {
      needRow = Math.max(needRow, r.row + r.rowCount - 1);
      needCol = Math.max(needCol, r.col + r.colCount - 1);
    }
    drawn.rows = Math.max(drawn.rows, needRow + 20);
    drawn.cols = Math.max(drawn.cols, needCol + 5);
    const allRows = Math.max(MIN_ROWS, size.rows + 3);
    const allCols = Math.max(MIN_COLS, size.cols);
    const rows = Math.min(allRows, drawn.rows);
    const cols = Math.min(allCols, drawn.cols);
    more = { rows: rows < allRows, cols: cols < allCols };
    const covered = new Set<string>();
    const spanAt = new Map<string, GridMerge>();
    for (const m of source.merges(sheet)) {
      if (m.row >= rows || m.col >= cols || source.hiddenColumn(sheet, m.col)) continue;
      // A merge reaching past the drawn part is drawn up to its edge.
      const clipped = { ...m, rows: Math.min(m.rows, rows - m.row), cols: Math.min(m.cols, cols - m.col) };
      spanAt.set(`${m.row}:${m.col}`, clipped);
      for (let i = 0; i < clipped.rows; i++) for (let j = 0; j < clipped.cols; j++) if (i || j) covered.add(`${m.row + i}:${m.col + j}`);
    }
    const selected = selectedSet(sheet);
    const visible = Array.from({ length: cols }, (_, c) => c).filter((c) => !source.hiddenColumn(sheet, c));
    const colgroup = h("colgroup", {}, h("col", { class: "rowhead-col" }));
    let tableWidth = ROWHEAD_PX;
    for (const c of visible) {
      const col = h("col");
      const w = Math.round(source.columnWidth(sheet, c) ?? 72);
      col.style.width = `${w}px`;
      tableWidth += w;
      colgroup.append(col);
    }
    const head = h("tr", {}, h("th", { class: "corner" }));
    for (const c of visible) head.append(h("th", { class: "colhead", attrs: { scope: "col" } }, columnName(c)));
    const body = h("tbody");
    for (let r = 0; r < rows; r++) {
      const tr = h("tr", {}, h("th", { class: "rowhead", attrs: { scope: "row" } }, String(r + 1)));
      for (const c of visible) {
        const key = `${r}:${c}`;
        if (covered.has(key)) continue;
        const cell = r < size.rows && c < size.cols ? source.cell(sheet, r, c) : null;
        const span = spanAt.get(key);
        const classes = ["cell"];
        if (cell && !cell.locked) classes.push("input-cell");
        if (cell?.bold) classes.push("bold");
        if (cell?.wrap) classes.push("wrap");
        if (cell?.align) classes.push(`align-${cell.align}`);
        if (selected.has(key)) classes.push("selected");
        if (r === cursor.row && c === cursor.col) classes.push("cursor");
        const td = h(
          "td",
          {
            class: classes.join(" "),
            tabIndex: r === cursor.row && c === cursor.col ? 0 : -1,
            attrs: {
              "data-row": r,
              "data-col": c,
              "data-address": address(r, c),
              rowspan: span && span.rows > 1 ? span.rows : null,
              colspan: span && span.cols > 1 ? span.cols : null,
              title: cell?.display && cell.display.length > 12 ? cell.display : null,
            },
          },
          cell?.display ?? "",
        );
        if (cell?.fill) {
          // Excel keeps filled cells light in a dark theme, with dark text on them.
          td.style.backgroundColor = cell.fill;
          td.style.color = "#242424";
        }
        if (cell?.color) td.style.color = cell.color;
        tr.append(td);
      }
      body.append(tr);
    }
    const table = h("table", { class: "grid", role: "grid", attrs: { "aria-label": sheet } }, colgroup, h("thead", {}, head), body);
    // table-layout: fixed holds the columns' widths only with the table's own width set; without it
    // the browser shrinks wrapped columns (编号, 申请人) to one character a line.
    table.style.width = `${tableWidth}px`;
    const scroll = { top: scroller.scrollTop, left: scroller.scrollLeft };
    replace(scroller, table);
    scroller.scrollTop = scroll.top;
    scroller.scrollLeft = scroll.left;
    // A new selection (the pane's select, Enter moving down) is brought into view, as Excel does:
    // once per frame, since measuring forces a layout (a template built step by step redraws often).
    const selKey = JSON.stringify(sel && sel.sheet === sheet ? sel.ranges : null) + sheet;
    if (selKey !== lastSelection) {
      lastSelection = selKey;
      if (!revealQueued) {
        revealQueued = true;
        requestAnimationFrame(() => {
          revealQueued = false;
          const now = source.selection();
          const first = now && now.sheet === active() ? now.ranges[0] : undefined;
          const td = first ? scroller.querySelector<HTMLElement>(`td[data-row="${first.row}"][data-col="${first.col}"]`) : null;
          if (td) reveal(td);
        });
      }
    }
  }

  let lastSelection = "";
  let revealQueued = false;
  /** Scrolls the grid (never the page) so that `td` is visible below the column letters and right of the row numbers. */
  function reveal(td: HTMLElement): void {
    const view = scroller.getBoundingClientRect();
    const cell = td.getBoundingClientRect();
    const top = view.top + (scroller.querySelector("thead")?.getBoundingClientRect().height ?? 0);
    const left = view.left + (scroller.querySelector("th.rowhead")?.getBoundingClientRect().width ?? 0);
    const bottom = view.top + scroller.clientHeight;
    const right = view.left + scroller.clientWidth;
    if (cell.top < top || cell.height > bottom - top) scroller.scrollTop -= top - cell.top;
    else if (cell.bottom > bottom) scroller.scrollTop += cell.bottom - bottom;
    if (cell.left < left || cell.width > right - left) scroller.scrollLeft -= left - cell.left;
    else if (cell.right > right) scroller.scrollLeft += cell.right - right;
  }

  function renderBar(): void {
    const sheet = active();
    const sel = source.selection();
    if (sel && sheet && sel.sheet === sheet && sel.ranges[0]) {
      const r0 = sel.ranges[0];
      // Follow selections made by the pane (port.select) so the formula bar shows that cell.
      if (!(cursor.row >= r0.row && cursor.row < r0.row + r0.rowCount && cursor.col >= r0.col && cursor.col < r0.col + r0.colCount)) {
        cursor = { row: r0.row, col: r0.col };
      }
      nameBox.textContent = sel.ranges.map(rangeAddress).join(",");
    } else {
      nameBox.textContent = address(cursor.row, cursor.col);
    }
    const size = sheet ? source.size(sheet) : { rows: 0, cols: 0 };
    formula.value = sheet && cursor.row < size.rows && cursor.col < size.cols ? source.cell(sheet, cursor.row, cursor.col).input : "";
  }

  let more = { rows: false, cols: false };
  scroller.addEventListener("scroll", () => {
    const nearBottom = more.rows && scroller.scrollTop + scroller.clientHeight > scroller.scrollHeight - 300;
    const nearRight = more.cols && scroller.scrollLeft + scroller.clientWidth > scroller.scrollWidth - 300;
    if (!nearBottom && !nearRight) return;
    if (nearBottom) drawn.rows += GROW_ROWS;
    if (nearRight) drawn.cols += GROW_COLS;
    renderGrid();
  });

  let stale = false;
  let lastDraw = -Infinity;
  let frameQueued = false;
  function refresh(): void {
    stale = false;
    lastDraw = performance.now();
    renderTabs();
    renderBar();
    renderGrid();
  }

  function draw(): void {
    if (!stale) return;
    stale = false;
    lastDraw = performance.now();
    // Do not clobber what the user is typing in the formula bar.
    if (document.activeElement === formula) {
      renderTabs();
      renderGrid();
    } else refresh();
  }

  // Changes come in bursts (a write, its event, the pane's selection): draw once per burst, and
  // during a storm of bursts (Office 2019's template built step by step: about 3 000 of them) at
  // most once a frame. A single edit is still drawn at once.
  source.subscribe(() => {
    if (stale) return;
    stale = true;
    queueMicrotask(() => {
      if (!stale) return;
      if (performance.now() - lastDraw >= FRAME_MS) return draw();
      if (frameQueued) return;
      frameQueued = true;
      requestAnimationFrame(() => {
        frameQueued = false;
        draw();
      });
    });
  });
  refresh();
  return { refresh };
}
