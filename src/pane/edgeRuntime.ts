/**
 * edge-runtime.js: what engines that fail the pages' gate (src/pane/webviewGate.js) need before
 * any other script of the page runs — EdgeHTML 18 (Office 2019 retail, Microsoft 365 on Windows 10
 * without WebView2) and old Chromium or Safari cores. WebView2, Excel on the web and Mac never
 * load it. First the core-js modules every bundle's code needs there, then what core-js does not
 * provide (TextDecoder, Blob readers, replaceChildren). Imports run in this order.
 */
import "./edgePolyfills";
import "./webviewRuntime";
