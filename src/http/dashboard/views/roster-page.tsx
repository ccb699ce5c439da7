/** @jsxImportSource hono/jsx */
import type { RosterFilter, RosterHousehold } from "../../../core/residents/expiry-roster";
import type { AdminUnit } from "../../../core/records";
import { displayName } from "../../../core/units/unit-levels";
import { Layout, type PageContext } from "./layout";

const FILTERS: RosterFilter[] = ["all", "expiring", "expired"];

/** `/roster` for accounts above commune level: which commune's roster to open. */
export function RosterPicker(props: { c: PageContext; communes: AdminUnit[] }) {
  const tr = props.c.var.tr;
  return (
    <Layout c={props.c} title={tr("dash-nav-roster")}>
      <h1>{tr("dash-nav-roster")}</h1>
      <p>{tr("dash-roster-pick")}</p>
      <ul class="communes">
        {props.communes.map((u) => <li><a href={`/units/${encodeURIComponent(u.code)}/roster`}>{displayName(u)}</a></li>)}
      </ul>
    </Layout>
  );
}

/** `/units/:code/roster`: expiring and expired cards by village and household, masked names only. */
export function RosterPage(props: { c: PageContext; unit: AdminUnit; roster: RosterHousehold[]; filter: RosterFilter; today: string }) {
  const { c, unit, roster } = props;
  const tr = c.var.tr;
  const code = encodeURIComponent(unit.code);
  const cards = roster.reduce((n, h) => n + h.cards.length, 0);
  const villages = [...new Set(roster.map((h) => h.villageCode))];
  return (
    <Layout c={c} title={tr("dash-roster-title", { unit: displayName(unit) })}>
      <nav class="crumbs">
        <a href={`/units/${code}`}>{displayName(unit)}</a>
      </nav>
      <h1>{tr("dash-roster-title", { unit: displayName(unit) })}</h1>
      <p class="period">{tr("dash-roster-summary", { households: roster.length, cards, date: props.today })}</p>
      <p class="filters">
        {FILTERS.map((f, i) => (
          <>
            {i > 0 ? " · " : ""}
            {f === props.filter ? <strong>{tr("dash-roster-filter", { filter: f })}</strong> : <a href={`/units/${code}/roster?status=${f}`}>{tr("dash-roster-filter", { filter: f })}</a>}
          </>
        ))}
        {" — "}
        <a class="download" href={`/units/${code}/roster.xlsx?status=${props.filter}`}>{tr("dashboard-report-xlsx")}</a>
        {" · "}
        <a class="download" href={`/units/${code}/roster.csv?status=${props.filter}`}>{tr("dashboard-report-csv")}</a>
      </p>
      {roster.length === 0 ? <p>{tr("dash-roster-none")}</p> : null}
      {villages.map((v) => {
        const list = roster.filter((h) => h.villageCode === v);
        return (
          <section class="roster-village" data-unit={v}>
            <h2>{list[0]!.villageName}</h2>
            <table class="roster">
              <thead>
                <tr>{["household", "name", "birth-year", "group", "valid-to", "status"].map((k) => <th scope="col">{tr(`roster-col-${k}`)}</th>)}</tr>
              </thead>
              <tbody>
                {list.flatMap((h) =>
                  h.cards.map((card, i) => (
                    <tr class={card.status}>
                      <td>{i === 0 ? h.householdCode ?? "—" : ""}</td>
                      <td class="name">{card.maskedName}</td>
                      <td class="num">{card.birthYear ?? "—"}</td>
                      <td>{card.groupCode ?? "—"}</td>
                      <td>{card.validTo}</td>
                      <td class="status">{tr("dash-roster-status", { status: card.status, days: Math.abs(card.daysLeft) })}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </section>
        );
      })}
    </Layout>
  );
}
