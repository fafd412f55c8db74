/** The ribbon's 插入年报模板 over the port: the same insertion as the pane, a notice for every outcome. */
import { runInsertTemplate } from "../../src/pane/insertCommand";
import { FULL_TEMPLATE, MemoryPort } from "./memoryPort";

const URL_ = "https://localhost:3000/template/xxgk-template.xlsx";

test("inserts with the default report year and tells where the pane is", async () => {
  const port = new MemoryPort();
  const r = await runInsertTemplate(port, new Date(2025, 0, 20), URL_);
  expect(port.inserts).toEqual([{ agency: "", year: 2024 }]);
  expect(r.inserted).toBe(true);
  expect(r.notice).toMatchObject({ tone: "success" });
  expect(r.notice.text).toMatch(/^已插入年报模板：封面、正文、表二、表三、表四。点击“开始”选项卡上的“年报助手”/);
});

test("never inserts twice", async () => {
  const port = new MemoryPort();
  port.template = FULL_TEMPLATE;
  const r = await runInsertTemplate(port, new Date(2025, 0, 20), URL_);
  expect(r).toMatchObject({ inserted: false, notice: { tone: "info" } });
});

test("Office 2019: says so and links the template file", async () => {
  const port = new MemoryPort();
  port.caps = { ...port.caps, insertTemplate: false };
  const r = await runInsertTemplate(port, new Date(2025, 0, 20), URL_);
  expect(r.inserted).toBe(false);
  expect(r.notice.tone).toBe("warning");
  expect(r.notice.link?.href).toBe(URL_);
});

test("an Excel error becomes a Chinese message, not an exception", async () => {
  const port = new MemoryPort();
  port.insertTemplate = async () => {
    throw new Error("GeneralException");
  };
  const r = await runInsertTemplate(port, new Date(2025, 0, 20), URL_);
  expect(r).toEqual({ inserted: false, notice: { tone: "error", text: "插入模板失败：GeneralException" } });
});
