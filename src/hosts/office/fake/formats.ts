/**
 * Range and sheet formatting on the fake, as the 1.1–1.8 template builder writes it
 * (src/hosts/office/buildTemplateViaApi.ts): fill, font, alignment, wrap, borders, column width and row
 * height, hidden columns, merge, format.protection.locked, conditional formats (1.6), data
 * validation (1.8), frozen panes (1.7), gridlines (1.8). Every member is gated by the host
 * profile through the generated requirement-set map, like the rest of the fake. The model keeps
 * what the readers need (locks, merges, the style hints xlsxImport also reads) with their real
 * effect, and records the rest (FakeAppearance) without rendering it.
 * Writes are queued and applied at sync; on a protected sheet a format change fails unless the
 * protection allows formatting cells (Excel's behaviour; the builder protects last).
 */
import { pointsToWidth } from "../../../template/columnWidth";
import { rectAddress, type Rect } from "../../../template/address";
import { FakeOfficeError } from "../../../workbook/memory/errors";
import type { FakeAppearance, FakeSheet, FakeWorkbookModel } from "../../../workbook/memory/model";

/** What a format proxy needs from its range or sheet. */
export interface FormatTarget {
  context: {
    model: FakeWorkbookModel;
    enqueue(action: () => void): void;
    instantiate(): void;
    gated<T extends object>(target: T, type: string): T;
  };
  resolve(): { sheet: FakeSheet; rect: Rect };
}

function assertFormattable(sheet: FakeSheet): void {
  if (sheet.protected && !sheet.protectionOptions.allowFormatCells) {
    throw new FakeOfficeError("AccessDenied", `The cell you're trying to change is on a protected sheet (${sheet.name}).`);
  }
}

/** An object of write-through properties: each assignment is applied at sync by `apply`. */
function props<T extends object>(target: FormatTarget, type: string, names: readonly string[], apply: (name: string, value: unknown, sheet: FakeSheet, rect: Rect) => void, extra: object = {}): T {
  const values = new Map<string, unknown>();
  const obj: Record<string, unknown> = { ...extra };
  for (const name of names) {
    Object.defineProperty(obj, name, {
      enumerable: true,
      get: () => values.get(name),
      set: (v: unknown) => {
        values.set(name, v);
        target.context.enqueue(() => {
          const { sheet, rect } = target.resolve();
          assertFormattable(sheet);
          apply(name, v, sheet, rect);
        });
      },
    });
  }
  return target.context.gated(obj as T, type);
}

