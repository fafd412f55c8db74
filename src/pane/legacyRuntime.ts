/**
 * What the ES5 bundles (IE11: Office 2016/2019 volume-licensed) need before any pane code runs,
 * besides the core-js modules injected by usage into each module (scripts/polyfill-loader.js) and
 * what every webview gets (webviewRuntime.ts): the iteration protocol that TypeScript's
 * down-levelled for-of, spread and generators call through tslib, an NFKC
 * String.prototype.normalize by table (legacyNormalize.ts), and the stylesheets without CSS custom
 * properties (taskpane-legacy.css, generated at build time).
 */
import "core-js/modules/es.symbol";
import "core-js/modules/es.symbol.iterator";
import "core-js/modules/es.symbol.async-iterator";
import "core-js/modules/es.array.iterator";
import "core-js/modules/es.string.iterator";
import "core-js/modules/es.map";
import "core-js/modules/es.set";
import "core-js/modules/es.promise";
import "core-js/modules/web.dom-collections.iterator";
import "./webviewRuntime";
import { installNormalize } from "./legacyNormalize";
import { useLegacyStylesheets } from "./legacyStyles";

/** The NFKC table, inlined by webpack's DefinePlugin from scripts/nfkc-table.js. */
declare const __XXGK_NFKC_TABLE__: string;

installNormalize(String.prototype, __XXGK_NFKC_TABLE__);
useLegacyStylesheets(document);
