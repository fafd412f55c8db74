import js from "@eslint/js";
import tseslint from "typescript-eslint";
import layers from "./eslint.layers.js";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/", "dist-wps/", "dist-cli/", "src/template/generated/templateBase64.d.ts", "node_modules/", "coverage/", "test-output/", "assets/fonts/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
      eqeqeq: ["error", "smart"],
    },
  },
  {
    // Type-aware rules, a focused set (the whole recommendedTypeChecked costs minutes on src/):
    // promises nobody awaits or that land where a void callback is expected, and switches that
    // forget a case of a union.
    files: ["src/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
    },
  },
  ...layers.layerConfig(),
);
