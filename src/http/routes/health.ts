import { Hono } from "hono";
import { sql } from "drizzle-orm";
import type { AppEnv } from "../app-env";
import { VERSION } from "../../version";

/** GET /healthz: liveness plus a real round trip to the database. */
export function createHealthRoutes() {
  const routes = new Hono<AppEnv>();
  routes.get("/healthz", async (c) => {
    const { db, logger } = c.get("deps");
    try {
      await db.orm.get(sql`select 1 as one`);
      return c.json({ ok: true, db: "ok", version: VERSION });
    } catch (err) {
      logger.error("health.db_failed", { err });
      return c.json({ ok: false, db: "error", version: VERSION }, 503);
    }
  });
  return routes;
}
