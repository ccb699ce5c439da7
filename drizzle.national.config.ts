import { defineConfig } from "drizzle-kit";

// The national database (province sharding): its own schema and migrations folder, so a
// province database never gets national tables and the national one never gets rosters.
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/national/schema.ts",
  out: "./migrations-national",
  casing: "snake_case",
  strict: true,
});
