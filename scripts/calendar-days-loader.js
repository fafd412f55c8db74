/**
 * webpack loader for chinese-days' data file in the pages' bundles: only the dates are kept (each
 * holiday's and 调休 workday's name, in English and Chinese, is dropped), which is all
 * src/ledger/calendar.ts reads (Object.keys), and they are written as runs of consecutive days,
 * rebuilt when the bundle loads. The pane's first load carries the working-day calendar, since the
 * template's register design is built from it (issue 23): 3.1 KB gzipped as published, under 1 KB
 * as runs. Node (the CLI, tests) reads the file as it is. The output is ES5: IE11 runs it too.
 */
"use strict";

const DAY = 86_400_000;
const EPOCH = Date.UTC(2000, 0, 1);

/** ISO dates → "gap+length" runs, base 36: the gap counts days from the end of the run before. */
function encodeRuns(isoDates) {
  const days = [...new Set(isoDates.map((k) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(k)) throw new Error(`chinese-days.json: "${k}" is not a date`);
    return Math.round((Date.parse(`${k}T00:00:00Z`) - EPOCH) / DAY);
  }))].sort((a, b) => a - b);
  const runs = [];
  let last = 0;
  for (let i = 0; i < days.length; ) {
    let n = 1;
    while (i + n < days.length && days[i + n] === days[i] + n) n++;
    runs.push(`${(days[i] - last).toString(36)}${n > 1 ? `+${n.toString(36)}` : ""}`);
    last = days[i] + n - 1;
    i += n;
  }
  return runs.join(",");
}

/** The module the bundle gets: the same {holidays, workdays} objects of ISO dates, rebuilt from runs. */
const DECODE = `function days(s) {
  var out = {}, d = 0;
  if (!s) return out;
  var runs = s.split(",");
  for (var r = 0; r < runs.length; r++) {
    var p = runs[r].split("+"), n = p.length > 1 ? parseInt(p[1], 36) : 1;
    d += parseInt(p[0], 36);
    for (var i = 0; i < n; i++) out[new Date(${EPOCH} + (d + i) * ${DAY}).toISOString().slice(0, 10)] = 1;
    d += n - 1;
  }
  return out;
}`;

/** @param {string} source */
module.exports = function calendarDaysLoader(source) {
  const data = JSON.parse(source);
  for (const part of ["holidays", "workdays"]) {
    if (!data[part] || typeof data[part] !== "object") throw new Error(`chinese-days.json has no "${part}": its format changed`);
  }
  const h = JSON.stringify(encodeRuns(Object.keys(data.holidays)));
  const w = JSON.stringify(encodeRuns(Object.keys(data.workdays)));
  return `"use strict";\n${DECODE}\nmodule.exports = { holidays: days(${h}), workdays: days(${w}) };\n`;
};
module.exports.encodeRuns = encodeRuns;
