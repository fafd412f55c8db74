/**
 * HyperFormula, when it wires a formula to a range (`$A$3:$O$502`, the 1744-row calendar), walks
 * every cell of the range to add its edges — again for each formula naming a range that is already
 * wired, and again for each time one formula names it. The template's registers name a wired
 * range about 7 000 times (every row names the calendar ten times: 8.7 million cell visits for
 * the calendar alone), more than half of inserting the template into the fake, and of building a
 * workbook from a snapshot.
 *
 * For a range that already has its vertex in the graph, the walk adds nothing: every cell of the
 * range got its vertex and its edge when the range was first wired, and HyperFormula keeps those
 * edges when a cell's content changes or rows move. So a formula naming such a range only gets the
 * range's edge to itself. Ranges wired for the first time, and infinite ranges (A:A, 1:1), go
 * through HyperFormula's own code. Values and errors are the same: the graph has the same
 * dependencies (test/hosts/office/rangeReuse.test.ts recalculates a workbook both ways).
 *
 * It patches HyperFormula's DependencyGraph (internal API, checked by that test on upgrades) and
 * is used only by the fake workbook, in tests and the workbench, like HyperFormula itself.
 */
import { HyperFormula } from "hyperformula";

type Graph = HyperFormula["dependencyGraph"];
type Dependencies = Parameters<Graph["processCellDependencies"]>[0];
type Vertex = Parameters<Graph["processCellDependencies"]>[1];

/** Whether formulas reuse wired ranges (tests turn it off to compare with HyperFormula alone). */
export const rangeReuse = { enabled: true, installed: false };
let tried = false;

/** Put the shortcut into HyperFormula's graph (once; before the first workbook is built). */
export function installRangeReuse(): void {
  if (tried) return;
  tried = true;
  const proto = Object.getPrototypeOf(HyperFormula.buildEmpty({ licenseKey: "gpl-v3" }).dependencyGraph) as Graph;
  const original = proto.processCellDependencies;
  if (typeof original !== "function" || typeof proto.getRange !== "function") return; // HyperFormula changed: its own code runs
  proto.processCellDependencies = function (this: Graph, dependencies: Dependencies, endVertex: Vertex): void {
    if (!rangeReuse.enabled) return original.call(this, dependencies, endVertex);
    for (const dep of dependencies) {
      if ("start" in dep && "end" in dep && dep.isFinite()) {
        const wired = this.getRange(dep.start, dep.end);
        if (wired?.idInGraph !== undefined) {
          this.graph.addEdge(wired, endVertex);
          continue;
        }
      }
      original.call(this, [dep], endVertex);
    }
  };
  rangeReuse.installed = true;
}
