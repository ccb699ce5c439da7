/** @jsxImportSource hono/jsx */
import type { AuditEntry } from "../../../core/audit/audit-page";
import { canRetry, type DeadLetter } from "../../../core/outbox/dead-letters";
import type { OutboxSummary } from "../../../core/outbox/outbox-status";
import { Layout, type PageContext } from "./layout";
import { localDateTime, timeZoneLabel } from "./local-time";
import { PostButton } from "./form-parts";
import { OutboxStatesTable } from "./outbox-states-table";

/** Previous/next links keeping the other query parameters. */
export function Pager(props: { c: PageContext; page: number; total: number; pageSize: number }) {
  const { c, page, total, pageSize } = props;
  const href = (p: number) => {
    const url = new URL(c.req.url);
    url.searchParams.set("page", String(p));
    return url.pathname + url.search;
  };
  const last = Math.max(1, Math.ceil(total / pageSize));
  return (
    <p class="pager">
      {page > 1 ? <a rel="prev" href={href(page - 1)}>{c.var.tr("dash-page-prev")}</a> : null}
      <span>{c.var.tr("dash-page-of", { page, pages: last, total })}</span>
      {page < last ? <a rel="next" href={href(page + 1)}>{c.var.tr("dash-page-next")}</a> : null}
    </p>
  );
}

/** `/admin`: the administration pages the account may use. */
export function AdminIndexPage(props: { c: PageContext; national: boolean }) {
  const tr = props.c.var.tr;
  const links: [string, string][] = [
    ["/admin/officers", "dash-admin-officers"],
    ["/admin/accounts", "dash-admin-accounts"],
    ["/campaigns", "dash-nav-campaigns"],
    ["/account/password", "account-password-title"],
  ];
  if (props.national) links.push(["/admin/import", "dash-admin-import"], ["/admin/outbox", "dash-admin-outbox"], ["/admin/audit", "dash-admin-audit"]);
  return (
    <Layout c={props.c} title={tr("dash-nav-admin")}>
      <h1>{tr("dash-nav-admin")}</h1>
      <ul class="admin-links">
        {links.map(([href, key]) => <li><a href={href}>{tr(key)}</a></li>)}
      </ul>
      {props.national ? null : <p class="period">{tr("dash-admin-national-only")}</p>}
    </Layout>
  );
}

/** `/admin/outbox`: counts by state and channel, then dead letters with their reasons and a retry button. */
export function OutboxPage(props: { c: PageContext; summary: OutboxSummary; dead: DeadLetter[]; total: number; page: number; pageSize: number; now: Date; notice?: string }) {
  const { c, summary } = props;
  const tr = c.var.tr;
  return (
    <Layout c={c} title={tr("dash-admin-outbox")}>
      <h1>{tr("dash-admin-outbox")}</h1>
      {props.notice ? <p class="notice" role="status">{props.notice}</p> : null}
      <OutboxStatesTable c={c} summary={summary} href={(ch) => (ch === "all" ? "/admin/outbox" : `/admin/outbox?channel=${ch}`)} />
      <h2>{tr("dash-dead-letters")}</h2>
      {props.dead.length === 0 ? (
        <p>{tr("dash-dead-letters-none")}</p>
      ) : (
        <table class="dead-letters">
          <thead>
            <tr>{["id", "channel", "purpose", "state", "attempts", "reason", "updated", "action"].map((k) => <th scope="col">{tr(`dash-dead-col-${k}`)}</th>)}</tr>
          </thead>
          <tbody>
            {props.dead.map((m) => (
              <tr data-message={m.id}>
                <td class="num">{m.id}</td>
                <td>{tr("dashboard-channel", { channel: m.channel })}</td>
                <td>{m.purpose}</td>
                <td>{tr("dash-outbox-state", { state: m.status })}</td>
                <td class="num">{m.attempts}</td>
                <td class="reason">{m.reason ?? "—"}</td>
                <td>{localDateTime(props.c, m.updatedAt)}</td>
                <td>
                  {canRetry(m, props.now) ? (
                    <PostButton c={c} action={`/admin/outbox/${m.id}/retry`} label={tr("dash-dead-retry")} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager c={c} page={props.page} total={props.total} pageSize={props.pageSize} />
    </Layout>
  );
}

/** `/admin/audit`: the audit log, newest first, filtered by action. */
export function AuditPage(props: { c: PageContext; rows: AuditEntry[]; actions: string[]; action?: string; total: number; page: number; pageSize: number }) {
  const { c } = props;
  const tr = c.var.tr;
  return (
    <Layout c={c} title={tr("dash-admin-audit")}>
      <h1>{tr("dash-admin-audit")}</h1>
      <form method="get" action="/admin/audit" class="inline">
        <label>
          {tr("dash-audit-action")}{" "}
          <select name="action">
            <option value="">{tr("dash-audit-all")}</option>
            {props.actions.map((a) => <option value={a} selected={a === props.action}>{a}</option>)}
          </select>
        </label>
        <button type="submit">{tr("dash-audit-filter")}</button>
      </form>
      <table class="audit">
        <thead>
          <tr>{["at", "actor", "action", "subject", "details"].map((k) => <th scope="col">{tr(`dash-audit-col-${k}`, { zone: timeZoneLabel(c) })}</th>)}</tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr data-action={r.action}>
              <td>{localDateTime(props.c, r.at, { seconds: true })}</td>
              <td>{`${r.actorKind}${r.actorId ? `: ${r.actorId}` : ""}`}</td>
              <td>{r.action}</td>
              <td>{r.subjectKind ? `${r.subjectKind} ${r.subjectId ?? ""}` : "—"}</td>
              <td><code>{r.details ? JSON.stringify(r.details).slice(0, 200) : ""}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager c={c} page={props.page} total={props.total} pageSize={props.pageSize} />
    </Layout>
  );
}
