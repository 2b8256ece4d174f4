import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships ESM and CJS builds; type-graphql and Apollo load the CJS one, so our code must too
    // (two copies of graphql refuse to share a schema).
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // type-graphql decorators need the Reflect metadata API before any GraphQL class loads.
    setupFiles: ["reflect-metadata"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
