/** @jsxImportSource hono/jsx */
import type { UnitOverview } from "../../../core/reports/unit-overview";
import type { RecentTally } from "../../../core/tallies/recent-tallies";
import { Layout, type PageContext } from "./layout";
import { ProgressChart, ProgressTable, formatters } from "./progress-table";
import { YearPicker } from "./year-picker";
import { formatDate } from "../../../core/text/format-date";
import type { DashboardPeriod } from "../unit-access";
import type { UnitFlows } from "../../../core/progress/unit-flows";
import { FlowsSection } from "./flows-section";

/** One unit's section: heading, period, children table and chart (the overview shows several). */
export function UnitSection(props: { c: PageContext; overview: UnitOverview; heading?: "h1" | "h2" }) {
  const { c, overview } = props;
  const name = overview.progress.unit.displayName;
  return (
    <section class="unit" data-unit={overview.unit.code}>
      {props.heading === "h2" ? (
        <h2><a href={`/units/${encodeURIComponent(overview.unit.code)}`}>{name}</a></h2>
      ) : (
        <h1>{name}</h1>
      )}
      <p class="period">{c.var.tr("dashboard-period", { year: String(overview.year), date: formatDate(overview.today, c.var.locale) })}</p>
      <ProgressTable c={c} overview={overview} />
      <ProgressChart c={c} overview={overview} />
    </section>
  );
}

function Breadcrumbs(props: { c: PageContext; overview: UnitOverview; visible: (unitId: number) => boolean }) {
  const crumbs = props.overview.ancestors.filter((a) => props.visible(a.id));
  return (
    <nav class="crumbs">
      <a href="/">{props.c.var.tr("dashboard-overview")}</a>
      {crumbs.map((a) => (
        <>
          {" › "}
          <a href={`/units/${encodeURIComponent(a.code)}`}>{a.name}</a>
        </>
      ))}
    </nav>
  );
}

/** `/units/:code`: children, silent villages, recent tallies and the monthly report links. */
export function UnitPage(props: { c: PageContext; overview: UnitOverview; recent: RecentTally[]; flows: UnitFlows; month: string; visible: (unitId: number) => boolean; period: DashboardPeriod }) {
  const { c, overview, recent } = props;
  const tr = c.var.tr;
  const f = formatters(c);
  const villages = overview.children.filter((ch) => ch.progress.unit.level === "village" && !ch.historical);
  const silent = villages.filter((v) => !v.reportedToday);
  const code = encodeURIComponent(overview.unit.code);
  return (
    <Layout c={c} title={overview.progress.unit.displayName}>
      <Breadcrumbs c={c} overview={overview} visible={props.visible} />
      <YearPicker c={c} period={props.period} />
      <UnitSection c={c} overview={overview} />
      <FlowsSection c={c} progress={overview.progress} flows={props.flows} today={overview.today} />
      {villages.length > 0 ? (
        <section class="silent">
          <h2>{tr("dashboard-silent-heading", { date: formatDate(overview.today, c.var.locale) })}</h2>
          {silent.length === 0 ? <p>{tr("dashboard-silent-none")}</p> : <ul>{silent.map((v) => <li>{v.progress.unit.displayName}</li>)}</ul>}
        </section>
      ) : null}
      <section class="recent">
        <h2>{tr("dashboard-recent-heading")}</h2>
        {recent.length === 0 ? (
          <p>{tr("dashboard-recent-none")}</p>
        ) : (
          <table>
            <thead>
              <tr>{["date", "unit", "group", "count", "officer", "channel"].map((k) => <th scope="col">{tr(`dashboard-col-${k}`)}</th>)}</tr>
            </thead>
            <tbody>
              {recent.map((r) => (
                <tr>
                  <td>{formatDate(r.reportDate, c.var.locale)}</td>
                  <td>{r.unitName}</td>
                  <td>{r.groupCode}</td>
                  <td class="num">{f.int(r.count)}</td>
                  <td>{r.officerName ?? tr("dashboard-officer-unknown")}</td>
                  <td>{tr("dashboard-channel", { channel: r.channel })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="reports">
        <h2>{tr("dashboard-report-heading")}</h2>
        <form method="get" action={`/units/${code}/report`} class="inline">
          <label>
            {tr("dashboard-report-month")} <input type="month" name="month" value={props.month} required />
          </label>
          <button type="submit">{tr("dashboard-report-print")}</button>
        </form>
        <p>
          <a class="download" href={`/units/${code}/report.xlsx?month=${props.month}`}>{tr("dashboard-report-xlsx")}</a>
          {" · "}
          <a class="download" href={`/units/${code}/report.csv?month=${props.month}`}>{tr("dashboard-report-csv")}</a>
        </p>
      </section>
    </Layout>
  );
}
