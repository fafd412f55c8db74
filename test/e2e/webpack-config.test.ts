/**
 * webpack.config.js without building: entries, the eval-free devtool (the CSP forbids eval),
 * the https dev server on port 3000 for office-addin-debugging, and the workbench config.
 */
import path from "node:path";
import type { Configuration } from "webpack";
import { PROJECT_ROOT } from "../helpers/paths";

jest.mock("office-addin-dev-certs", () => ({ getHttpsServerOptions: async () => ({ key: "KEY", cert: "CERT", ca: "CA" }) }));

/** webpack's Configuration type leaves out devServer (it belongs to webpack-dev-server). */
type Config = Configuration & { devServer?: unknown };
type MakeConfig = ((env: object, argv: object) => Config | Config[] | Promise<Config | Config[]>) & { CSP: string };
const makeConfig = require(path.join(PROJECT_ROOT, "webpack.config.js")) as MakeConfig;

const list = async (env: object, mode: string): Promise<Config[]> => ([] as Config[]).concat(await makeConfig({ quiet: true, ...env }, { mode }));

test.each(["development", "production"])("%s: add-in entries, no eval devtool, ES5 legacy config", async (mode) => {
  const [addin, legacy] = await list({}, mode);
  // edge-runtime.js: loaded by the pages' gate only where the engine lacks today's built-ins.
  expect(Object.keys(addin!.entry as object).sort()).toEqual(["commands", "edge-runtime", "notice", "taskpane"]);
  expect(String(addin!.devtool)).not.toMatch(/eval/);
  expect(legacy!.name).toBe("legacy");
  expect(legacy!.target).toEqual(["web", "es5"]);
  // Never "auto": office.js appends its own <script>s to <head>, which "auto" could take as the base.
  for (const c of [addin, legacy]) expect(c!.output!.publicPath).toBe("");
  // The webview runtime is edge-runtime.js (the gate loads it), under the fixed name the gate writes.
  expect((addin!.entry as Record<string, { import: string; filename: string }>)["edge-runtime"]).toEqual({ import: "./src/pane/edgeRuntime.ts", filename: "edge-runtime.js" });
});

test("build:workbench builds both workbench pages: the ES2017 one and its ES5 twin", async () => {
  const configs = await list({ workbench: true }, "production");
  expect(configs.map((c) => c.name)).toEqual(["workbench", "legacy"]);
  expect(Object.keys(configs[1]!.entry as object)).toEqual(["legacy-workbench"]);
});

test("the dev server (npm run dev-server, started by npm start) is https on 3000 with the CSP header", async () => {
  const [addin] = await list({ WEBPACK_SERVE: true }, "development");
  const ds = addin!.devServer as { port: number; server: { type: string; options: { cert: string } }; headers: Record<string, string> };
  expect(ds.port).toBe(3000);
  expect(ds.server).toMatchObject({ type: "https", options: { cert: "CERT" } });
  expect(ds.headers["Content-Security-Policy"]).toBe(makeConfig.CSP);
  expect(makeConfig.CSP).not.toMatch(/unsafe-eval/);
  expect(makeConfig.CSP).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com(;|$)/);
});

test("the workbench is its own config, served over http on 127.0.0.1:3001", async () => {
  const [wb] = await list({ workbench: true, WEBPACK_SERVE: true }, "development");
  expect(Object.keys(wb!.entry as object).sort()).toEqual(["edge-runtime", "workbench"]);
  expect(wb!.devServer).toMatchObject({ port: 3001, host: "127.0.0.1" });
});

test("a bad XXGK_WORKBENCH_PORT is refused with a message naming it", async () => {
  process.env.XXGK_WORKBENCH_PORT = "30o1";
  try {
    await expect(list({ workbench: true, WEBPACK_SERVE: true }, "development")).rejects.toThrow(/XXGK_WORKBENCH_PORT/);
  } finally {
    delete process.env.XXGK_WORKBENCH_PORT;
  }
});

