// ESLint flat config: typed TypeScript rules, React hooks, Next, drizzle safety, and the layer boundaries of
// ../shared/design/architecture.md (transport → domain → database; UI never reaches the database).
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import drizzle from "eslint-plugin-drizzle";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const uiMayNotImport = {
  patterns: [
    { group: ["@/db", "@/db/*"], message: "UI code talks to the server through tRPC, never to the database." },
    {
      group: [
        "@/server/modules/*/*",
        "!@/server/modules/*/*.schemas",
        "!@/server/modules/accounts/aging",
        // The import field catalogue and presets are pure data the mapping page shares with the server.
        "!@/server/modules/imports/fields",
        "@/server/modules/imports/fields/*",
        "!@/server/modules/imports/fields/catalogue",
        "!@/server/modules/imports/fields/presets",
        // Starter texts for a new template: pure data the seed also publishes.
        "!@/server/modules/communications/templates",
        "@/server/modules/communications/templates/*",
        "!@/server/modules/communications/templates/starters",
      ],
      message: "UI may import only zod schemas and pure helpers from domain modules; call a tRPC procedure.",
    },
    {
      group: ["@/server/lib/*", "!@/server/lib/money", "!@/server/lib/permissions"],
      message: "Server internals stay on the server.",
    },
  ],
};

const domainMayNotImport = {
  patterns: [
    {
      group: ["@trpc/*", "next", "next/*", "next-auth", "next-auth/*", "react", "react-dom"],
      message: "The domain does not know its transport or UI.",
    },
    {
      group: ["@/server/api/*", "@/server/auth/*", "@/app/*", "@/components/*"],
      message: "Data flows one way: transport → domain → database.",
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      "db/migrations/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks, drizzle },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/only-throw-error": "error",
      "@typescript-eslint/no-floating-promises": "error",
    },
  },
  { files: ["app/**", "components/**"], rules: { "no-restricted-imports": ["error", uiMayNotImport] } },
  {
    files: ["server/modules/**", "server/lib/**", "db/**"],
    rules: { "no-restricted-imports": ["error", domainMayNotImport] },
  },
  {
    files: ["**/*.test.ts", "e2e/**", "scripts/**", "db/testing/**", "db/seed/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off", "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  { files: ["**/*.mjs"], ...tseslint.configs.disableTypeChecked },
);
