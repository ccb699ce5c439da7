/** @jsxImportSource hono/jsx */
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { adminUnits, type AdminUnit } from "../../db/schema";
import { unitInScope } from "../../core/auth/admin-accounts";
import { defaultPlanYear } from "../../core/reports/unit-overview";
import { localDate } from "../../core/time/local-date";
import type { DashboardEnv } from "./dashboard-env";
import type { DashboardDeps } from "./index";
import { MessagePage } from "./views/message-page";

/**
 * The unit named in the path, if the signed-in account may see it: 404 when there is no such
 * unit, 403 when it lies outside the account's subtree.
 */
export async function unitForAccount(c: Context<DashboardEnv>, deps: DashboardDeps): Promise<AdminUnit | Response> {
  const [unit] = await deps.db.orm.select().from(adminUnits).where(eq(adminUnits.code, c.req.param("code") ?? ""));
  if (!unit) return c.html(<MessagePage c={c} title={c.var.tr("dashboard-not-found")} />, 404);
  if (!(await unitInScope(deps.db, unit, c.var.account?.scopeUnitId ?? null))) {
    return c.html(<MessagePage c={c} title={c.var.tr("dashboard-forbidden")} />, 403);
  }
  return unit;
}

/** Today in the configured time zone. */
export const todayFor = (deps: DashboardDeps) => localDate(deps.now?.() ?? new Date(), deps.config.timezone);

/**
 * The plan year (`?year=`, else the latest year with a plan) and the day figures are seen on:
 * today, or the year's last day for a past year.
 */
export async function dashboardPeriod(c: Context<DashboardEnv>, deps: DashboardDeps): Promise<{ year: number; today: string }> {
  const today = todayFor(deps);
  const asked = c.req.query("year");
  const year = asked && /^\d{4}$/.test(asked) ? Number(asked) : await defaultPlanYear(deps.db, today);
  const yearEnd = `${year}-12-31`;
  return { year, today: today < yearEnd ? today : yearEnd };
}
