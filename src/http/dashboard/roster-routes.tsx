/** @jsxImportSource hono/jsx */
import type { Context, Hono } from "hono";
import { expiryRoster, rosterTable, type RosterFilter, type RosterHousehold } from "../../core/residents/expiry-roster";
import { writeCsv } from "../../core/reports/write-csv";
import { unitsInScope } from "../../core/units/units-in-scope";
import { writeXlsx } from "../../core/xlsx/write-xlsx";
import type { AdminUnit } from "../../core/records";
import { unitById } from "../../core/units/find-unit";
import { auditAdmin } from "./admin-audit";
import type { DashboardEnv } from "./dashboard-env";
import type { DashboardDeps } from "./index";
import { requireAccount } from "./require-account";
import { todayFor, unitForAccount } from "./unit-access";
import { MessagePage } from "./views/message-page";
import { RosterPage, RosterPicker } from "./views/roster-page";

const FILTERS: RosterFilter[] = ["all", "expiring", "expired"];

/** GET /roster (picker or redirect), /units/:code/roster, /roster.xlsx and /roster.csv (`?status=`). */
export function registerRosterRoutes(dash: Hono<DashboardEnv>, deps: DashboardDeps): void {
  dash.get("/roster", requireAccount(), async (c) => {
    const scope = c.var.account!.scopeUnitId;
    if (scope !== null) {
      const unit = await unitById(deps.db, scope);
      if (unit && (unit.level === "commune" || unit.level === "village")) return c.redirect(`/units/${encodeURIComponent(unit.code)}/roster`, 303);
    }
    return c.html(<RosterPicker c={c} communes={await unitsInScope(deps.db, { scopeUnitId: scope, level: "commune", today: todayFor(deps) })} />);
  });

  /** The roster is read one commune (or village) at a time: a province's would be a hundred thousand names to decrypt. */
  const load = async (c: Context<DashboardEnv>): Promise<{ unit: AdminUnit; roster: RosterHousehold[]; filter: RosterFilter } | Response> => {
    const unit = await unitForAccount(c, deps);
    if (unit instanceof Response) return unit;
    if (unit.level !== "commune" && unit.level !== "village") return c.html(<MessagePage c={c} title={c.var.tr("dash-roster-commune-only")} />, 400);
    if (!deps.protector) return c.html(<MessagePage c={c} title={c.var.tr("dash-not-available")} />, 503);
    const asked = c.req.query("status") as RosterFilter | undefined;
    const filter = asked && FILTERS.includes(asked) ? asked : "all";
    const roster = await expiryRoster(deps.db, deps.protector, { unitId: unit.id, today: todayFor(deps), filter });
    await auditAdmin(deps.db, c, deps.now?.() ?? new Date(), { action: "roster.viewed", subjectKind: "unit", subjectId: unit.code, details: { filter, households: roster.length, format: c.req.path.split(".")[1] ?? "html" } });
    return { unit, roster, filter };
  };
  const table = (c: Context<DashboardEnv>, roster: RosterHousehold[]) =>
    rosterTable(roster, (k) => c.var.tr(`roster-col-${k}`), (s) => c.var.tr("dash-roster-filter", { filter: s }));
  const fileName = (unit: AdminUnit, filter: RosterFilter, today: string, ext: string) => `bhyt-the-${unit.code}-${filter}-${today}.${ext}`;

  dash.get("/units/:code/roster", requireAccount(), async (c) => {
    const r = await load(c);
    return r instanceof Response ? r : c.html(<RosterPage c={c} {...r} today={todayFor(deps)} />);
  });

  dash.get("/units/:code/roster.xlsx", requireAccount(), async (c) => {
    const r = await load(c);
    if (r instanceof Response) return r;
    const bytes = writeXlsx([{ name: r.unit.code, rows: table(c, r.roster), widths: [14, 22, 14, 24, 8, 8, 12, 14, 8] }]);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${fileName(r.unit, r.filter, todayFor(deps), "xlsx")}"`,
    });
  });

  dash.get("/units/:code/roster.csv", requireAccount(), async (c) => {
    const r = await load(c);
    if (r instanceof Response) return r;
    return c.body(writeCsv(table(c, r.roster)), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName(r.unit, r.filter, todayFor(deps), "csv")}"`,
    });
  });
}
