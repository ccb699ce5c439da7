/** @jsxImportSource hono/jsx */
import type { NationalOverviewRow } from "../../../core/shards/national-overview";
import { formatDate } from "../../../core/text/format-date";
import { Layout, type PageContext } from "./layout";
import { formatters } from "./progress-table";

/** The columns of the national table and of `/national.csv`, in order. */
export const NATIONAL_COLUMNS = [
  ["dash-national-province", (r: NationalOverviewRow) => (r.name ? `${r.name} (${r.provinceCode})` : r.provinceCode)],
  ["dash-national-day", (r: NationalOverviewRow) => r.day],
  ["dash-national-cards", (r: NationalOverviewRow) => r.cards],
  ["dash-national-cards-valid", (r: NationalOverviewRow) => r.cardsValid],
  ["dash-national-expiring", (r: NationalOverviewRow) => r.cardsExpiring30d],
  ["dash-national-enrolments", (r: NationalOverviewRow) => r.enrolments],
  ["dash-national-reports", (r: NationalOverviewRow) => r.tallyReports],
  ["dash-national-sent", (r: NationalOverviewRow) => r.outboxSent],
  ["dash-national-failed", (r: NationalOverviewRow) => r.outboxFailed],
] as const;

/** `/` for a national account when each province has its own database: the daily roll-ups. */
export function NationalPage(props: { c: PageContext; rows: NationalOverviewRow[] }) {
  const { c, rows } = props;
  const tr = c.var.tr;
  const f = formatters(c);
  return (
    <Layout c={c} title={tr("dash-national-title")}>
      <h1>{tr("dash-national-title")}</h1>
      <p>{tr("dash-national-intro")}</p>
      {rows.length === 0 ? (
        <p class="empty">{tr("dash-national-empty")}</p>
      ) : (
        <div class="table-wrap">
          <table class="national">
            <thead>
              <tr>{NATIONAL_COLUMNS.map(([key]) => <th scope="col">{tr(key)}</th>)}</tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr data-province={r.provinceCode}>
                  <th scope="row">{r.name ? `${r.name} (${r.provinceCode})` : r.provinceCode}</th>
                  <td>{formatDate(r.day, c.var.locale)}{r.shards > 1 ? <small> ({tr("dash-national-parts", { count: r.shards })})</small> : null}</td>
                  <td class="num">{f.int(r.cards)}</td>
                  <td class="num">{f.int(r.cardsValid)}</td>
                  <td class="num">{f.int(r.cardsExpiring30d)}</td>
                  <td class="num">{f.int(r.enrolments)}</td>
                  <td class="num">{f.int(r.tallyReports)}</td>
                  <td class="num">{f.int(r.outboxSent)}</td>
                  <td class="num">{f.int(r.outboxFailed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p><a href="/national.csv">{tr("dash-national-csv")}</a></p>
    </Layout>
  );
}
