/** @jsxImportSource hono/jsx */
import type { Hono, MiddlewareHandler } from "hono";
import { lookupAlarm } from "../../core/alerts/lookup-alarm";
import type { DashboardEnv } from "./dashboard-env";
import type { DashboardDeps } from "./index";
import { registerCampaignRoutes } from "./campaign-routes";
import { registerRosterRoutes } from "./roster-routes";
import { registerAdminOpsRoutes } from "./admin-ops-routes";
import { registerAdminPeopleRoutes } from "./admin-people-routes";
import { registerTryBotRoutes } from "./try-bot-routes";
import { registerImportRoutes } from "./import-routes";
import { registerAccountRoutes } from "./account-routes";

/** Paths of the pages below (campaigns, roster, admin, try the bot); `/units/*` already covers unit rosters. */
export const PAGE_PATHS = ["/campaigns", "/campaigns/*", "/roster", "/admin", "/admin/*", "/try", "/account/password"];

/**
 * Checks the failed look-up alarm on page views of national accounts. Look-ups carry no unit
 * (the person is not known when they fail), so a commune account could neither tell whether
 * a spike concerns it nor act on it.
 */
export function lookupAlarmBanner(deps: DashboardDeps): MiddlewareHandler<DashboardEnv> {
  return async (c, next) => {
    if (c.req.method === "GET" && c.var.account && c.var.account.scopeUnitId === null && !c.req.path.endsWith(".css")) {
      c.set("alarm", await lookupAlarm(deps.db, deps.config.lookupAlarm, deps.now?.() ?? new Date()));
    }
    await next();
  };
}

/** The dashboard pages of issue 7, each in its own file. */
export function registerDashPages(dash: Hono<DashboardEnv>, deps: DashboardDeps): void {
  registerCampaignRoutes(dash, deps);
  registerRosterRoutes(dash, deps);
  registerAdminOpsRoutes(dash, deps);
  registerAdminPeopleRoutes(dash, deps);
  registerTryBotRoutes(dash, deps);
  registerImportRoutes(dash, deps);
  registerAccountRoutes(dash, deps);
}
