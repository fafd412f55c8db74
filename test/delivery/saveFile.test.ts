/**
 * saveFile per platform with injected fakes, and once end to end: the desktop path against the
 * real server (upload, openBrowserWindow gets the one-time URL, the URL downloads the file once).
 */
import { saveFile, type SaveEnv } from "../../src/delivery/saveFile";
import { startServer } from "../helpers/server";

const PDF = new Blob([Buffer.from("%PDF-1.7\n")], { type: "application/pdf" });
const NAME = "某某街道办事处2023年政府信息公开工作年度报告.pdf";

function fakeEnv(over: Partial<SaveEnv> = {}): SaveEnv & { calls: string[] } {
  const calls: string[] = [];
  const env: SaveEnv = {
    platform: "PC",
    canOpenBrowserWindow: true,
    openBrowserWindow: (url) => void calls.push(`open ${url}`),
    handoffUrl: "https://addin.example/api/handoff",
    fetch: (async (url: string, init: RequestInit) => {
      if (init.method === "GET") {
        calls.push(`fetch GET ${url}`);
        return new Response(JSON.stringify({ token: "T1" }), { status: 200 });
      }
      const h = init.headers as Record<string, string>;
      calls.push(`fetch ${init.method} ${url} ${h["X-File-Name"]} token=${h["X-Handoff-Token"]}`);
      return new Response(JSON.stringify({ url: "https://addin.example/api/handoff/AAAAAAAAAAAAAAAAAAAAAA" }), { status: 201 });
    }) as typeof fetch,
    downloadBlob: (_b, name) => void calls.push(`download ${name}`),
    createObjectURL: () => "blob:https://addin.example/1",
    ...over,
  };
  return Object.assign(env, { calls });
}

describe("saveFile", () => {
  test("Office on the web: anchor download, no server involved", async () => {
    const env = fakeEnv({ platform: "OfficeOnline", canOpenBrowserWindow: false });
    const r = await saveFile(PDF, NAME, env);
    expect(r).toEqual({ kind: "downloaded", message: `已开始下载“${NAME}”。` });
    expect(env.calls).toEqual([`download ${NAME}`]);
  });

  test("web: a failing download returns a blob link to show", async () => {
    const env = fakeEnv({
      platform: "OfficeOnline",
      downloadBlob: () => {
        throw new Error("blocked");
      },
    });
    expect(await saveFile(PDF, NAME, env)).toMatchObject({ kind: "fallback", url: "blob:https://addin.example/1", detail: "blocked" });
  });

  test.each(["PC", "Mac", "iOS"])("%s with OpenBrowserWindowApi: hand-off, then openBrowserWindow(one-time URL)", async (platform) => {
    const env = fakeEnv({ platform });
    const r = await saveFile(PDF, NAME, env);
    expect(r).toMatchObject({ kind: "opened", url: "https://addin.example/api/handoff/AAAAAAAAAAAAAAAAAAAAAA" });
    expect(env.calls).toEqual([
      "fetch GET https://addin.example/api/handoff/token",
      `fetch POST https://addin.example/api/handoff ${encodeURIComponent(NAME)} token=T1`,
      "open https://addin.example/api/handoff/AAAAAAAAAAAAAAAAAAAAAA",
    ]);
  });

  test("desktop without the API: hand-off and a link for the pane", async () => {
    const env = fakeEnv({ canOpenBrowserWindow: false });
    const r = await saveFile(PDF, NAME, env);
    expect(r).toMatchObject({ kind: "fallback", url: "https://addin.example/api/handoff/AAAAAAAAAAAAAAAAAAAAAA" });
    expect(r.message).toContain("2 分钟内有效");
    expect(env.calls.some((c) => c.startsWith("open"))).toBe(false);
  });

  test("openBrowserWindow throws: the one-time link is still returned", async () => {
    const env = fakeEnv({
      openBrowserWindow: () => {
        throw new Error("not allowed");
      },
    });
    expect(await saveFile(PDF, NAME, env)).toMatchObject({ kind: "fallback", url: "https://addin.example/api/handoff/AAAAAAAAAAAAAAAAAAAAAA", detail: "not allowed" });
  });

  test("the server refuses or is unreachable: the reason is shown, with a blob link as last resort", async () => {
    const refused = fakeEnv({
      fetch: (async () => new Response(JSON.stringify({ error: "文件超过 20 MB 上限。" }), { status: 413 })) as typeof fetch,
    });
    const r = await saveFile(PDF, NAME, refused);
    expect(r).toMatchObject({ kind: "fallback", url: "blob:https://addin.example/1", detail: "文件超过 20 MB 上限。" });
    expect(r.message).toContain("文件超过 20 MB 上限。");
    const down = fakeEnv({
      fetch: (async () => {
        throw new TypeError("Failed to fetch");
      }) as typeof fetch,
      createObjectURL: () => {
        throw new Error("no blob URLs");
      },
    });
    expect(await saveFile(PDF, NAME, down)).toMatchObject({ kind: "fallback", url: null, detail: "Failed to fetch" });
    const odd = fakeEnv({ fetch: (async () => new Response(JSON.stringify({ token: "T", url: "javascript:alert(1)" }), { status: 201 })) as typeof fetch });
    expect(await saveFile(PDF, NAME, odd)).toMatchObject({ kind: "fallback", detail: "bad response" });
  });

  test("importing the module reads no Office or DOM globals", () => {
    jest.isolateModules(() => {
      expect(() => require("../../src/delivery/saveFile")).not.toThrow();
    });
    expect((globalThis as { Office?: unknown }).Office).toBeUndefined();
  });
});

