import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

/**
 * wrangler.toml copied into an empty directory (paths made absolute) for the workers project:
 * the pool reads `.dev.vars` (or, failing that, `.env`) next to the config it is given, so a
 * developer's own secrets would otherwise become bindings and change what the tests see.
 */
function isolatedWranglerConfig(): string {
  const source = fileURLToPath(new URL("./wrangler.toml", import.meta.url));
  const root = fileURLToPath(new URL(".", import.meta.url));
  const toml = readFileSync(source, "utf8")
    .replace(/^main = "(.+)"$/m, (_, main: string) => `main = ${JSON.stringify(join(root, main))}`)
    .replace(/^migrations_dir = "(.+)"$/gm, (_, dir: string) => `migrations_dir = ${JSON.stringify(join(root, dir))}`);
  const dir = mkdtempSync(join(tmpdir(), "bhyt-pool-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "wrangler.toml"), toml);
  return join(dir, "wrangler.toml");
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
            wrangler: { configPath: isolatedWranglerConfig() },
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
