import js from "@eslint/js";
import tseslint from "typescript-eslint";
import layers from "./eslint.layers.js";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/", "dist-wps/", "node_modules/", "coverage/", "test-output/", "assets/fonts/"] },
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
  ...layers.layerConfig(),
);
