/** scripts/check-commits.js: subject ≤ 72 characters, a blank line, a body; run on real commits. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const script = path.resolve(__dirname, "../../scripts/check-commits.js");
const { problems } = require(script) as { problems(message: string): string[] };

describe("commit messages", () => {
  it("accepts a subject of 72 characters with a body, and ignores the editor's comment lines", () => {
    expect(problems(`${"字".repeat(72)}\n\nWhy it was needed.\n# Please enter the commit message\n`)).toEqual([]);
  });

  it.each([
    ["a subject of 73 characters", `${"a".repeat(73)}\n\nbody\n`, /73 characters \(at most 72\)/],
    ["no body", "Subject only\n", /no body/],
    ["only comments after the subject", "Subject\n\n# comment\n", /no body/],
    ["no blank line after the subject", "Subject\nbody right away\n", /second line must be blank/],
    ["an empty message", "\n", /subject is empty/],
  ])("refuses %s", (_, message, expected) => {
    expect(problems(message)).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it("the commit-msg hook's mode reads the file git passes and fails on a bad message", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "commit-msg-"));
    try {
      const file = path.join(dir, "COMMIT_EDITMSG");
      writeFileSync(file, "Subject only\n");
      expect(() => execFileSync("node", [script, "--message-file", file], { stdio: "pipe" })).toThrow();
      writeFileSync(file, "Subject\n\nBody saying why.\n");
      expect(execFileSync("node", [script, "--message-file", file], { encoding: "utf8" })).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
