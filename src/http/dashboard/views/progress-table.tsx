/** @jsxImportSource hono/jsx */
import { raw } from "hono/html";
import type { UnitProgress } from "../../../core/progress/unit-progress";
import type { UnitOverview } from "../../../core/reports/unit-overview";
import { buildProgressChartSvg } from "../../../core/charts/progress-chart";
import { progressBar } from "../../../core/conversation/progress-picture";
import type { PageContext } from "./layout";

export type ProgressStatus = "on-track" | "behind" | "none";

/** On track once coverage reaches the target rate; the same rule colours the chart's bars. */
export function progressStatus(p: UnitProgress): ProgressStatus {
  const target = p.target?.targetRate ?? null;
  if (target === null) return "none";
  return p.rate !== null && p.rate >= target ? "on-track" : "behind";
}

const STATUS_KEY: Record<ProgressStatus, string> = {
  "on-track": "dashboard-status-on-track",
  behind: "dashboard-status-behind",
  none: "dashboard-status-no-target",
};

/** Formatters in the page's locale: 8.060 and 95,57 % in Vietnamese, 8,060 and 95.57 % in English. */
export function formatters(c: PageContext) {
  const nf = new Intl.NumberFormat(c.var.locale === "vi" ? "vi-VN" : "en-US");
  return {
    int: (n: number | null) => (n === null ? "—" : nf.format(n)),
    pct: (n: number | null) => (n === null ? "—" : c.var.tr("dashboard-percent", { value: n })),
  };
}

function Row(props: { c: PageContext; p: UnitProgress; total?: boolean; historical?: boolean }) {
  const { c, p } = props;
  const f = formatters(c);
  const status = progressStatus(p);
  return (
    <tr class={`status-${status}${props.total ? " total" : ""}${props.historical ? " historical" : ""}`} data-unit={p.unit.code}>
      <th scope="row">
        {props.total ? p.unit.displayName : <a href={`/units/${encodeURIComponent(p.unit.code)}`}>{p.unit.displayName}</a>}
        {props.historical ? <small> ({c.var.tr("dashboard-historical")})</small> : null}
      </th>
      <td class="num population">{f.int(p.target?.population ?? null)}</td>
      <td class="num insured">{f.int(p.insured)}</td>
      <td class="num target">{f.int(p.target?.targetCount ?? null)}</td>
      <td class="num target-rate">{f.pct(p.target?.targetRate ?? null)}</td>
      <td class="num rate">{f.pct(p.rate)}</td>
      <td class="num gap">{f.int(p.gapToTarget)}</td>
      <td class="status">{c.var.tr(STATUS_KEY[status])}</td>
    </tr>
  );
}

/** The unit's children, one row each, with the unit's own figures as the last (total) row. */
export function ProgressTable(props: { c: PageContext; overview: UnitOverview }) {
  const { c, overview } = props;
  const tr = c.var.tr;
  const cols = ["unit", "population", "insured", "target", "target-rate", "rate", "gap", "status"];
  return (
    <table class="progress">
      <thead>
        <tr>{cols.map((k) => <th scope="col">{tr(`dashboard-col-${k}`)}</th>)}</tr>
      </thead>
      <tbody>
        {overview.children.map((child) => <Row c={c} p={child.progress} historical={child.historical} />)}
        <Row c={c} p={overview.progress} total />
      </tbody>
    </table>
  );
}

/** The bot's progress picture, as inline SVG (server-rendered, no script). */
export function ProgressChart(props: { c: PageContext; overview: UnitOverview }) {
  const { c, overview } = props;
  const tr = c.var.tr;
  const bars = [...overview.children.filter((ch) => !ch.historical).map((ch) => progressBar(ch.progress)), progressBar(overview.progress, true)];
  const svg = buildProgressChartSvg({
    title: tr("chart-title", { unit: overview.progress.unit.displayName, year: String(overview.year) }),
    subtitle: tr("chart-subtitle"),
    bars,
    locale: c.var.locale,
    text: { noData: tr("chart-no-data"), noTarget: tr("chart-no-target"), legend: { reached: tr("chart-legend-reached"), belowTarget: tr("chart-legend-below"), target: tr("chart-legend-target") } },
  });
  return <figure class="chart">{raw(svg)}</figure>;
}
