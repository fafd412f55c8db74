/**
 * Error subclasses survive the ES5 build (IE11): TypeScript's ES5 class emit calls Error as a
 * function, which returns a new object, so without the prototype fix `instanceof HostError` is
 * false and the pane shows the generic message instead of the cause.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { PROJECT_ROOT } from "../helpers/paths";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

test("every Error subclass the pane can load keeps its prototype (Object.setPrototypeOf(this, new.target.prototype))", () => {
  // src/cli runs in Node, src/hosts/wps in WPS's Chromium webview: never in IE11.
  const offenders = sources(path.join(PROJECT_ROOT, "src")).filter((f) => !/[\\/]src[\\/](cli|hosts[\\/]wps)[\\/]/.test(f)).filter((f) => {
    const s = readFileSync(f, "utf8");
    return /class \w+ extends Error\b/.test(s) && !s.includes("Object.setPrototypeOf(this, new.target.prototype)");
  });
  expect(offenders.map((f) => path.relative(PROJECT_ROOT, f))).toEqual([]);
});

test("HostError compiled to ES5 is still a HostError with its kind", () => {
  const src = readFileSync(path.join(PROJECT_ROOT, "src/workbook/hostErrors.ts"), "utf8");
  const js = ts.transpileModule(src, { compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.CommonJS } }).outputText;
  const mod: { exports: Record<string, unknown> } = { exports: {} };
  // The module's own imports are type-only or messages; give it a require that resolves them.
  new Function("exports", "module", "require", js)(mod.exports, mod, (id: string) => require(path.join(PROJECT_ROOT, "src/workbook", id)));
  const HostError = mod.exports.HostError as new (kind: string, message: string) => Error & { kind: string };
  const e = new HostError("cellEdit", "请先按 Enter 结束单元格编辑");
  expect(e instanceof HostError).toBe(true);
  expect(e.kind).toBe("cellEdit");
  expect(e.message).toBe("请先按 Enter 结束单元格编辑");
});
