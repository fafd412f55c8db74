/**
 * The task pane for Trident (IE11), the webview of Office 2016/2019 volume-licensed editions: the
 * same pane as index.ts, built as ES5 by its own webpack compiler with core-js and the var()-free
 * stylesheet (legacyRuntime.ts; fetch comes with the export chunk). taskpane.html loads it with `nomodule defer`, so
 * only browsers without module support (IE11) run it; everything else runs the module bundle.
 */
import "../../pane/legacyRuntime";
import "./taskpane";
