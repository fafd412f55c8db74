#!/usr/bin/env node
// @ts-check
/**
 * Commit messages: a subject of at most 72 characters, a blank line, then a body saying why.
 *   node scripts/check-commits.js                     the commits since the rule (run by .ci/run)
 *   node scripts/check-commits.js --message-file F    one message (.githooks/commit-msg)
 *   node scripts/check-commits.js --since DATE        also older commits after BASE (by hand)
 * Exempt: merge commits (git writes them) and the history written before the rule — everything up
 * to BASE, and the commits of the branches in flight when it landed (committed before SINCE).
 */
const { execFileSync } = require("node:child_process");
const { readFileSync } = require("node:fs");

/** main when the rule was written (issue 19); older commits are not judged. */
const BASE = "7ea8a93";
/** When the rule reached main: commits of the branches merged in that round predate it. */
const SINCE = "2026-12-07T05:00:00Z";
const MAX_SUBJECT = 72;

/**
 * What is wrong with one commit message, in words; empty when it is fine.
 * @param {string} message
 * @returns {string[]}
 */
function problems(message) {
  // As git stores it: comment lines (the editor's template) and trailing blank lines dropped.
  const lines = message
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .join("\n")
    .trimEnd()
    .split("\n");
  const subject = lines[0] ?? "";
  const out = [];
  if (subject.trim() === "") out.push("the subject is empty");
  if ([...subject].length > MAX_SUBJECT) out.push(`the subject has ${[...subject].length} characters (at most ${MAX_SUBJECT})`);
  if (lines.length > 1 && lines[1]?.trim() !== "") out.push("the second line must be blank (subject, blank line, body)");
  if (lines.slice(2).every((l) => l.trim() === "")) out.push("there is no body saying why");
  return out;
}

/** @param {string[]} args */
function git(...args) {
  return execFileSync("git", args, { encoding: "utf8" });
}

function main() {
  const i = process.argv.indexOf("--message-file");
  if (i !== -1) {
    const file = process.argv[i + 1];
    if (!file) throw new Error("--message-file needs a file");
    const found = problems(readFileSync(file, "utf8"));
    for (const p of found) console.error(`commit message: ${p}`);
    return found.length ? 1 : 0;
  }
  const s = process.argv.indexOf("--since");
  const since = s !== -1 && process.argv[s + 1] ? process.argv[s + 1] : SINCE;
  let bad = 0;
  // A shallow clone may not hold BASE: then the date alone says which commits are judged.
  let known = true;
  try {
    git("cat-file", "-e", `${BASE}^{commit}`);
  } catch {
    known = false;
  }
  const range = known ? `${BASE}..HEAD` : "HEAD";
  for (const sha of git("rev-list", "--no-merges", `--since=${since}`, range).split("\n").filter(Boolean)) {
    const found = problems(git("log", "-1", "--format=%B", sha));
    if (found.length === 0) continue;
    bad++;
    console.error(`${sha.slice(0, 10)} ${git("log", "-1", "--format=%s", sha).trim().slice(0, 80)}`);
    for (const p of found) console.error(`  ${p}`);
  }
  if (bad) console.error(`${bad} commit message(s) do not follow the rule (subject ≤ ${MAX_SUBJECT} characters, blank line, body; docs/architecture.md).`);
  return bad ? 1 : 0;
}

if (require.main === module) process.exitCode = main();

module.exports = { problems, MAX_SUBJECT, BASE, SINCE };
