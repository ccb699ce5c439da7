/** @jsxImportSource hono/jsx */
import type { CampaignEstimate } from "../../../core/campaigns/plan-campaign";
import { CAMPAIGN_AUDIENCES, type PeakCampaign } from "../../../core/campaigns/campaign-store";
import type { AdminUnit } from "../../../core/records";
import { formatDate } from "../../../core/text/format-date";
import { displayName } from "../../../core/units/unit-levels";
import { Layout, type PageContext } from "./layout";
import { formatters } from "./progress-table";

/** What the create form was filled with; kept across the preview so nothing is typed twice. */
export interface CampaignDraftForm {
  name: string;
  from: string;
  to: string;
  communeIds: number[];
  audience: string[];
  maxPerWeek: string;
}

function Estimate(props: { c: PageContext; estimate: CampaignEstimate }) {
  const f = formatters(props.c);
  const e = props.estimate;
  const rows: [string, number][] = [
    ["households", e.households],
    ["send-days", e.sendDays],
    ["messages", e.messages],
    ["sms", e.smsMessages],
    ["segments", e.smsSegments],
    ["undeliverable", e.undeliverable],
  ];
  return (
    <table class="estimate">
      <tbody>
        {rows.map(([k, v]) => (
          <tr data-figure={k}>
            <th scope="row">{props.c.var.tr(`dash-estimate-${k}`)}</th>
            <td class="num">{f.int(v)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `/campaigns`: existing campaigns, then the create form (preview with the cost estimate first). */
export function CampaignsPage(props: {
  c: PageContext;
  campaigns: PeakCampaign[];
  communes: AdminUnit[];
  today: string;
  form: CampaignDraftForm;
  estimate?: CampaignEstimate;
  error?: string;
}) {
  const { c, form } = props;
  const tr = c.var.tr;
  const state = (k: PeakCampaign) => (props.today < k.startsOn ? "upcoming" : props.today > k.endsOn ? "ended" : "running");
  const names = new Map(props.communes.map((u) => [u.id, displayName(u)]));
  return (
    <Layout c={c} title={tr("dash-nav-campaigns")}>
      <h1>{tr("dash-nav-campaigns")}</h1>
      {props.campaigns.length === 0 ? (
        <p>{tr("dash-campaigns-none")}</p>
      ) : (
        <table class="campaigns">
          <thead>
            <tr>{["name", "window", "communes", "audience", "state"].map((k) => <th scope="col">{tr(`dash-campaigns-col-${k}`)}</th>)}</tr>
          </thead>
          <tbody>
            {props.campaigns.map((k) => (
              <tr data-campaign={k.id}>
                <td><a href={`/campaigns/${k.id}`}>{k.name}</a></td>
                <td>{`${formatDate(k.startsOn, c.var.locale)} → ${formatDate(k.endsOn, c.var.locale)}`}</td>
                <td>{k.communeIds.length === 0 ? tr("dash-campaigns-everywhere") : k.communeIds.map((id) => names.get(id) ?? `#${id}`).join(", ")}</td>
                <td>{k.audience.map((a) => tr("dash-audience", { audience: a })).join(", ")}</td>
                <td>{tr("dash-campaign-state", { state: state(k) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section class="create-campaign">
        <h2>{tr("dash-campaigns-create")}</h2>
        {props.error ? <p class="error" role="alert">{props.error}</p> : null}
        <form method="post" action="/campaigns" class="stacked">
          <input type="hidden" name="_csrf" value={c.var.csrf} />
          <label>
            {tr("dash-campaigns-col-name")} <input name="name" required maxlength={80} value={form.name} />
          </label>
          <label>
            {tr("dash-campaign-from")} <input type="date" name="from" required value={form.from} />
          </label>
          <label>
            {tr("dash-campaign-to")} <input type="date" name="to" required value={form.to} />
          </label>
          <label>
            {tr("dash-campaigns-col-communes")}
            <select name="communes" multiple size={Math.min(8, Math.max(2, props.communes.length))}>
              {props.communes.map((u) => <option value={String(u.id)} selected={form.communeIds.includes(u.id)}>{displayName(u)}</option>)}
            </select>
            <small>{tr(c.var.account?.scopeUnitId === null ? "dash-campaign-communes-hint" : "dash-campaign-communes-required")}</small>
          </label>
          <fieldset>
            <legend>{tr("dash-campaigns-col-audience")}</legend>
            {CAMPAIGN_AUDIENCES.map((a) => (
              <label class="check">
                <input type="checkbox" name="audience" value={a} checked={form.audience.includes(a)} /> {tr("dash-audience", { audience: a })}
              </label>
            ))}
          </fieldset>
          <label>
            {tr("dash-campaign-cap")} <input type="number" name="maxPerWeek" min={1} max={7} required value={form.maxPerWeek} />
          </label>
          {props.estimate ? (
            <div class="preview">
              <h3>{tr("dash-campaign-estimate")}</h3>
              <Estimate c={c} estimate={props.estimate} />
              <button type="submit" name="step" value="preview">{tr("dash-campaign-recompute")}</button>{" "}
              <button type="submit" name="step" value="create" class="primary">{tr("dash-campaign-start")}</button>
            </div>
          ) : (
            <button type="submit" name="step" value="preview" class="primary">{tr("dash-campaign-preview")}</button>
          )}
        </form>
      </section>
    </Layout>
  );
}
