/**
 * The zlib stand-in for tiny-inflate (src/document/inflateNode.ts) gives tiny-inflate's bytes for
 * every table fontkit, unicode-properties and linebreak inflate when pdfmake loads, and keeps its
 * contract on short and long results; installed, it is what those packages' unicode-trie gets.
 */
import { execFileSync } from "node:child_process";
import { deflateRawSync } from "node:zlib";
import { inflateInto } from "../../src/document/inflateNode";
import { PROJECT_ROOT } from "../helpers/paths";

type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;
const calls: Array<{ source: Uint8Array; length: number }> = [];

// A recording tiny-inflate for this test's module registry: every call pdfmake's packages make.
jest.mock("tiny-inflate", () => {
  const actual = jest.requireActual<Inflate>("tiny-inflate");
  return (source: Uint8Array, dest: Uint8Array) => {
    calls.push({ source: Uint8Array.from(source), length: dest.length });
    return actual(source, dest);
  };
});

const tinyInflate = jest.requireActual<Inflate>("tiny-inflate");

test("every table pdfmake's packages inflate comes out the same", () => {
  require("pdfmake");
  require("fontkit");
  require("linebreak");
  expect(calls.length).toBeGreaterThanOrEqual(8);
  for (const [i, c] of calls.entries()) {
    const ours = inflateInto(c.source, new Uint8Array(c.length));
    const theirs = tinyInflate(c.source, new Uint8Array(c.length));
    expect([i, ours.length, Buffer.from(ours).equals(Buffer.from(theirs))]).toEqual([i, theirs.length, true]);
  }
});

test.each([
  ["exactly the space given", 1000, 1000],
  ["shorter than the space given (a copy of its length)", 600, 1000],
  ["longer than the space given (cut to it)", 1000, 600],
])("a result %s, as tiny-inflate returns it", (_name, size, space) => {
  const data = Uint8Array.from({ length: size }, (_, i) => (i * 31) % 251);
  const packed = deflateRawSync(data);
  const theirs = tinyInflate(packed, new Uint8Array(space));
  const ours = inflateInto(packed, new Uint8Array(space));
  expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
  expect(ours.length).toBe(theirs.length);
});

test("damaged data throws, as tiny-inflate does", () => {
  const bad = Uint8Array.from([0xff, 0xff, 0xff, 0xff]);
  expect(() => tinyInflate(bad, new Uint8Array(10))).toThrow();
  expect(() => inflateInto(bad, new Uint8Array(10))).toThrow();
});

test("installed before pdfmake loads, unicode-trie under fontkit and linebreak gets it", () => {
  // A fresh Node (not jest's registry): install, load pdfmake, ask the module cache.
  const script = `
    const { installNativeInflate, inflateInto } = require("./src/document/inflateNode.ts");
    installNativeInflate();
    require("pdfmake");
    const { createRequire } = require("node:module");
    const pdfmake = createRequire(require.resolve("pdfmake"));
    const fontkit = createRequire(createRequire(pdfmake.resolve("pdfkit")).resolve("fontkit"));
    const trie = createRequire(fontkit.resolve("unicode-trie"));
    const lb = createRequire(createRequire(pdfmake.resolve("linebreak")).resolve("unicode-trie"));
    process.stdout.write(String(trie("tiny-inflate") === inflateInto && lb("tiny-inflate") === inflateInto));
  `;
  const out = execFileSync(process.execPath, ["--require", "tsx/cjs", "-e", script], { cwd: PROJECT_ROOT, encoding: "utf8" });
  expect(out).toBe("true");
});
