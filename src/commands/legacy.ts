/** The ribbon's function file for IE11 (ES5 build; see src/taskpane/legacy.ts). */
import "../taskpane/legacyRuntime";
import "./commands";
