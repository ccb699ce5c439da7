/** @module The outbox by channel and state, as the outbox admin page and a campaign page show it. */
import type { OutboxSummary } from "../../../core/outbox/outbox-status";
import { OUTBOX_STATES } from "../../../core/records";
import type { PageContext } from "./layout";
import { formatters } from "./progress-table";

/** One row per channel and a total row; `href` links a channel's label (or "all" for the total) when given. */
export function OutboxStatesTable(props: { c: PageContext; summary: Pick<OutboxSummary, "byStatus" | "byChannel">; href?: (channel: string) => string }) {
  const { c, summary, href } = props;
  const tr = c.var.tr;
  const f = formatters(c);
  const label = (channel: string, text: string) => (href ? <a href={href(channel)}>{text}</a> : text);
  return (
    <table class="outbox-states">
      <thead>
        <tr>
          <th scope="col">{tr("dashboard-col-channel")}</th>
          {OUTBOX_STATES.map((s) => <th scope="col">{tr("dash-outbox-state", { state: s })}</th>)}
        </tr>
      </thead>
      <tbody>
        {Object.keys(summary.byChannel).sort().map((ch) => (
          <tr data-channel={ch}>
            <th scope="row">{label(ch, tr("dashboard-channel", { channel: ch }))}</th>
            {OUTBOX_STATES.map((s) => <td class={`num ${s}`}>{f.int(summary.byChannel[ch]![s])}</td>)}
          </tr>
        ))}
        <tr class="total" data-channel="all">
          <th scope="row">{label("all", tr("dashboard-report-total"))}</th>
          {OUTBOX_STATES.map((s) => <td class={`num ${s}`}>{f.int(summary.byStatus[s])}</td>)}
        </tr>
      </tbody>
    </table>
  );
}
