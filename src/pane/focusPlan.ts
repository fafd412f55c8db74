/**
 * Where keyboard focus goes when the element that held it disappeared (a notice replaced, the
 * insert form removed, a fixed finding, the 结转/导入 panel closed). Plain data in, a choice out:
 * tested in Node; view.ts applies it.
 */
export type FocusRegion = "notice" | "banner" | "transfer" | "list" | "toolbar" | "other";

export interface FocusSituation {
  /** Where the lost element was. */
  region: FocusRegion;
  /** The current notice has a control (action, link or ×). */
  noticeControl: boolean;
  /** The element focused before focus entered the notice still exists and is enabled. */
  beforeNotice: boolean;
  /** Items in the findings list now, and the index the lost one had. */
  listCount: number;
  listIndex: number;
  /** The toolbar button that opened the 结转/导入 panel is usable. */
  opener: boolean;
  /** The banner shows a heading that can take focus (未开始填写, 年报模板不完整…). */
  bannerHeading: boolean;
}

export type FocusTarget =
  | { kind: "noticeControl" }
  | { kind: "beforeNotice" }
  | { kind: "listItem"; index: number }
  | { kind: "opener" }
  | { kind: "bannerHeading" }
  | { kind: "summary" };

export function focusTarget(s: FocusSituation): FocusTarget {
  switch (s.region) {
    case "notice":
      if (s.noticeControl) return { kind: "noticeControl" };
      if (s.beforeNotice) return { kind: "beforeNotice" };
      break;
    case "list":
      // The item that took the fixed one's place, or the new last one.
      if (s.listCount > 0) return { kind: "listItem", index: Math.min(Math.max(s.listIndex, 0), s.listCount - 1) };
      break;
    case "transfer":
      if (s.opener) return { kind: "opener" };
      break;
    case "banner":
      if (s.bannerHeading) return { kind: "bannerHeading" };
      break;
    default:
      break;
  }
  return { kind: "summary" };
}
