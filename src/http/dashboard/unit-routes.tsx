/** @jsxImportSource hono/jsx */
import type { Hono } from "hono";
import { unitInScope } from "../../core/auth/admin-accounts";
import { rootUnits, unitOverview } from "../../core/reports/unit-overview";
import { recentTallies } from "../../core/tallies/recent-tallies";
import { unitFlows } from "../../core/progress/unit-flows";
import type { DashboardEnv } from "./dashboard-env";
import type { DashboardDeps } from "./index";
import { requireAccount } from "./require-account";
import { dashboardPeriod, unitForAccount } from "./unit-access";
import { OverviewPage } from "./views/overview-page";
import { UnitPage } from "./views/unit-page";
import { NationalPage, NATIONAL_COLUMNS } from "./views/national-page";
import { nationalOverview } from "../../core/shards/national-overview";
import { writeCsv } from "../../core/reports/write-csv";

/** GET / (overview) and GET /units/:code (one unit, scoped to the account's subtree). */
export function registerUnitRoutes(dash: Hono<DashboardEnv>, deps: DashboardDeps): void {
  dash.get("/", requireAccount(), async (c) => {
    // With a database per province, a national account reads the daily roll-ups, not this shard.
    if (deps.nationalRollups && c.var.account!.scopeUnitId === null) {
      return c.html(<NationalPage c={c} rows={await nationalOverview(deps.nationalRollups, deps.db)} />);
    }
    const period = await dashboardPeriod(c, deps);
    const roots = await rootUnits(deps.db, c.var.account!.scopeUnitId);
    const overviews = await Promise.all(roots.map((unit) => unitOverview(deps.db, { unit, year: period.year, today: period.today })));
    return c.html(<OverviewPage c={c} overviews={overviews} period={period} />);
  });

  dash.get("/national.csv", requireAccount(), async (c) => {
    if (!deps.nationalRollups || c.var.account!.scopeUnitId !== null) return c.json({ ok: false, error: { code: "not_found" } }, 404);
    const rows = await nationalOverview(deps.nationalRollups, deps.db);
    const table = [NATIONAL_COLUMNS.map(([key]) => c.var.tr(key)), ...rows.map((r) => NATIONAL_COLUMNS.map(([, value]) => value(r)))];
    return c.body(writeCsv(table), 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="bhyt-national.csv"' });
  });

  dash.get("/units/:code", requireAccount(), async (c) => {
    const unit = await unitForAccount(c, deps);
    if (unit instanceof Response) return unit;
    const period = await dashboardPeriod(c, deps);
    const [overview, recent] = await Promise.all([unitOverview(deps.db, { unit, year: period.year, today: period.today }), recentTallies(deps.db, { unitId: unit.id, limit: 20 })]);
    const flows = await unitFlows(deps.db, overview.progress, period.today);
    // Breadcrumbs only link to units the account may open.
    const scope = c.var.account!.scopeUnitId;
    const visible = new Set<number>();
    for (const a of overview.ancestors) if (await unitInScope(deps.db, a, scope)) visible.add(a.id);
    return c.html(<UnitPage c={c} overview={overview} recent={recent} flows={flows} month={overview.today.slice(0, 7)} visible={(id) => visible.has(id)} period={period} />);
  });
}
