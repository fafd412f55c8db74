/**
 * A WorkbookPort test double for the pane controller: a report held in memory, counters for
 * reads and selections, and handles to fire change/activation events. (The Excel object-model
 * fake under src/hosts/office/fake is for the adapter; the controller only needs the port.)
 */
import type { HostCapabilities, InputWrites, InsertOutcome, ReadOutcome, TemplateSheets, WorkbookPort, WriteOutcome } from "../../src/workbook/port";
import { normalizeText } from "../../src/workbook/writePlan";
import { emptyReport, type Report } from "../../src/report";
import { mountPane, type PaneController } from "../../src/pane/app";

/** The controller on a port, with the real lazy 结转/导入 module and no view (30 June 2025). */
export function mountWithoutView(port: WorkbookPort): PaneController {
  return mountPane({} as HTMLElement, {
    port,
    host: { templateUrl: "https://localhost:3000/template/xxgk-template.xlsx", now: () => Date.UTC(2025, 5, 30) },
    loadTransfer: () => import("../../src/pane/transferModule"),
    createView: () => ({ root: {} as HTMLElement, update: () => undefined }),
  });
}

export const FULL_TEMPLATE: TemplateSheets = {
  sheets: { meta: "封面", text: "正文", t2: "表二", t3: "表三", t4: "表四" },
  formatVersion: "2021",
  templateVersion: "1",
  missing: [],
};

export class MemoryPort implements WorkbookPort {
  report: Report | null = null;
  template: TemplateSheets | null = null;
  caps: HostCapabilities = { insertTemplate: true, openBrowserWindow: false, platform: "OfficeOnline" };
  reads = 0;
  selections: string[][] = [];
  inserts: Array<{ year: number; agency: string }> = [];
  changeHandlers = new Set<() => void>();
  activateHandlers = new Set<() => void>();
  /** Resolve reads manually when set (to test edits during a pass). */
  gate: Promise<void> | null = null;
  failNextRead: Error | null = null;

  capabilities(): HostCapabilities {
    return this.caps;
  }
  async findTemplate(): Promise<TemplateSheets | null> {
    return this.template;
  }
  async insertTemplate(opts: { year: number; agency: string; copy?: boolean }): Promise<InsertOutcome> {
    this.inserts.push({ year: opts.year, agency: opts.agency });
    if (!this.caps.insertTemplate) return { kind: "unsupported", reason: "" };
    if (this.template) return { kind: "exists", existing: this.template };
    this.template = FULL_TEMPLATE;
    this.report = emptyReport("2021", { agency: opts.agency || null, year: opts.year });
    return { kind: "inserted", sheets: Object.values(FULL_TEMPLATE.sheets) as string[], syncs: 2 };
  }
  async readReport(): Promise<ReadOutcome> {
    this.reads++;
    if (this.gate) await this.gate;
    if (this.failNextRead) {
      const e = this.failNextRead;
      this.failNextRead = null;
      throw e;
    }
    return { report: this.report ? structuredClone(this.report) : null, findings: [], template: this.template, syncs: 1 };
  }
  writes: InputWrites[] = [];
  /** Refuse the next write with this reason. */
  refuseNextWrite: string | null = null;
  async writeInputs(w: InputWrites): Promise<WriteOutcome> {
    this.writes.push(w);
    if (!this.report) return { kind: "refused", reason: "no template", written: 0, syncs: 0 };
    if (this.refuseNextWrite) {
      const reason = this.refuseNextWrite;
      this.refuseNextWrite = null;
      return { kind: "refused", reason, written: 0, syncs: 1 };
    }
    const r = this.report;
    const textOf = (k: string) => (k === "OPENING" ? r.opening : (r.sections[k as "S1"]?.text ?? null));
    const changed = [
      ...Object.entries(w.expect?.cells ?? {}).filter(([k, v]) => (r.cells[k] ?? null) !== v).map(([k]) => k),
      ...Object.entries(w.expect?.sections ?? {}).filter(([k, v]) => normalizeText(textOf(k)) !== normalizeText(v)).map(([k]) => k),
      ...Object.entries(w.expect?.meta ?? {})
        .filter(([f, v]) => (r.meta[f as "agency"] ?? null) !== v)
        .map(([f]) => `META.${f.toUpperCase()}`),
    ];
    // Register rows, as the adapters check them (changedRegisterRows): blank is blank, else equal.
    const grid = (role: "apps" | "cases") => (role === "apps" ? r.registers?.applications : r.registers?.cases) ?? null;
    const blank = (v: unknown) => v === null || v === undefined || v === "";
    for (const role of ["apps", "cases"] as const) {
      const g = grid(role);
      for (const [row, want] of Object.entries(w.expect?.registerRows?.[role] ?? {})) {
        const now = g?.rows[Number(row) - g.firstLine] ?? [];
        const width = Math.max(want.length, now.length);
        const same = Array.from({ length: width }, (_, j) => [want[j], now[j]]).every(([a, b]) => (blank(a) ? blank(b) : a === b));
        if (!same) changed.push(`${role === "apps" ? "LEDGER.APP" : "LEDGER.CASE"}.${row}`);
      }
    }
    if (changed.length) return { kind: "changed", changed, written: 0, syncs: 1 };
    let written = 0;
    for (const role of ["apps", "cases"] as const) {
      const g = grid(role);
      for (const [row, cells] of Object.entries(w.registerRows?.[role] ?? {})) {
        if (!g) return { kind: "refused", reason: "no register", written: 0, syncs: 1 };
        const i = Number(row) - g.firstLine;
        while (g.rows.length <= i) g.rows.push([]);
        g.rows[i] = cells.every(blank) ? [] : [...cells];
        written += cells.length;
      }
    }
    for (const [k, v] of Object.entries(w.cells ?? {})) {
      r.cells[k] = v;
      written++;
    }
    for (const [k, t] of Object.entries(w.sections ?? {})) {
      const text = normalizeText(t);
      if (k === "OPENING") r.opening = text || null;
      else r.sections[k as "S1"] = { heading: k, text };
      written++;
    }
    if (w.meta?.agency !== undefined) r.meta.agency = w.meta.agency;
    if (w.meta?.year !== undefined) r.meta.year = w.meta.year;
    if (w.meta?.contact !== undefined) r.meta.contact = w.meta.contact;
    if (w.priorFigures !== undefined) r.priorFigures = w.priorFigures;
    return { kind: "written", written, syncs: 2, notes: [] };
  }
  async select(keys: string[]): Promise<void> {
    this.selections.push(keys);
  }
  async onChanged(handler: () => void): Promise<() => Promise<void>> {
    this.changeHandlers.add(handler);
    return async () => void this.changeHandlers.delete(handler);
  }
  async onActivated(handler: () => void): Promise<() => Promise<void>> {
    this.activateHandlers.add(handler);
    return async () => void this.activateHandlers.delete(handler);
  }
  /** Simulate an edit: change a cell and fire onChanged like Excel (possibly with no details). */
  edit(key: string, value: number | string | null): void {
    if (!this.report) throw new Error("no report");
    this.report.cells[key] = value;
    for (const h of this.changeHandlers) h();
  }
  activate(): void {
    for (const h of this.activateHandlers) h();
  }
}
