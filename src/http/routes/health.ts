import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { VERSION } from "../../version";
import { operationalLag } from "../../core/outbox/operational-lag";
import { databaseAnswers } from "../../core/health/database-answers";

/** GET /healthz: liveness, a real round trip to the database, outbox lag and the daily jobs' last runs. */
export function createHealthRoutes() {
  const routes = new Hono<AppEnv>();
  routes.get("/healthz", async (c) => {
    const { db, logger, now } = c.get("deps");
    try {
      await databaseAnswers(db);
      const lag = await operationalLag(db, now?.() ?? new Date());
      return c.json({ ok: true, db: "ok", version: VERSION, ...lag });
    } catch (err) {
      logger.error("health.db_failed", { err });
      return c.json({ ok: false, db: "error", version: VERSION }, 503);
    }
  });
  return routes;
}
