/** The workbench as IE11 would run it (ES5 build, polyfills, var()-free styles): workbench-legacy.html. */
import "../pane/legacyRuntime";
import "./index";
