/** @jsxImportSource hono/jsx */
import type { Context } from "hono";
import type { AdminUnit } from "../../core/records";
import { unitByCode } from "../../core/units/find-unit";
import { unitInScope } from "../../core/auth/admin-accounts";
import { planYears } from "../../core/targets/plan-years";
import { localDate } from "../../core/time/local-date";
import type { DashboardEnv } from "./dashboard-env";
import type { DashboardDeps } from "./index";
import { MessagePage } from "./views/message-page";

/**
 * The unit named in the path, if the signed-in account may see it: 404 when there is no such
 * unit, 403 when it lies outside the account's subtree.
 */
export async function unitForAccount(c: Context<DashboardEnv>, deps: DashboardDeps): Promise<AdminUnit | Response> {
  const unit = await unitByCode(deps.db, c.req.param("code") ?? "");
  if (!unit) return c.html(<MessagePage c={c} title={c.var.tr("dashboard-not-found")} />, 404);
  if (!(await unitInScope(deps.db, unit, c.var.account?.scopeUnitId ?? null))) {
    return c.html(<MessagePage c={c} title={c.var.tr("dashboard-forbidden")} />, 403);
  }
  return unit;
}

/** Today in the configured time zone. */
export const todayFor = (deps: DashboardDeps) => localDate(deps.now?.() ?? new Date(), deps.config.timezone);

/** The year a page shows, the years it can switch to, and whether the shown year has a plan. */
export interface DashboardPeriod {
  year: number;
  /** The day figures are seen on: today, or the year's last day for a past year. */
  today: string;
  /** Years with a plan plus the current one, newest first. */
  years: number[];
  /** The shown year has no plan anywhere: the page says so and links the latest planned year. */
  unplanned: boolean;
  latestPlanned: number | null;
}

/**
 * The year asked (`?year=`), else the current year: never silently an older plan year. A year
 * without a plan shows today's reports with a notice that links the latest planned year.
 */
export async function dashboardPeriod(c: Context<DashboardEnv>, deps: DashboardDeps): Promise<DashboardPeriod> {
  const today = todayFor(deps);
  const current = Number(today.slice(0, 4));
  const asked = c.req.query("year");
  const year = asked && /^\d{4}$/.test(asked) && Number(asked) >= 2000 && Number(asked) <= current + 5 ? Number(asked) : current;
  const planned = await planYears(deps.db);
  const years = [...new Set([...planned, current])].sort((a, b) => b - a);
  const yearEnd = `${year}-12-31`;
  return { year, today: today < yearEnd ? today : yearEnd, years, unplanned: !planned.includes(year), latestPlanned: planned.find((y) => y <= current) ?? planned[0] ?? null };
}