const hex = (v: unknown): string | null => (typeof v === "string" && /^#[0-9A-F]{6}$/i.test(v) ? `#${v.slice(1).toUpperCase()}` : null);

function checkColor(v: unknown): string {
  const c = hex(v);
  if (!c) throw new FakeOfficeError("InvalidArgument", `Invalid color ${String(v)} (the fake accepts #RRGGBB).`);
  return c;
}

const H_ALIGN: Record<string, "left" | "center" | "right"> = { Left: "left", Center: "center", Right: "right" };

function record(model: FakeWorkbookModel, sheet: FakeSheet, fn: (a: FakeAppearance) => void): void {
  model.changeAppearance(sheet, fn);
}

/** Range.format with its sub-objects. */
export function rangeFormat(target: FormatTarget, protection: object): object {
  const m = () => target.context.model;
  const fill = props(target, "RangeFill", ["color"], (_n, v, sheet, rect) => m().setCellFormat(sheet, rect, { style: { fill: checkColor(v) } }));
  const font = props(target, "RangeFont", ["name", "size", "bold", "color", "italic"], (n, v, sheet, rect) => {
    if (n === "bold") m().setCellFormat(sheet, rect, { style: { bold: Boolean(v) } });
    else if (n === "color") m().setCellFormat(sheet, rect, { style: { fontColor: checkColor(v) } });
    else record(m(), sheet, (a) => void (a.fonts[rectAddress(rect)] = { ...a.fonts[rectAddress(rect)], [n]: v }));
  });
  const borderItems = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical", "DiagonalDown", "DiagonalUp"];
  const borders = target.context.gated(
    {
      getItem: (index: string) => {
        if (!borderItems.includes(index)) throw new FakeOfficeError("InvalidArgument", `Unknown border ${index}.`);
        target.context.instantiate();
        return props(target, "RangeBorder", ["style", "weight", "color"], (n, v, sheet, rect) =>
          record(m(), sheet, (a) => void (a.borders[`${rectAddress(rect)}|${index}`] = { ...a.borders[`${rectAddress(rect)}|${index}`], [n]: n === "color" ? checkColor(v) : v })),
        );
      },
    },
    "RangeBorderCollection",
  );
  return props(
    target,
    "RangeFormat",
    ["horizontalAlignment", "verticalAlignment", "wrapText", "columnWidth", "rowHeight"],
    (n, v, sheet, rect) => {
      if (n === "horizontalAlignment") {
        const align = H_ALIGN[String(v)];
        if (align) m().setCellFormat(sheet, rect, { style: { align } });
      } else if (n === "wrapText") m().setCellFormat(sheet, rect, { style: { wrap: Boolean(v) } });
      else if (n === "verticalAlignment") record(m(), sheet, (a) => void (a.fonts[rectAddress(rect)] = { ...a.fonts[rectAddress(rect)], verticalAlignment: v }));
      else if (n === "columnWidth") {
        record(m(), sheet, (a) => {
          for (let c = rect.left; c <= rect.right; c++) a.columnPoints[c] = Number(v);
        });
        // Shown like a width read from an .xlsx (characters of the default font: 7 px, 0.75 pt per px),
        // so the API-built template is drawn with the inserted one's columns.
        for (let c = rect.left; c <= rect.right; c++) sheet.widths.set(c, pointsToWidth(Number(v)));
      }
      else if (n === "rowHeight") record(m(), sheet, (a) => {
        for (let r = rect.top; r <= rect.bottom; r++) a.rowPoints[r] = Number(v);
      });
    },
    { fill, font, borders, protection },
  );
}

/** Range.merge(across) (1.2). */
export function mergeRange(target: FormatTarget, across = false): void {
  target.context.enqueue(() => {
    const { sheet, rect } = target.resolve();
    assertFormattable(sheet);
    target.context.model.merge(sheet, rect, across);
  });
}

/** Range.columnHidden = true|false (1.2): whole columns only. */
export function setColumnHidden(target: FormatTarget, hidden: boolean): void {
  target.context.enqueue(() => {
    const { sheet, rect } = target.resolve();
    assertFormattable(sheet);
    for (let c = rect.left; c <= rect.right; c++) {
      if (hidden) sheet.hiddenColumns.add(c);
      else sheet.hiddenColumns.delete(c);
    }
  });
}

/** FormatProtection.locked = … (1.2): a lock change on a protected sheet fails, as in Excel. */
export function setLocked(target: FormatTarget, locked: boolean): void {
  target.context.enqueue(() => {
    const { sheet, rect } = target.resolve();
    if (sheet.protected) throw new FakeOfficeError("AccessDenied", `The cell you're trying to change is on a protected sheet (${sheet.name}).`);
    target.context.model.setCellFormat(sheet, rect, { locked: Boolean(locked) });
  });
}

/** Range.conditionalFormats (1.6): add("Custom") with rule.formula, format.fill / font, priority. */
export function conditionalFormats(target: FormatTarget): object {
  const m = () => target.context.model;
  return target.context.gated(
    {
      add: (type: string) => {
        if (type !== "Custom") throw new FakeOfficeError("InvalidArgument", `The fake models only custom conditional formats, not ${type}.`);
        let entry: FakeAppearance["conditionalFormats"][number] | null = null;
        target.context.enqueue(() => {
          const { sheet, rect } = target.resolve();
          assertFormattable(sheet);
          entry = { address: rectAddress(rect), type, formula: null, fill: null, fontColor: null, bold: null, priority: null };
          const e = entry;
          record(m(), sheet, (a) => void a.conditionalFormats.push(e));
        });
        const update = (patch: Partial<NonNullable<typeof entry>>) => () => {
          if (!entry) throw new FakeOfficeError("InvalidOperation", "The conditional format was not added.");
          Object.assign(entry, patch);
        };
        const on = (type: string, names: string[], f: (n: string, v: unknown) => Partial<NonNullable<typeof entry>>) =>
          props(target, type, names, (n, v) => update(f(n, v))());
        const rule = on("ConditionalFormatRule", ["formula"], (_n, v) => {
          if (typeof v !== "string" || !v.startsWith("=")) throw new FakeOfficeError("InvalidArgument", `A conditional format formula starts with "=": ${String(v)}.`);
          return { formula: v };
        });
        const cfFill = on("ConditionalRangeFill", ["color"], (_n, v) => ({ fill: checkColor(v) }));
        const cfFont = on("ConditionalRangeFont", ["color", "bold"], (n, v) => (n === "color" ? { fontColor: checkColor(v) } : { bold: Boolean(v) }));
        const format = target.context.gated({ fill: cfFill, font: cfFont }, "ConditionalRangeFormat");
        const custom = target.context.gated({ rule, format }, "CustomConditionalFormat");
        return props(target, "ConditionalFormat", ["priority", "stopIfTrue"], (n, v) => update(n === "priority" ? { priority: Number(v) } : {})(), { custom });
      },
    },
    "ConditionalFormatCollection",
  );
}

/** Range.dataValidation (1.8): rule, prompt, errorAlert, ignoreBlanks. */
export function dataValidation(target: FormatTarget): object {
  return props(target, "DataValidation", ["rule", "prompt", "errorAlert", "ignoreBlanks"], (n, v, sheet, rect) =>
    record(target.context.model, sheet, (a) => {
      const address = rectAddress(rect);
      let e = a.validations.find((x) => x.address === address);
      if (!e) {
        e = { address, rule: null, prompt: null, errorAlert: null, ignoreBlanks: null };
        a.validations.push(e);
      }
      (e as Record<string, unknown>)[n] = v;
    }),
  );
}

/** Worksheet.freezePanes (1.7); `target.resolve()` gives the sheet (its rect is unused). */
export function freezePanes(target: FormatTarget): object {
  const set = (size: () => { rows: number; cols: number }) =>
    target.context.enqueue(() => {
      const { sheet } = target.resolve();
      const f = size();
      record(target.context.model, sheet, (a) => void (a.freeze = f));
    });
  return target.context.gated(
    {
      freezeRows: (n = 1) => set(() => ({ rows: n, cols: 0 })),
      freezeColumns: (n = 1) => set(() => ({ rows: 0, cols: n })),
      freezeAt: (range: { resolve(): { rect: Rect } }) =>
        set(() => {
          const r = range.resolve().rect;
          return { rows: r.bottom, cols: r.right };
        }),
      unfreeze: () => set(() => ({ rows: 0, cols: 0 })),
    },
    "WorksheetFreezePanes",
  );
}

/** Worksheet.showGridlines = … (1.8). */
export function setShowGridlines(target: FormatTarget, show: boolean): void {
  target.context.enqueue(() => {
    const { sheet } = target.resolve();
    record(target.context.model, sheet, (a) => void (a.showGridlines = Boolean(show)));
  });
}
