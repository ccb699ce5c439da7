#!/usr/bin/env node
// wrangler.toml's custom build runs this before `wrangler dev` bundles the Worker: a fresh clone's
// local D1 has no tables, so /healthz would answer 503 "no such table" until someone found the
// migrate command. It applies the migrations only when one is missing (a check that opens the
// local SQLite file read-only takes milliseconds; `wrangler d1 migrations apply` starts workerd).
// Plain JavaScript on purpose: tsx would add seconds to every `wrangler dev` start.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
// wrangler sets WRANGLER_COMMAND for custom builds; deploy and versions upload must not touch local state.
// The real-Worker tests migrate their own --persist-to directory and set BHYT_DEV_MIGRATE=0.
if (process.env.WRANGLER_COMMAND !== "dev" || process.env.BHYT_DEV_MIGRATE === "0") process.exit(0);

const wanted = readdirSync(join(root, "migrations")).filter((f) => /^\d{4}_.+\.sql$/.test(f));
if (appliedLocally(join(root, ".wrangler/state/v3/d1/miniflare-D1DatabaseObject")).length >= wanted.length) process.exit(0);

const result = spawnSync(process.execPath, [join(root, "node_modules/wrangler/bin/wrangler.js"), "d1", "migrations", "apply", "DB", "--local"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, CI: "1" },
});
process.exit(result.status ?? 1);

/** Names in d1_migrations of the local database files (none when the directory or table is missing). */
function appliedLocally(dir) {
  if (!existsSync(dir)) return [];
  const Database = createRequire(import.meta.url)("better-sqlite3");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite")) {
    const db = new Database(join(dir, file), { readonly: true, fileMustExist: true });
    try {
      return db.prepare("select name from d1_migrations").all().map((row) => row.name);
    } catch {
      // A database without d1_migrations has had nothing applied.
    } finally {
      db.close();
    }
  }
  return [];
}