describe("officeSaveEnv", () => {
  test("reads Office.context at call time: platform, requirement set, same-origin hand-off URL", () => {
    const g = globalThis as Record<string, unknown>;
    const opened: string[] = [];
    g.Office = {
      context: {
        platform: "Mac",
        requirements: { isSetSupported: (name: string, v: string) => name === "OpenBrowserWindowApi" && v === "1.1" },
        ui: { openBrowserWindow: (u: string) => opened.push(u) },
      },
    };
    g.window = { location: { href: "https://xxgk.example.gov.cn/addin/taskpane.html?_host_Info=Excel" }, fetch: () => undefined };
    try {
      const { officeSaveEnv } = require("../../src/delivery/saveFile") as typeof import("../../src/delivery/saveFile");
      const env = officeSaveEnv();
      expect(env.platform).toBe("Mac");
      expect(env.canOpenBrowserWindow).toBe(true);
      expect(env.handoffUrl).toBe("https://xxgk.example.gov.cn/addin/api/handoff");
      env.openBrowserWindow("https://x/y");
      expect(opened).toEqual(["https://x/y"]);
    } finally {
      delete g.Office;
      delete g.window;
    }
  });
});

describe("desktop path against the real server", () => {
  test("upload through saveFile, the opened URL downloads the file once", async () => {
    const { app, base } = await startServer();
    try {
      let opened = "";
      const env = fakeEnv({ handoffUrl: `${base}/api/handoff`, fetch: globalThis.fetch, openBrowserWindow: (u) => void (opened = u) });
      const r = await saveFile(PDF, NAME, env);
      expect(r.kind).toBe("opened");
      expect(opened.startsWith(`${base}/api/handoff/`)).toBe(true);
      const first = await fetch(opened);
      expect(first.status).toBe(200);
      expect(first.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent(NAME)}`);
      expect(Buffer.from(await first.arrayBuffer()).toString()).toBe("%PDF-1.7\n");
      expect((await fetch(opened)).status).toBe(404);
    } finally {
      await app.close();
    }
  });

  test("the server refuses an upload without a token, and a token twice", async () => {
    const { app, base } = await startServer();
    try {
      const post = (token?: string) =>
        fetch(`${base}/api/handoff`, {
          method: "POST",
          headers: { "Content-Type": "application/pdf", "X-File-Name": "a.pdf", ...(token ? { "X-Handoff-Token": token } : {}) },
          body: "%PDF-1.7\n",
        });
      expect((await post()).status).toBe(403);
      const { token } = (await (await fetch(`${base}/api/handoff/token`)).json()) as { token: string };
      expect((await post(token)).status).toBe(201);
      const again = await post(token);
      expect(again.status).toBe(403);
      expect(((await again.json()) as { error: string }).error).toContain("上传凭证无效或已过期");
    } finally {
      await app.close();
    }
  });
});
