/**
 * Generates src/hosts/office/fake/generated/excelApiSets.json: for every class and interface of the
 * `Excel` namespace in @types/office-js, the requirement set each member belongs to, read from the
 * `[Api set: ExcelApi 1.x]` annotations of its doc comment (a member without one inherits its
 * class's). The fake Excel uses it to hide what a host profile lacks. Run `npm run gen:api-sets`
 * after updating @types/office-js; test/hosts/office/apiSets.test.ts checks the committed file is current.
 *
 * Annotations with several versions ("ExcelApi 1.1 for get, 1.8 for set", "1.1 / 1.3") give the
 * member's first version: the member exists from then on.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const OUTPUT = path.join("src", "hosts", "office", "fake", "generated", "excelApiSets.json");

/** "ExcelApi 1.9" → { set: "ExcelApi", version: "1.9" }; the first set/version named wins. */
function parseAnnotation(comment: string): string | null {
  const m = /\[Api set:\s*([^\]]+)\]/.exec(comment);
  if (!m) return null;
  const v = /\b(ExcelApi(?:Online|Desktop)?)\s+(\d+\.\d+)/.exec(m[1]!);
  if (v) return `${v[1]} ${v[2]}`;
  return /preview|beta/i.test(m[1]!) ? "ExcelApi Preview" : null;
}

function docOf(node: ts.Node, text: string): string | null {
  const ranges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  const docs = ranges.map((r) => text.slice(r.pos, r.end)).filter((c) => c.startsWith("/**"));
  return docs.length ? parseAnnotation(docs[docs.length - 1]!) : null;
}

function versionKey(s: string): number[] {
  const m = /(\d+)\.(\d+)$/.exec(s);
  return m ? [Number(m[1]), Number(m[2])] : [Infinity, Infinity];
}

/** The earlier of two annotations of one member (overloads); a numbered ExcelApi beats other sets. */
function earlier(a: string | undefined, b: string): string {
  if (a === undefined) return b;
  const setA = a.split(" ")[0];
  const setB = b.split(" ")[0];
  if (setA !== setB) return setA === "ExcelApi" ? a : setB === "ExcelApi" ? b : a;
  const [x1, y1] = versionKey(a);
  const [x2, y2] = versionKey(b);
  return x1! < x2! || (x1 === x2 && y1! <= y2!) ? a : b;
}

export interface ApiSetMap {
  source: string;
  /** Class or interface → member → "ExcelApi 1.9" (the key "" is the type itself). */
  types: Record<string, Record<string, string>>;
}

export function generate(dtsPath: string, source: string): ApiSetMap {
  const text = readFileSync(dtsPath, "utf8");
  const file = ts.createSourceFile(dtsPath, text, ts.ScriptTarget.Latest, false);
  const types: Record<string, Record<string, string>> = {};
  const visitNamespace = (body: ts.ModuleBlock) => {
    for (const st of body.statements) {
      if (!ts.isClassDeclaration(st) && !ts.isInterfaceDeclaration(st)) continue;
      const name = st.name?.text;
      if (!name) continue;
      const own = docOf(st, text);
      const members: Record<string, string> = types[name] ?? {};
      if (own) members[""] = own;
      for (const m of st.members) {
        const id = m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : null;
        if (!id || ts.isConstructorDeclaration(m)) continue;
        const ann = docOf(m, text) ?? own;
        if (ann) members[id] = earlier(members[id], ann);
      }
      types[name] = members;
    }
  };
  for (const st of file.statements) {
    // Only `declare namespace Excel { ... }` itself: its nested `Interfaces` namespace repeats
    // members as load/set option shapes and is skipped.
    if (ts.isModuleDeclaration(st) && st.name.text === "Excel" && st.body && ts.isModuleBlock(st.body)) visitNamespace(st.body);
  }
  const sorted = Object.fromEntries(
    Object.keys(types)
      .sort()
      .map((k) => [k, Object.fromEntries(Object.keys(types[k]!).sort().map((m) => [m, types[k]![m]!]))]),
  );
  return { source, types: sorted };
}

export function render(map: ApiSetMap): string {
  return JSON.stringify(map, null, 1) + "\n";
}

export function generateFromInstalled(root: string): string {
  const dir = path.join(root, "node_modules", "@types", "office-js");
  const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string };
  return render(generate(path.join(dir, "index.d.ts"), `@types/office-js ${pkg.version}`));
}

if (require.main === module) {
  const root = path.resolve(__dirname, "..");
  const out = path.join(root, OUTPUT);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, generateFromInstalled(root));
  process.stdout.write(`wrote ${OUTPUT}\n`);
}
