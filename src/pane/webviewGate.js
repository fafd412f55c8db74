/*
 * webview-gate.js: the first script of every page, a classic script in ES3 syntax that every
 * engine runs. Engines with today's built-ins (WebView2, Excel on the web, Safari 15.4+ on Mac:
 * structuredClone, Object.hasOwn, Array.prototype.at) go straight to the page's module script.
 * Engines with modules but without those (EdgeHTML 18 in Office 2019 retail and Microsoft 365 on
 * Windows 10; old Chromium cores) first get edge-runtime.js, the polyfills the ES2017 bundles
 * were built without: written into the document here, so it runs before the deferred module
 * scripts. Trident (IE11) has no modules, runs only legacy*.js, and so gets nothing here.
 */
(function () {
  var script = document.createElement("script");
  if (!("noModule" in script)) return;
  var modern = typeof window.structuredClone === "function" && typeof Object.hasOwn === "function" && typeof Array.prototype.at === "function";
  if (!modern) document.write('<script src="edge-runtime.js"></scr' + 'ipt>');
})();
