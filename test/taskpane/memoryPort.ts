/**
 * A WorkbookPort test double for the pane controller: a report held in memory, counters for
 * reads and selections, and handles to fire change/activation events. (The Excel object-model
 * fake under src/excel/fake is for the adapter; the controller only needs the port.)
 */
import type { HostCapabilities, InsertOutcome, ReadOutcome, TemplateSheets, WorkbookPort } from "../../src/excel/port";
import { emptyReport, type Report } from "../../src/report";

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
