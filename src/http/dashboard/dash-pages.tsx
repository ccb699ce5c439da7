/** @jsxImportSource hono/jsx */
import type { Hono, MiddlewareHandler } from "hono";
import { MAX_UPLOAD_BYTES } from "../../core/imports/read-upload";
import { isHttps, pickLocale } from "./dashboard-cookies";
import { MessagePage } from "./views/message-page";
import { lookupAlarm } from "../../core/alerts/lookup-alarm";
import type { DashboardEnv } from "./dashboard-env";
import type { DashboardDeps } from "./index";
import { registerCampaignRoutes } from "./campaign-routes";
import { registerRosterRoutes } from "./roster-routes";
import { registerAdminOpsRoutes } from "./admin-ops-routes";
import { registerAdminPeopleRoutes } from "./admin-people-routes";
import { registerTryBotRoutes } from "./try-bot-routes";
import { registerImportRoutes } from "./import-routes";

/** Paths of the pages below (campaigns, roster, admin, try the bot); `/units/*` already covers unit rosters. */
export const PAGE_PATHS = ["/campaigns", "/campaigns/*", "/roster", "/admin", "/admin/*", "/try"];

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

/**
 * Refuses a body declared over the upload limit before anything reads it (the dashboard
 * middleware parses form bodies for the CSRF check), with a page in the visitor's language.
 * Browsers declare a form's length; hono's bodyLimit would re-wrap the body stream on each
 * overlapping path and break the cached form parsing. The import also checks the file size.
 */
export function uploadLimit(deps: DashboardDeps): MiddlewareHandler<DashboardEnv> {
  // Room for the multipart envelope and the other fields.
  const max = MAX_UPLOAD_BYTES + 64 * 1024;
  return async (c, next) => {
    const length = Number(c.req.header("content-length") ?? "0");
    if (c.req.method !== "POST" || !(length > max)) return next();
    const locale = pickLocale(c, deps.config.defaultLocale, isHttps(c, deps.config.publicUrl));
    c.set("locale", locale);
    c.set("tr", (key, args) => deps.t(locale, key, args));
    return c.html(<MessagePage c={c} title={deps.t(locale, "import-upload-too-large", { mb: MAX_UPLOAD_BYTES / 1024 / 1024 })} />, 413);
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
}
