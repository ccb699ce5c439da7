/** @jsxImportSource hono/jsx */
import type { Context, Hono } from "hono";
import { accountsInScope, createScopedAccount, disableAccount } from "../../core/auth/account-admin";
import { activeSessions, revokeSession, sessionById } from "../../core/auth/admin-sessions";
import { createInvite } from "../../core/officers/invites";
import { officersInScope, openInvites, revokeInvite } from "../../core/officers/officer-roster";
import { unitsInScope } from "../../core/units/units-in-scope";
import { OFFICER_ROLES, type OfficerRole } from "../../core/records";
import { AppError } from "../../errors";
import { auditAdmin } from "./admin-audit";
import { field } from "./form-fields";
import type { DashboardEnv } from "./dashboard-env";
import type { DashboardDeps } from "./index";
import { requireAccount } from "./require-account";
import { todayFor } from "./unit-access";
import { AccountsPage, OfficersPage } from "./views/admin-people-pages";
import { MessagePage } from "./views/message-page";

/** Officers and invitations (/admin/officers, /admin/invites…), accounts and sessions (/admin/accounts…), all within the account's scope. */
export function registerAdminPeopleRoutes(dash: Hono<DashboardEnv>, deps: DashboardDeps): void {
  const now = () => deps.now?.() ?? new Date();
  const refused = (c: Context<DashboardEnv>, key = "dashboard-forbidden", status: 403 | 404 | 409 = 404) => c.html(<MessagePage c={c} title={c.var.tr(key)} />, status);

  const officersPage = async (c: Context<DashboardEnv>, extra: { created?: { code: string; expiresAt: Date }; error?: string } = {}, status: 200 | 400 = 200) => {
    const scope = c.var.account!.scopeUnitId;
    const today = todayFor(deps);
    const [officers, invites, communes, villages] = await Promise.all([
      officersInScope(deps.db, scope),
      openInvites(deps.db, scope, now()),
      unitsInScope(deps.db, { scopeUnitId: scope, level: "commune", today }),
      unitsInScope(deps.db, { scopeUnitId: scope, level: "village", today }),
    ]);
    return c.html(<OfficersPage c={c} officers={officers} invites={invites} communes={communes} villages={villages} {...extra} />, status);
  };

  dash.get("/admin/officers", requireAccount(), (c) => officersPage(c));

  dash.post("/admin/invites", requireAccount(), async (c) => {
    const body = await c.req.parseBody();
    const scope = c.var.account!.scopeUnitId;
    const role = field(body, "role") as OfficerRole;
    const communeId = Number(field(body, "commune"));
    const villageId = field(body, "village") ? Number(field(body, "village")) : undefined;
    if (!OFFICER_ROLES.includes(role)) return officersPage(c, { error: c.var.tr("dash-invite-bad-role") }, 400);
    const communes = await unitsInScope(deps.db, { scopeUnitId: scope, level: "commune", today: todayFor(deps) });
    // The scope decides which communes exist for this account; anything else reads as a bad choice.
    if (!communes.some((u) => u.id === communeId)) return officersPage(c, { error: c.var.tr("dashboard-forbidden") }, 400);
    if (!deps.protector) return officersPage(c, { error: c.var.tr("dash-not-available") }, 400);
    try {
      const invite = await createInvite(deps.db, deps.protector, { communeId, unitId: villageId, role, createdBy: `admin:${c.var.account!.username}`, now: now() });
      await auditAdmin(deps.db, c, now(), { action: "invite.created", subjectKind: "unit", subjectId: communeId, details: { role, villageId: villageId ?? null } });
      return officersPage(c, { created: { code: invite.code, expiresAt: invite.expiresAt } });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return officersPage(c, { error: c.var.tr(err.messageKey, err.args) }, 400);
    }
  });

  dash.post("/admin/invites/:id/revoke", requireAccount(), async (c) => {
    const id = Number(c.req.param("id"));
    if (!(await revokeInvite(deps.db, { id, scopeUnitId: c.var.account!.scopeUnitId, now: now() }))) return refused(c, "dash-not-open");
    await auditAdmin(deps.db, c, now(), { action: "invite.revoked", subjectKind: "invite", subjectId: id });
    return c.redirect("/admin/officers", 303);
  });

  const accountsPage = async (c: Context<DashboardEnv>, extra: { notice?: string; error?: string; form?: { username: string; scope: string } } = {}, status: 200 | 400 | 409 = 200) => {
    const accounts = await accountsInScope(deps.db, c.var.account!.scopeUnitId);
    const sessions = await activeSessions(deps.db, accounts.map((a) => a.id), now());
    return c.html(<AccountsPage c={c} accounts={accounts} sessions={sessions} {...extra} />, status);
  };

  dash.get("/admin/accounts", requireAccount(), (c) => accountsPage(c));

  dash.post("/admin/accounts", requireAccount(), async (c) => {
    const body = await c.req.parseBody();
    const form = { username: field(body, "username", 64), scope: field(body, "scope", 32) };
    try {
      const created = await createScopedAccount(deps.db, { creator: c.var.account!, username: form.username, password: typeof body["password"] === "string" ? body["password"].slice(0, 256) : "", scopeCode: form.scope, now: now(), pepper: deps.config.admin.pepper });
      await auditAdmin(deps.db, c, now(), { action: "account.created", subjectKind: "admin_account", subjectId: created.username, details: { scope: form.scope || null } });
      return accountsPage(c, { notice: c.var.tr("dash-account-created", { username: created.username }) });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return accountsPage(c, { error: c.var.tr(err.messageKey, err.args), form }, err.code === "conflict" ? 409 : 400);
    }
  });

  dash.post("/admin/accounts/:id/disable", requireAccount(), async (c) => {
    const id = Number(c.req.param("id"));
    if (!(await disableAccount(deps.db, { admin: c.var.account!, accountId: id, now: now() }))) return refused(c);
    await auditAdmin(deps.db, c, now(), { action: "account.disabled", subjectKind: "admin_account", subjectId: id });
    return c.redirect("/admin/accounts", 303);
  });

  dash.post("/admin/sessions/:id/revoke", requireAccount(), async (c) => {
    const id = c.req.param("id");
    const session = await sessionById(deps.db, id);
    const mine = session && (await accountsInScope(deps.db, c.var.account!.scopeUnitId)).some((a) => a.id === session.accountId);
    if (!mine || !(await revokeSession(deps.db, id, now()))) return refused(c, "dash-not-open");
    await auditAdmin(deps.db, c, now(), { action: "session.revoked", subjectKind: "admin_account", subjectId: session.accountId });
    return c.redirect("/admin/accounts", 303);
  });
}
