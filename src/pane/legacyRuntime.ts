/**
 * What the ES5 bundles (IE11: Office 2016/2019 volume-licensed) need before any pane code runs:
 * the standard library IE11 lacks (core-js: Promise, Map/Set, Symbol.iterator for down-levelled
 * for-of and generators, URL, Array/String/Object methods), fetch (whatwg-fetch), TextDecoder
 * (fast-text-encoding), Blob.arrayBuffer (legacyDom.ts), and the
 * the few DOM methods IE11 lacks (legacyDom.ts), and the stylesheets without CSS custom
 * properties (taskpane-legacy.css, generated at build time).
 */
import "core-js/stable";
import "whatwg-fetch";
import { installLegacyDom } from "./legacyDom";
import { installTextDecoder } from "./legacyText";
import { useLegacyStylesheets } from "./legacyStyles";

installLegacyDom(window);
installTextDecoder(window);
useLegacyStylesheets(document);
