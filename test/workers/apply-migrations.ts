// Runs before each test file: the same drizzle-kit SQL that `wrangler d1 migrations apply`
// uses, recorded in d1_migrations, so already-applied files are skipped.
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
