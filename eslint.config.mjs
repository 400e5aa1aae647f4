import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "lib/generated/**", "node_modules/**", ".data/**", ".test-data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-empty": ["error", { allowEmptyCatch: false }],
    },
  },
  {
    // Pages and components go through lib/; they never talk to Prisma directly.
    files: ["app/**", "components/**", "emails/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["@prisma/*", "**/generated/prisma/**", "@/lib/generated/**"], message: "Import data access from lib/<domain>/ instead." },
        { group: ["@/lib/db", "@/lib/db/*"], message: "Pages call lib/<domain>/ functions, not the database client." },
      ] }],
    },
  },
]);
