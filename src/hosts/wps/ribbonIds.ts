/** Names shared by ribbon.xml, the ribbon page and the pane (ribbon.xml is checked against them). */
export const RIBBON = {
  pane: "xxgkPane",
  insert: "xxgkInsert",
  group: "xxgkGroup",
} as const;

/** Global callbacks ribbon.xml names (WPS looks them up on the ribbon page's window). */
export const RIBBON_CALLBACKS = ["OnAddinLoad", "OnAction", "GetImage", "OnGetEnabled"] as const;

/** PluginStorage key of the task pane's id (one pane per WPS window). */
export const PANE_ID_KEY = "xxgk_taskpane_id";

/** BroadcastChannel between the ribbon page and the pane (same origin, separate pages). */
export const PANE_CHANNEL = "xxgk-wps";
