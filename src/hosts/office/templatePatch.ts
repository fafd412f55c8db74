/**
 * The template patcher (renames sheets, numbers a second copy) with fflate behind it, loaded only
 * when a template is inserted under other names or restored: about 10 KB gz the pane's first load
 * does without (issue 23).
 */
export const loadTemplatePatch = (): Promise<typeof import("../../template/xlsxPatch")> =>
  import(/* webpackChunkName: "template-patch" */ "../../template/xlsxPatch");
