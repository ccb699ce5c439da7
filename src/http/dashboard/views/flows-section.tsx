/** @jsxImportSource hono/jsx */
import type { UnitFlows } from "../../../core/progress/unit-flows";
import type { UnitProgress } from "../../../core/progress/unit-progress";
import { daysBetween } from "../../../core/time/day-math";
import { formatDate } from "../../../core/text/format-date";
import { displayName } from "../../../core/units/unit-levels";
import type { PageContext } from "./layout";
import { formatters } from "./progress-table";

/**
 * New participants, renewals and lapsed cards over the span the unit's count covers, with the
 * rule, so the insured figure reads as a net one: baseline + new − lapsed, renewals apart.
 */
export function FlowsSection(props: { c: PageContext; progress: UnitProgress; flows: UnitFlows; today: string }) {
  const { c, progress, flows } = props;
  const tr = c.var.tr;
  const f = formatters(c);
  const date = (iso: string) => formatDate(iso, c.var.locale);
  const through = flows.lapsed.lapsedThrough;
  return (
    <section class="flows">
      <h2>{tr("dashboard-flows-heading")}</h2>
      <p>{tr("dashboard-flows-span", { from: date(flows.from), to: date(flows.to) })}</p>
      <ul>
        <li class="added">{tr("dashboard-flows-added", { count: f.int(flows.added) })}</li>
        <li class="renewals">{tr("dashboard-flows-renewals", { count: f.int(flows.renewals) })}</li>
        {progress.hasRoster ? <li class="lapsed">{tr("dashboard-flows-lapsed", { count: f.int(flows.lapsed.total) })}</li> : null}
        {flows.net !== null && progress.hasRoster ? (
          <li class="net">{tr("dashboard-flows-net", { direction: flows.net < 0 ? "down" : "up", count: f.int(Math.abs(flows.net)) })}</li>
        ) : null}
      </ul>
      {!progress.baseline ? <p class="note">{tr("dashboard-flows-no-baseline")}</p> : null}
      {!progress.hasRoster ? <p class="note">{tr("dashboard-flows-no-roster")}</p> : null}
      <p class="note">
        {through ? tr("dashboard-flows-rule", { days: String(daysBetween(through, props.today)), through: date(through), wait: String(flows.lapsed.waitDays ?? "") }) : tr("dashboard-flows-rule-none")}
      </p>
      {progress.hasRoster ? (
        flows.lapsed.rows.length === 0 ? (
          <p>{tr("dashboard-flows-lapsed-none")}</p>
        ) : (
          <table class="lapsed">
            <thead>
              <tr>{["unit", "group", "lapsed"].map((k) => <th scope="col">{tr(`dashboard-col-${k}`)}</th>)}</tr>
            </thead>
            <tbody>
              {flows.lapsed.rows.map((r) => (
                <tr data-unit-id={String(r.unitId)} data-group={r.groupCode ?? ""}>
                  <td>{displayName({ name: r.unitName, kind: r.unitKind })}</td>
                  <td>{r.groupCode ?? "—"}</td>
                  <td class="num">{f.int(r.lapsed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </section>
  );
}
