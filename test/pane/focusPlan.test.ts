/** Where focus goes when what held it disappeared: never <body>, always somewhere that makes sense. */
import { focusTarget, type FocusSituation } from "../../src/pane/focusPlan";

const base: FocusSituation = { region: "other", noticeControl: false, beforeNotice: false, listCount: 0, listIndex: 0, opener: false, bannerHeading: false };

test("a replaced notice (撤销, export, 确认): the new notice's first control, else where the clerk was before", () => {
  expect(focusTarget({ ...base, region: "notice", noticeControl: true, beforeNotice: true })).toEqual({ kind: "noticeControl" });
  expect(focusTarget({ ...base, region: "notice", beforeNotice: true })).toEqual({ kind: "beforeNotice" });
  expect(focusTarget({ ...base, region: "notice" })).toEqual({ kind: "summary" });
});

test("a fixed finding: the one that took its place, the new last one, or the summary when the list is empty", () => {
  expect(focusTarget({ ...base, region: "list", listCount: 5, listIndex: 2 })).toEqual({ kind: "listItem", index: 2 });
  expect(focusTarget({ ...base, region: "list", listCount: 2, listIndex: 4 })).toEqual({ kind: "listItem", index: 1 });
  expect(focusTarget({ ...base, region: "list", listCount: 0, listIndex: 0 })).toEqual({ kind: "summary" });
});

test("the 结转/导入 panel closed: its opener when usable; the insert form gone: the banner's heading", () => {
  expect(focusTarget({ ...base, region: "transfer", opener: true })).toEqual({ kind: "opener" });
  expect(focusTarget({ ...base, region: "transfer" })).toEqual({ kind: "summary" });
  expect(focusTarget({ ...base, region: "banner", bannerHeading: true })).toEqual({ kind: "bannerHeading" });
  expect(focusTarget({ ...base, region: "banner" })).toEqual({ kind: "summary" });
  expect(focusTarget({ ...base, region: "toolbar" })).toEqual({ kind: "summary" });
});
