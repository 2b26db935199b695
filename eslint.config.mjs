import js from "@eslint/js";
import tseslint from "typescript-eslint";

// The engine and its clients must be deterministic: time and randomness are injected
// (lib/cluster/runtime), so wall-clock, Math.random and timers are banned there.
const engineRestrictions = {
  "no-restricted-properties": [
    "error",
    { object: "Date", property: "now", message: "Use the engine's injected clock (lib/cluster/runtime/clock)." },
    { object: "Math", property: "random", message: "Use the engine's seeded random (lib/cluster/runtime/random)." },
    { object: "performance", property: "now", message: "Use the engine's injected clock." },
  ],
  "no-restricted-globals": [
    "error",
    { name: "setTimeout", message: "Time moves only through the engine clock (advance / runUntilIdle)." },
    { name: "setInterval", message: "Time moves only through the engine clock (advance / runUntilIdle)." },
    { name: "setImmediate", message: "Time moves only through the engine clock." },
  ],
  "no-restricted-syntax": [
    "error",
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: "new Date() reads the wall clock; pass the engine clock's time.",
    },
  ],
};

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", "out/", "test-results/", "playwright-report/", ".cache/", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "no-control-regex": "off",
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  {
    // Golden tests match exact kubectl column spacing in regular expressions.
    files: ["**/*.test.ts", "**/oracle/**"],
    rules: { "no-regex-spaces": "off" },
  },
  {
    files: ["lib/cluster/**/*.ts", "lib/kubectl/**/*.ts", "lib/shell/**/*.ts", "lib/labs/**/*.ts", "lib/sim/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: engineRestrictions,
  },
  {
    files: ["scripts/**/*.{mjs,js}", "*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", Buffer: "readonly" } },
  },
);
