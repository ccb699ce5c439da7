import { defineConfig } from "drizzle-kit";

// Flat `migrations/0000_name.sql` files: the Node migrator and `wrangler d1 migrations apply` both read them.
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema/index.ts",
  out: "./migrations",
  casing: "snake_case",
  strict: true,
});
