/**
 * The core-js modules that EdgeHTML 18 lacks and some module of the ES2017 bundles calls (found by
 * usage, scripts/polyfill-loader.js), loaded only by engines that fail the gate. The build fails
 * when a module needs one that is not listed here, and names it. Newer-than-ES2022 built-ins are
 * never polyfilled (polyfill-loader.js, NEWER_THAN_ES2022).
 */
import "core-js/modules/es.aggregate-error";
import "core-js/modules/es.aggregate-error.cause";
import "core-js/modules/es.array.at";
import "core-js/modules/es.array.flat";
import "core-js/modules/es.array.flat-map";
import "core-js/modules/es.array.push";
import "core-js/modules/es.array.sort";
import "core-js/modules/es.array.unscopables.flat";
import "core-js/modules/es.array.unscopables.flat-map";
import "core-js/modules/es.error.cause";
import "core-js/modules/es.global-this";
import "core-js/modules/es.json.stringify";
import "core-js/modules/es.number.parse-float";
import "core-js/modules/es.number.parse-int";
import "core-js/modules/es.number.to-fixed";
import "core-js/modules/es.object.assign";
import "core-js/modules/es.object.from-entries";
import "core-js/modules/es.object.has-own";
import "core-js/modules/es.parse-float";
import "core-js/modules/es.parse-int";
import "core-js/modules/es.reflect.set";
import "core-js/modules/es.reflect.to-string-tag";
import "core-js/modules/es.regexp.constructor";
import "core-js/modules/es.regexp.dot-all";
import "core-js/modules/es.regexp.exec";
import "core-js/modules/es.regexp.test";
import "core-js/modules/es.regexp.to-string";
import "core-js/modules/es.string.at-alternative";
import "core-js/modules/es.string.ends-with";
import "core-js/modules/es.string.includes";
import "core-js/modules/es.string.match";
import "core-js/modules/es.string.match-all";
import "core-js/modules/es.string.replace";
import "core-js/modules/es.string.replace-all";
import "core-js/modules/es.string.search";
import "core-js/modules/es.string.split";
import "core-js/modules/es.string.starts-with";
import "core-js/modules/es.string.trim-end";
import "core-js/modules/es.string.trim-start";
import "core-js/modules/es.symbol.async-iterator";
import "core-js/modules/es.symbol.description";
import "core-js/modules/es.typed-array.at";
import "core-js/modules/es.typed-array.fill";
import "core-js/modules/es.typed-array.set";
import "core-js/modules/es.typed-array.sort";
import "core-js/modules/es.typed-array.to-locale-string";
import "core-js/modules/web.dom-collections.iterator";
import "core-js/modules/web.queue-microtask";
import "core-js/modules/web.self";
