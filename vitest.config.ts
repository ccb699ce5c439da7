import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig, type Plugin } from "vitest/config";

/**
 * Imports `*.ftl` catalogues as text, mirroring the wrangler Text rule, so tests load
 * messages exactly the way the Worker bundle does.
 */
function ftlAsText(): Plugin {
  return {
    name: "bhyt:ftl-as-text",
    enforce: "pre",
    async load(id) {
      const file = id.split("?")[0] ?? id;
      if (!file.endsWith(".ftl")) return null;
      return `export default ${JSON.stringify(await readFile(file, "utf8"))};`;
    },
  };
}

const migrationsDir = fileURLToPath(new URL("./migrations", import.meta.url));
const nationalMigrationsDir = fileURLToPath(new URL("./migrations-national", import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [ftlAsText()],
        test: {
          name: "unit",
          environment: "node",
          include: ["test/**/*.test.ts"],
          exclude: ["test/workers/**", "node_modules/**"],
        },
      },
      // Async because the drizzle-kit migrations are read in Node and handed to workerd as a binding.
      async () => ({
        plugins: [
          ftlAsText(),
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: { TEST_MIGRATIONS: await readD1Migrations(migrationsDir), TEST_NATIONAL_MIGRATIONS: await readD1Migrations(nationalMigrationsDir) },
              // test/workers/shards.test.ts: two province databases and the national one (SHARDING=province).
              d1Databases: { DB_P12: "shard-p12", DB_P38: "shard-p38", DB_P52: "shard-p52", NATIONAL_DB: "shard-national" },
            },
          }),
        ],
        test: {
          name: "workers",
          include: ["test/workers/**/*.test.ts"],
          setupFiles: ["./test/workers/apply-migrations.ts"],
        },
      }),
    ],
  },
});
