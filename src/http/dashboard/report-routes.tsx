/** @jsxImportSource hono/jsx */
import type { Context, Hono } from "hono";
import { AppError } from "../../errors";
import { monthlyReport, reportTable, type MonthlyReport } from "../../core/reports/monthly-report";
import { writeCsv } from "../../core/reports/write-csv";
import { writeXlsx } from "../../core/xlsx/write-xlsx";
import type { AdminUnit } from "../../core/records";
import type { DashboardEnv } from "./dashboard-env";
import type { DashboardDeps } from "./index";
import { requireAccount } from "./require-account";
import { todayFor, unitForAccount } from "./unit-access";
import { MessagePage } from "./views/message-page";
import { ReportPage } from "./views/report-page";

/** `ngoc-phung-2025-10`-style names would need transliteration; the unit code is ASCII already. */
const fileName = (report: MonthlyReport, ext: string) => `bhyt-${report.overview.unit.code}-${report.month}.${ext}`;

/** GET /units/:code/report (A4 page), /report.xlsx and /report.csv, `?month=YYYY-MM`. */
export function registerReportRoutes(dash: Hono<DashboardEnv>, deps: DashboardDeps): void {
  const load = async (c: Context<DashboardEnv>): Promise<MonthlyReport | Response> => {
    const unit: AdminUnit | Response = await unitForAccount(c, deps);
    if (unit instanceof Response) return unit;
    const today = todayFor(deps);
    try {
      return await monthlyReport(deps.db, { unit, month: c.req.query("month") ?? today.slice(0, 7), today });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return c.html(<MessagePage c={c} title={c.var.tr(err.messageKey, err.args)} />, 400);
    }
  };

  dash.get("/units/:code/report", requireAccount(), async (c) => {
    const report = await load(c);
    return report instanceof Response ? report : c.html(<ReportPage c={c} report={report} />);
  });

  dash.get("/units/:code/report.xlsx", requireAccount(), async (c) => {
    const report = await load(c);
    if (report instanceof Response) return report;
    const bytes = writeXlsx([{ name: report.month, rows: reportTable(report, c.var.tr), widths: [14, 28, 12, 14, 12, 12, 14, 12, 14, 14] }]);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${fileName(report, "xlsx")}"`,
    });
  });

  dash.get("/units/:code/report.csv", requireAccount(), async (c) => {
    const report = await load(c);
    if (report instanceof Response) return report;
    return c.body(writeCsv(reportTable(report, c.var.tr)), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName(report, "csv")}"`,
    });
  });
}
