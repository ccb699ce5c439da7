/** @jsxImportSource hono/jsx */
import { raw } from "hono/html";
import type { CampaignOutboxStats, CampaignUnitProgress } from "../../../core/campaigns/campaign-progress";
import type { PeakCampaign } from "../../../core/campaigns/campaign-store";
import type { CommuneRanking } from "../../../core/progress/commune-ranking";
import { buildProgressChartSvg } from "../../../core/charts/progress-chart";
import { formatDate } from "../../../core/text/format-date";
import { Layout, type PageContext } from "./layout";
import { OutboxStatesTable } from "./outbox-states-table";
import { formatters } from "./progress-table";

/** Coverage at the end of each campaign day as the bot's bar picture: one bar per day (≤ 40 drawn). */
function DailyChart(props: { c: PageContext; unit: CampaignUnitProgress }) {
  const { c, unit } = props;
  const tr = c.var.tr;
  const target = unit.progress.target?.targetRate ?? null;
  const svg = buildProgressChartSvg({
    title: tr("dash-campaign-chart-title", { unit: unit.progress.unit.displayName }),
    subtitle: tr("dash-campaign-chart-subtitle"),
    bars: unit.days.slice(-40).map((d) => ({ label: d.date.split("-").reverse().slice(0, 2).join("/"), percent: d.rate, targetPercent: target })),
    locale: c.var.locale,
    text: { noData: tr("chart-no-data"), noTarget: tr("chart-no-target"), legend: { reached: tr("chart-legend-reached"), belowTarget: tr("chart-legend-below"), target: tr("chart-legend-target") } },
  });
  return <figure class="chart">{raw(svg)}</figure>;
}

function UnitDays(props: { c: PageContext; unit: CampaignUnitProgress }) {
  const { c, unit } = props;
  const f = formatters(c);
  return (
    <section class="campaign-unit" data-unit={unit.progress.unit.code}>
      <h2>{unit.progress.unit.displayName}</h2>
      <DailyChart c={c} unit={unit} />
      <table class="days">
        <thead>
          <tr>{["date", "added", "insured", "rate"].map((k) => <th scope="col">{c.var.tr(`dash-campaign-col-${k}`)}</th>)}</tr>
        </thead>
        <tbody>
          {unit.days.map((d) => (
            <tr data-date={d.date}>
              <td>{formatDate(d.date, c.var.locale)}</td>
              <td class="num added">{f.int(d.added)}</td>
              <td class="num insured">{f.int(d.insured)}</td>
              <td class="num rate">{f.pct(d.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Ranking(props: { c: PageContext; ranking: CommuneRanking }) {
  const { c, ranking } = props;
  const f = formatters(c);
  return (
    <section class="ranking" data-unit={ranking.commune.unit.code}>
      <h2>{c.var.tr("dash-campaign-ranking", { commune: ranking.commune.unit.displayName })}</h2>
      <table>
        <thead>
          {/* Ranked by share of target (communeRanking), so that column sits next to the rank. */}
          <tr>{["rank", "unit", "target-share", "insured", "rate", "gap"].map((k) => <th scope="col">{c.var.tr(k === "rank" ? "dash-col-rank" : `dashboard-col-${k}`)}</th>)}</tr>
        </thead>
        <tbody>
          {ranking.villages.map((v) => (
            <tr data-unit={v.progress.unit.code}>
              <td class="num rank">{v.rank}</td>
              <td>{v.progress.unit.displayName}</td>
              <td class="num target-share">{f.pct(v.targetShare)}</td>
              <td class="num">{f.int(v.progress.insured)}</td>
              <td class="num rate">{f.pct(v.progress.rate)}</td>
              <td class="num">{f.int(v.progress.gapToTarget)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Outbox figures of the campaign: by state and channel, then sent/delivered/failed per send day. */
export function CampaignOutbox(props: { c: PageContext; stats: CampaignOutboxStats }) {
  const { c, stats } = props;
  const tr = c.var.tr;
  const f = formatters(c);
  return (
    <section class="campaign-outbox">
      <h2>{tr("dash-campaign-outbox")}</h2>
      {Object.keys(stats.byChannel).length === 0 ? (
        <p>{tr("dash-campaign-no-messages")}</p>
      ) : (
        <>
          <OutboxStatesTable c={c} summary={stats} />
          <table class="outbox-days">
            <thead>
              <tr>{["date", "sent", "delivered", "failed"].map((k) => <th scope="col">{tr(`dash-campaign-col-${k}`)}</th>)}</tr>
            </thead>
            <tbody>
              {stats.byDay.map((d) => (
                <tr data-date={d.date}>
                  <td>{formatDate(d.date, c.var.locale)}</td>
                  <td class="num sent">{f.int(d.sent)}</td>
                  <td class="num delivered">{f.int(d.delivered)}</td>
                  <td class="num failed">{f.int(d.failed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** `/campaigns/:id`: the campaign's window, daily progress per unit, village ranking, messages. */
export function CampaignPage(props: { c: PageContext; campaign: PeakCampaign; units: CampaignUnitProgress[]; rankings: CommuneRanking[]; stats: CampaignOutboxStats; scopeNames: string }) {
  const { c, campaign } = props;
  const tr = c.var.tr;
  return (
    <Layout c={c} title={campaign.name}>
      <nav class="crumbs">
        <a href="/campaigns">{tr("dash-nav-campaigns")}</a>
      </nav>
      <h1>{campaign.name}</h1>
      <p class="period">
        {tr("dash-campaign-window", { from: formatDate(campaign.startsOn, c.var.locale), to: formatDate(campaign.endsOn, c.var.locale), cap: campaign.maxPerWeek })} · {props.scopeNames}
      </p>
      {props.units.map((u) => <UnitDays c={c} unit={u} />)}
      {props.rankings.map((r) => <Ranking c={c} ranking={r} />)}
      <CampaignOutbox c={c} stats={props.stats} />
    </Layout>
  );
}
