/**
 * webpack loader for chinese-days' data file in the pages' bundles: only the dates are kept (each
 * holiday's and 调休 workday's name, in English and Chinese, is dropped), which is all
 * src/ledger/calendar.ts reads (Object.keys). The pane's first load carries the working-day
 * calendar, since the template's register design is built from it (issue 23): 33 KB → 10 KB,
 * 3.1 → 1.9 KB gzipped. Node (the CLI, tests) reads the file as it is.
 */
"use strict";

/** @param {string} source */
module.exports = function calendarDaysLoader(source) {
  const data = JSON.parse(source);
  const keysOnly = (o) => Object.fromEntries(Object.keys(o || {}).map((k) => [k, 1]));
  for (const part of ["holidays", "workdays"]) {
    if (!data[part] || typeof data[part] !== "object") throw new Error(`chinese-days.json has no "${part}": its format changed`);
  }
  return JSON.stringify({ holidays: keysOnly(data.holidays), workdays: keysOnly(data.workdays) });
};
