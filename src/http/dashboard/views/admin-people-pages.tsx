/** @jsxImportSource hono/jsx */
import type { AccountRow } from "../../../core/auth/account-admin";
import type { InviteRow, OfficerRow } from "../../../core/officers/officer-roster";
import { OFFICER_ROLES, type AdminSession, type AdminUnit } from "../../../core/records";
import { displayName } from "../../../core/units/unit-levels";
import { Layout, type PageContext } from "./layout";
import { localDateTime, timeZoneLabel } from "./local-time";
import { Csrf, PostButton } from "./form-parts";


/** Hidden CSRF field every form carries. */

/** `/admin/officers`: officers of the scope, open invitations (revocable) and the invite form. */
export function OfficersPage(props: {
  c: PageContext;
  officers: OfficerRow[];
  invites: InviteRow[];
  communes: AdminUnit[];
  villages: AdminUnit[];
  created?: { code: string; expiresAt: Date };
  error?: string;
}) {
  const { c } = props;
  const tr = c.var.tr;
  const communeName = new Map(props.communes.map((u) => [u.id, displayName(u)]));
  return (
    <Layout c={c} title={tr("dash-admin-officers")}>
      <h1>{tr("dash-admin-officers")}</h1>
      {props.created ? (
        <p class="notice" role="status">
          {tr("dash-invite-created", { expires: localDateTime(props.c, props.created.expiresAt), zone: timeZoneLabel(c) })} <span class="secret invite-code">{props.created.code}</span>
        </p>
      ) : null}
      {props.error ? <p class="error" role="alert">{props.error}</p> : null}
      <table class="officers">
        <thead>
          <tr>{["name", "role", "commune", "channels", "status"].map((k) => <th scope="col">{tr(`dash-officer-col-${k}`)}</th>)}</tr>
        </thead>
        <tbody>
          {props.officers.map((o) => (
            <tr data-officer={o.id}>
              <td>{o.displayName ?? "—"}</td>
              <td>{tr("dash-officer-role", { role: o.role })}</td>
              <td>{o.communeName}</td>
              <td>{o.channels.map((ch) => tr("dashboard-channel", { channel: ch })).join(", ") || "—"}</td>
              <td>{tr("dash-account-status", { status: o.status })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{tr("dash-invites-open")}</h2>
      {props.invites.length === 0 ? (
        <p>{tr("dash-invites-none")}</p>
      ) : (
        <table class="invites">
          <thead>
            <tr>{["role", "commune", "village", "by", "expires", "action"].map((k) => <th scope="col">{tr(`dash-invite-col-${k}`, { zone: timeZoneLabel(c) })}</th>)}</tr>
          </thead>
          <tbody>
            {props.invites.map((i) => (
              <tr data-invite={i.id}>
                <td>{tr("dash-officer-role", { role: i.role })}</td>
                <td>{i.communeName}</td>
                <td>{i.villageName ?? "—"}</td>
                <td>{i.createdBy ?? "—"}</td>
                <td>{localDateTime(props.c, i.expiresAt)}</td>
                <td>
                  <PostButton c={c} action={`/admin/invites/${i.id}/revoke`} label={tr("dash-revoke")} danger />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{tr("dash-invite-new")}</h2>
      <form method="post" action="/admin/invites" class="stacked">
        <Csrf c={c} />
        <label>
          {tr("dash-invite-col-role")}
          <select name="role">{OFFICER_ROLES.map((r) => <option value={r}>{tr("dash-officer-role", { role: r })}</option>)}</select>
        </label>
        <label>
          {tr("dash-invite-col-commune")}
          <select name="commune" required>{props.communes.map((u) => <option value={String(u.id)}>{displayName(u)}</option>)}</select>
        </label>
        <label>
          {tr("dash-invite-col-village")}
          <select name="village">
            <option value="">{tr("dash-invite-no-village")}</option>
            {props.villages.map((v) => <option value={String(v.id)}>{`${communeName.get(v.parentId ?? -1) ?? ""} › ${displayName(v)}`}</option>)}
          </select>
        </label>
        <button type="submit" class="primary">{tr("dash-invite-create")}</button>
      </form>
    </Layout>
  );
}

/** `/admin/accounts`: dashboard accounts of the scope, their running sessions, the create form. */
export function AccountsPage(props: { c: PageContext; accounts: AccountRow[]; sessions: AdminSession[]; notice?: string; error?: string; form?: { username: string; scope: string } }) {
  const { c } = props;
  const tr = c.var.tr;
  const names = new Map(props.accounts.map((a) => [a.id, a.username]));
  return (
    <Layout c={c} title={tr("dash-admin-accounts")}>
      <h1>{tr("dash-admin-accounts")}</h1>
      {props.notice ? <p class="notice" role="status">{props.notice}</p> : null}
      {props.error ? <p class="error" role="alert">{props.error}</p> : null}
      <table class="accounts">
        <thead>
          <tr>{["username", "scope", "status", "action"].map((k) => <th scope="col">{tr(`dash-account-col-${k}`)}</th>)}</tr>
        </thead>
        <tbody>
          {props.accounts.map((a) => (
            <tr data-account={a.username}>
              <td>{a.username}</td>
              <td>{a.scopeCode ? `${a.scopeName} (${a.scopeCode})` : tr("dash-account-national")}</td>
              <td>{tr("dash-account-status", { status: a.status })}</td>
              <td>
                {a.status === "active" && a.id !== c.var.account?.id ? (
                  <PostButton c={c} action={`/admin/accounts/${a.id}/disable`} label={tr("dash-account-disable")} danger />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{tr("dash-sessions")}</h2>
      <table class="sessions">
        <thead>
          <tr>{["username", "created", "seen", "browser", "action"].map((k) => <th scope="col">{tr(`dash-session-col-${k}`, { zone: timeZoneLabel(c) })}</th>)}</tr>
        </thead>
        <tbody>
          {props.sessions.map((s) => (
            <tr data-session-of={names.get(s.accountId)}>
              <td>{names.get(s.accountId)}</td>
              <td>{localDateTime(props.c, s.createdAt)}</td>
              <td>{localDateTime(props.c, s.lastSeenAt)}</td>
              <td>{s.userAgent ?? "—"}</td>
              <td>
                <PostButton c={c} action={`/admin/sessions/${encodeURIComponent(s.id)}/revoke`} label={tr("dash-revoke")} danger />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{tr("dash-account-new")}</h2>
      <form method="post" action="/admin/accounts" class="stacked">
        <Csrf c={c} />
        <label>
          {tr("dashboard-username")} <input name="username" required maxlength={64} autocomplete="off" value={props.form?.username ?? ""} />
        </label>
        <label>
          {tr("dashboard-password")} <input name="password" type="password" required minlength={12} maxlength={256} autocomplete="new-password" />
        </label>
        <label>
          {tr("dash-account-col-scope")} <input name="scope" maxlength={32} value={props.form?.scope ?? ""} placeholder="38-01-01" />
          <small>{tr("dash-account-scope-hint")}</small>
        </label>
        <button type="submit" class="primary">{tr("dash-account-create")}</button>
      </form>
    </Layout>
  );
}
