// @ts-check
/**
 * The rooms of docs/architecture.md and their one-way arrows, as ESLint rules
 * (eslint-plugin-boundaries). A file importing across a wall not listed in ARROWS fails
 * `npm run lint`; imports inside a room are always allowed. test/architecture/layers.test.ts
 * lints wrong arrows with this config and expects them refused.
 */
const boundaries = require("eslint-plugin-boundaries");

/** The core: runs in plain Node and in the pane alike, knows no host, no pane, no DOM. */
const CORE = ["report", "import", "template", "document", "ledger"];

/** @type {{ type: string; pattern: string }[]} */
const ROOMS = [
  ...CORE.map((room) => ({ type: room, pattern: `src/${room}` })),
  { type: "delivery", pattern: "src/delivery" },
  { type: "workbook", pattern: "src/workbook" },
  { type: "workflow", pattern: "src/workflow" },
  { type: "pane", pattern: "src/pane" },
  { type: "office", pattern: "src/hosts/office" },
  { type: "wps", pattern: "src/hosts/wps" },
  { type: "cli", pattern: "src/cli" },
  { type: "server", pattern: "src/server" },
  { type: "security", pattern: "src/security" },
  { type: "workbench", pattern: "src/workbench" },
];

/** @type {Record<string, string[]>} the importer's room → the rooms it may import. */
const ARROWS = {
  report: [],
  import: ["report"],
  document: ["report"],
  template: ["report", "import", "ledger"],
  // TODO(h19c, issue 19): ledger → template goes when the register row keys move to src/ledger;
  // until then ledger and template import each other (the one cycle left in the core).
  ledger: ["report", "import", "template"],
  // Saving a file from the pane (Blob, Office.context): DOM-only, imported by the pane and hosts.
  delivery: [],
  workbook: [...CORE],
  workflow: [...CORE, "workbook"],
  pane: [...CORE, "delivery", "workbook", "workflow"],
  // A host mounts the pane through its bootstrap; hosts never import each other.
  office: [...CORE, "delivery", "workbook", "workflow", "pane"],
  wps: [...CORE, "delivery", "workbook", "workflow", "pane"],
  cli: [...CORE, "workbook", "workflow"],
  server: ["document", "report", "security"],
  security: [],
  // The development workbench drives both hosts' fakes and the pane.
  workbench: [...CORE, "delivery", "workbook", "workflow", "pane", "office", "wps"],
};

/** Rooms that run in the pane as well as in Node: no Node built-ins (the CLI and server read files). */
const NO_NODE_BUILTINS = ["src/report/**", "src/import/**", "src/template/**", "src/ledger/**", "src/workbook/**", "src/workflow/**", "src/pane/**"];

const types = ROOMS.map((r) => r.type);

/** Flat-config blocks enforcing the arrows (later policies override earlier ones). */
function layerConfig() {
  const policies = [
    { from: { element: { types: { anyOf: types } } }, disallow: { to: { element: { types: { anyOf: types } } } } },
    ...Object.entries(ARROWS)
      .filter(([, to]) => to.length > 0)
      .map(([from, to]) => ({ from: { element: { type: from } }, allow: { to: { element: { types: { anyOf: to } } } } })),
  ];
  return [
    {
      files: ["src/**/*.ts"],
      plugins: { boundaries },
      settings: {
        "boundaries/elements": ROOMS,
        "import/resolver": { node: { extensions: [".ts", ".js", ".json"] } },
      },
      rules: { "boundaries/dependencies": ["error", { default: "allow", policies }] },
    },
    {
      files: NO_NODE_BUILTINS,
      rules: {
        "no-restricted-imports": [
          "error",
          { patterns: [{ regex: "^node:", message: "This room also runs in the task pane: no Node built-ins (docs/architecture.md)." }] },
        ],
      },
    },
  ];
}

module.exports = { CORE, ROOMS, ARROWS, layerConfig };
