/** @jsxImportSource hono/jsx */
import { REPORT_COLUMNS, reportCells, reportRows, type MonthlyReport } from "../../../core/reports/monthly-report";
import { formatMonth } from "../../../core/text/format-date";
import { Layout, type PageContext } from "./layout";
import { formatters } from "./progress-table";

const PERCENT_COLUMNS = new Set(["target-rate", "rate"]);

/** The printable A4 monthly report; the same rows as the XLSX and CSV files. */
export function ReportPage(props: { c: PageContext; report: MonthlyReport }) {
  const { c, report } = props;
  const tr = c.var.tr;
  const f = formatters(c);
  const unit = report.overview.progress.unit;
  const code = encodeURIComponent(unit.code);
  return (
    <Layout c={c} title={tr("dashboard-report-title", { unit: unit.displayName, month: formatMonth(report.month, c.var.locale) })} printable>
      <h1>{tr("dashboard-report-title", { unit: unit.displayName, month: formatMonth(report.month, c.var.locale) })}</h1>
      <p class="period">{tr("dashboard-report-as-of", { date: report.asOf, year: String(report.overview.year) })}</p>
      <table class="report">
        <thead>
          <tr>{REPORT_COLUMNS.map((k) => <th scope="col">{tr(`report-col-${k}`)}</th>)}</tr>
        </thead>
        <tbody>
          {reportRows(report).map((row) => (
            <tr class={row.total ? "total" : undefined} data-unit={row.progress.unit.code}>
              {reportCells(row.progress).map((cell, i) => {
                const col = REPORT_COLUMNS[i]!;
                if (typeof cell !== "number") return <td class={col}>{col === "name" && row.total ? `${tr("dashboard-report-total")}: ${cell}` : cell ?? "—"}</td>;
                return <td class={`num ${col}`}>{PERCENT_COLUMNS.has(col) ? f.pct(cell) : f.int(cell)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="no-print">
        {tr("dashboard-report-print-hint")}{" "}
        <a href={`/units/${code}/report.xlsx?month=${report.month}`}>{tr("dashboard-report-xlsx")}</a>
        {" · "}
        <a href={`/units/${code}/report.csv?month=${report.month}`}>{tr("dashboard-report-csv")}</a>
      </p>
    </Layout>
  );
}
