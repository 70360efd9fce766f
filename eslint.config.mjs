import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  { ignores: ["dist/**", "dist-workbench/**", "node_modules/**", "coverage/**"] },
  ...officeAddins.configs.recommended,
  ...officeAddins.configs.react,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
    settings: { react: { version: "18" } },
  },
  {
    // Tests and the benchmark run in Node under jest/ts-node; the type checker already rejects undefined names.
    files: ["test/**", "bench/**"],
    rules: { "no-undef": "off" },
  },
];
