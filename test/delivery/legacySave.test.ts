/**
 * Saving on Office 2019 volume-licensed (IE11 webview, no OpenBrowserWindowApi): IE's own save
 * prompt (navigator.msSaveOrOpenBlob) when the webview has it; otherwise, or when it fails, the
 * hand-off to the real server and a one-time link the clerk clicks.
 */
import { saveFile, type SaveEnv } from "../../src/delivery/saveFile";
import { startServer } from "../helpers/server";

const DOCX = new Blob([Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
const NAME = "某某区人民政府办公室2025年政府信息公开工作年度报告.docx";

async function withServer(fn: (base: string) => Promise<void>): Promise<void> {
  const { app, base } = await startServer();
  try {
    await fn(base);
  } finally {
    await app.close();
  }
}

function ie11Env(base: string, saveBlob: SaveEnv["saveBlob"]): SaveEnv & { opened: string[] } {
  const opened: string[] = [];
  return {
    platform: "PC",
    canOpenBrowserWindow: false,
    openBrowserWindow: (u) => void opened.push(u),
    handoffUrl: `${base}/api/handoff`,
    fetch: globalThis.fetch,
    downloadBlob: () => {
      throw new Error("IE11 has no <a download>");
    },
    createObjectURL: () => "blob:x",
    saveBlob,
    opened,
  };
}

test("IE11 with msSaveOrOpenBlob: the webview's own save prompt gets the file, nothing is uploaded", async () => {
  await withServer(async (base) => {
    const saved: Array<[Blob, string]> = [];
    const env = ie11Env(base, (b, n) => void saved.push([b, n]));
    const r = await saveFile(DOCX, NAME, env);
    expect(r).toEqual({ kind: "downloaded", message: `请在弹出的提示中选择“保存”，保存“${NAME}”。` });
    expect(saved).toEqual([[DOCX, NAME]]);
    expect(env.opened).toEqual([]);
  });
});

test("the save prompt fails: hand-off to the real server, a one-time link for the clerk that downloads the file once", async () => {
  await withServer(async (base) => {
    const env = ie11Env(base, () => {
      throw new Error("msSaveOrOpenBlob");
    });
    const r = await saveFile(DOCX, NAME, env);
    expect(r).toMatchObject({ kind: "fallback", detail: "此版本的 Office 不能打开浏览器窗口。" });
    const url = (r as { url: string }).url;
    expect(url.startsWith(`${base}/api/handoff/`)).toBe(true);
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(Buffer.from(await first.arrayBuffer())).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect((await fetch(url)).status).toBe(404);
  });
});

test("officeSaveEnv offers msSaveOrOpenBlob only where the webview has it (IE11), and treats false as failure", () => {
  const g = globalThis as Record<string, unknown>;
  const calls: string[] = [];
  g.Office = { context: { platform: "PC", requirements: { isSetSupported: () => false }, ui: {} } };
  try {
    const { officeSaveEnv } = require("../../src/delivery/saveFile") as typeof import("../../src/delivery/saveFile");
    g.window = { location: { href: "https://xxgk.example.gov.cn/taskpane.html" }, fetch: () => undefined, navigator: {} };
    expect(officeSaveEnv().saveBlob).toBeNull();
    let answer = true;
    g.window = {
      location: { href: "https://xxgk.example.gov.cn/taskpane.html" },
      fetch: () => undefined,
      navigator: { msSaveOrOpenBlob: (_b: Blob, n: string) => (calls.push(n), answer) },
    };
    const env = officeSaveEnv();
    env.saveBlob!(DOCX, NAME);
    expect(calls).toEqual([NAME]);
    answer = false;
    expect(() => env.saveBlob!(DOCX, NAME)).toThrow();
  } finally {
    delete g.Office;
    delete g.window;
  }
});
