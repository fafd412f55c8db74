/** The command's result dialog for IE11 (ES5 build; see src/hosts/office/taskpaneLegacy.ts). */
import "../../../pane/legacyRuntime";
import "./notice";