test("both dev servers answer / themselves (setupMiddlewares), the add-in server with its pages", async () => {
  const [addin] = await list({ WEBPACK_SERVE: true }, "development");
  const [wb] = await list({ workbench: true, WEBPACK_SERVE: true }, "development");
  for (const c of [addin, wb]) expect(typeof (c!.devServer as { setupMiddlewares: unknown }).setupMiddlewares).toBe("function");
  const { indexHtml, ADDIN_INDEX } = require(path.join(PROJECT_ROOT, "scripts", "dev-index.js")) as {
    indexHtml: (p: unknown) => string;
    ADDIN_INDEX: unknown;
  };
  const html = indexHtml(ADDIN_INDEX);
  expect(html).toContain('href="taskpane.html"');
  expect(html).toContain('href="manifest.xml"');
  expect(html).toContain("上传我的加载项");
});

/** templateParameters of one page plugin of the add-in config. */
function pageParams(config: Config, file: string): { csp: string; officeJs: string | null } {
  const plugin = (config.plugins ?? []).find((p) => (p as { userOptions?: { filename?: string } }).userOptions?.filename === file) as
    | { userOptions: { templateParameters: { csp: string; officeJs: string | null } } }
    | undefined;
  if (!plugin) throw new Error(`no page ${file}`);
  return plugin.userOptions.templateParameters;
}

describe("office.js source", () => {
  const saved = process.env.XXGK_OFFICE_JS;
  afterEach(() => {
    if (saved === undefined) delete process.env.XXGK_OFFICE_JS;
    else process.env.XXGK_OFFICE_JS = saved;
  });

  test("by default every page loads Microsoft's production office.js from the CDN, which the CSP allows", async () => {
    delete process.env.XXGK_OFFICE_JS;
    const [addin] = await list({}, "production");
    for (const file of ["taskpane.html", "commands.html", "notice.html"]) {
      const p = pageParams(addin!, file);
      expect(p.officeJs).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
      expect(p.csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com(;|$)/);
    }
    // The stale npm package is never copied into a page build.
    const copies = JSON.stringify((addin!.plugins ?? []).map((p) => (p as { patterns?: unknown }).patterns ?? null));
    expect(copies).not.toContain("@microsoft/office-js");
  });

  test("XXGK_OFFICE_JS=https://…/office.js: the pages load the mirror and the CSP allows its origin instead of the CDN", async () => {
    process.env.XXGK_OFFICE_JS = "https://mirror.example.gov.cn/office-js/office.js";
    const [addin] = await list({}, "production");
    const p = pageParams(addin!, "commands.html");
    expect(p.officeJs).toBe("https://mirror.example.gov.cn/office-js/office.js");
    expect(p.csp).toMatch(/script-src 'self' https:\/\/mirror\.example\.gov\.cn(;|$)/);
    expect(p.csp).not.toContain("appsforoffice");
  });

  test("XXGK_OFFICE_JS=<mirror folder>: served from our origin under office-js/, CSP 'self' only", async () => {
    const makeCfg = require(path.join(PROJECT_ROOT, "webpack.config.js")) as { officeJsSource: (s: string, root?: string) => unknown; cspFor: (o: unknown) => string[] };
    const dir = path.join(PROJECT_ROOT, "node_modules/@microsoft/office-js/dist");
    const src = makeCfg.officeJsSource(dir);
    expect(src).toEqual({ src: "office-js/office.js", origin: null, copyFrom: dir });
    expect(makeCfg.cspFor(src).find((d) => d.startsWith("script-src"))).toBe("script-src 'self'");
  });

  test("a bad XXGK_OFFICE_JS stops the build with a reason", () => {
    const makeCfg = require(path.join(PROJECT_ROOT, "webpack.config.js")) as { officeJsSource: (s: string) => unknown };
    expect(() => makeCfg.officeJsSource("http://mirror.example.gov.cn/office.js")).toThrow(/https/);
    expect(() => makeCfg.officeJsSource("https://mirror.example.gov.cn/lib/")).toThrow(/office\.js/);
    expect(() => makeCfg.officeJsSource("/nonexistent/mirror")).toThrow(/mirror-office-js/);
  });
});
